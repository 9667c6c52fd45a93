/// Whether Kho checks a requirement, and if not, why not: nothing in the tables is skipped silently.
public enum RequirementCoverage: Sendable, Hashable {
    /// The validator checks it and reports it under its own ID.
    case checked
    /// Checked through other requirements, named in the text.
    case coveredBy(String)
    /// Not machine-checkable; the reason says why.
    case notMachineCheckable(String)
}

extension RequirementCatalog {
    /// Requirements of the CSIP and SIP profiles and the CSIP structure that Kho does not check itself, with reasons.
    public static let notChecked: [String: RequirementCoverage] = [
        "CSIP45": .notMachineCheckable("Permission only (a rights statement MAY be given); its parts are checked by CSIP46–CSIP57 when present."),
        "CSIP73": .notMachineCheckable("Permission only: @OWNERID is free text chosen by the producer."),
        "REF_METS_1": .notMachineCheckable("structLink is not defined by CSIP; METS schema validation (KHO-METS-XSD) covers its syntax."),
        "REF_METS_2": .notMachineCheckable("behaviorSec is not defined by CSIP; METS schema validation (KHO-METS-XSD) covers its syntax."),
        "SIP1": .notMachineCheckable("Permission only: mets/@LABEL is free text."),
        "SIP32": .notMachineCheckable("Permission only: @sip:FILEFORMATNAME is free text."),
        "SIP33": .notMachineCheckable("Permission only: @sip:FILEFORMATVERSION is free text."),
        "SIP34": .notMachineCheckable("Permission only: @sip:FILEFORMATREGISTRY names any registry."),
        "SIP35": .notMachineCheckable("Permission only: @sip:FILEFORMATKEY depends on the registry named in SIP34."),
        "SIP9": .notMachineCheckable("Permission only: an archival creator agent MAY be given; when it is, SIP11, SIP12 and SIP14 are checked."),
        "SIP13": .notMachineCheckable("Permission only: the archival creator's note MAY be given; SIP14 checks its type."),
        "SIP19": .notMachineCheckable("Permission only: the submitting agent's note MAY be given; SIP20 checks its type."),
        "SIP21": .notMachineCheckable("Permission only: contact persons MAY be given; SIP24 checks their name."),
        "SIP25": .notMachineCheckable("Permission only: contact notes are free text."),
        "SIP26": .notMachineCheckable("Permission only: a preservation agent MAY be given; SIP28, SIP29 and SIP31 are checked when it is."),
        "SIP30": .notMachineCheckable("Permission only: the preservation agent's note MAY be given; SIP31 checks its type."),
        "SIP10": .coveredBy("@ROLE=\"ARCHIVIST\" is how an agent is recognised as the archival creator; SIP11, SIP12, SIP14 are then checked."),
        "SIP16": .coveredBy("@ROLE=\"CREATOR\" with TYPE ORGANIZATION/INDIVIDUAL is how the submitting agent is recognised; SIP15 reports its absence, SIP17, SIP18, SIP20 its parts."),
        "SIP22": .coveredBy("@ROLE=\"CREATOR\" with TYPE INDIVIDUAL is how a contact person is recognised; SIP24 checks the name."),
        "SIP23": .coveredBy("@TYPE=\"INDIVIDUAL\" with ROLE CREATOR is how a contact person is recognised; SIP24 checks the name."),
        "SIP27": .coveredBy("@ROLE=\"PRESERVATION\" is how the preservation agent is recognised; SIP28, SIP29, SIP31 are then checked."),
        "REF_CSIP_1": .coveredBy("The CSIP dmdSec requirements CSIP17–CSIP30 run on every SIP."),
        "REF_CSIP_2": .coveredBy("The CSIP amdSec requirements CSIP31–CSIP57 run on every SIP."),
        "REF_CSIP_3": .coveredBy("The CSIP structMap requirements CSIP80–CSIP119 run on every SIP."),
        "CSIPSTR3": .notMachineCheckable("Permission only: zip or tar transport is accepted (SubmissionPackage unpacks it)."),
        "CSIPSTR8": .notMachineCheckable("Permission only: further metadata folders are allowed."),
        "CSIPSTR14": .notMachineCheckable("Permission only: additional sub-folders are allowed."),
    ]

    /// The coverage of one requirement ID.
    public static func coverage(of id: String) -> RequirementCoverage {
        notChecked[id] ?? (checkedIDs.contains(id) ? .checked : .notMachineCheckable("unknown requirement"))
    }

    /// Every requirement the validator reports under its own ID (`METSRules`, `StructureRules`, `TT05PackageRules`).
    public static var checkedIDs: Set<String> {
        Set((csip + sip + structure + tt05 + kho).map(\.id)).subtracting(notChecked.keys)
    }

    /// The requirement with this ID, from any table.
    public static func requirement(_ id: String) -> Requirement? {
        index[id]
    }

    private static let index: [String: Requirement] = {
        var result: [String: Requirement] = [:]
        for requirement in csip + sip + structure + tt05 + kho where result[requirement.id] == nil {
            result[requirement.id] = requirement
        }
        return result
    }()
}

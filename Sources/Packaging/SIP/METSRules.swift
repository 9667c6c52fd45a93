import KhoCore

/// The machine-checkable requirements of E-ARK CSIP 2.2 and SIP 2.2 applied to one METS document.
///
/// Each check reports its requirement ID at the profile's level (MUST → error, SHOULD → warning, MAY → info).
/// The package METS gets every requirement; a representation METS gets those that apply to any CSIP METS
/// (root attributes, header, metadata sections, files, the CSIP structMap) but not the package-level
/// file groups and divisions (CSIP60, CSIP113, CSIP114, CSIP88–CSIP119).
struct METSRules {
    /// Where the document is and what role it plays.
    var path: String
    var role: METSRole
    /// The package's files, to resolve references and judge conditional requirements.
    var tree: PackageTree

    /// Folder that hrefs in this document are relative to.
    var base: String {
        switch role {
        case .package: ""
        case .representation(let folder): folder
        }
    }

    static let contentCategories: Set<String> = [
        "Textual works – Print", "Textual works – Digital", "Textual works – Electronic Serials",
        "Digital Musical Composition (score-based representations)", "Musical Scores - Print", "Musical Scores - Digital",
        "Photographs – Print", "Photographs – Digital", "Other Graphic Images – Print", "Other Graphic Images – Digital",
        "Microforms", "Audio – On Tangible Medium (digital or analog)", "Audio – Media-independent (digital)",
        "Motion Pictures – Digital and Physical Media", "Video – File-based and Physical Media", "Software",
        "Software and Video Games", "Email", "Datasets", "Geospatial Data",
        "Geographic Information System (GIS) - Vector Data", "GIS Raster and Georeferenced Images",
        "GIS Vector and Raster Combined", "Non-GIS Cartographic", "2D and 3D Computer Aided Design",
        "Design (schematics, architectural drawings) - Print", "Scanned 3D Objects (output from photogrammetry scanning)",
        "Databases", "Websites", "Web Archives", "Collection", "Dataset", "Event", "Image", "Interactive resource",
        "Moving image", "Sound", "Still image", "Text", "Physical object", "Service", "Mixed", "Other", "OTHER", "MIXED",
    ]
    static let contentInformationTypes: Set<String> = [
        "ERMS", "SIARD1", "SIARD2", "SIARDDK", "GeoData", "citscarchival_v1_0", "cscarchival_v1_0", "citserms_v2_1",
        "citserms_v3_0", "citspremis_v1_0", "cspremis_v1_0", "citsehpj_v1_0", "citsehpj_v2_0", "citsehcr_v1_0",
        "citssiard_v1_0", "citsgeospatial_v3_0", "cits3dpm_v1_0", "MIXED", "OTHER",
    ]
    static let packageTypes: Set<String> = ["SIP", "AIP", "DIP", "AIU", "AIC"]
    static let statuses: Set<String> = ["CURRENT", "SUPERSEDED"]
    static let checksumTypes: Set<String> = [
        "Adler-32", "CRC32", "HAVAL", "MD5", "MNP", "SHA-1", "SHA-256", "SHA-384", "SHA-512", "TIGER", "WHIRLPOOL",
    ]
    static let recordStatuses: Set<String> = ["NEW", "SUPPLEMENT", "REPLACEMENT", "TEST", "VERSION", "DELETE", "OTHER"]
    static let altRecordTypes: Set<String> = [
        "SUBMISSIONAGREEMENT", "PREVIOUSSUBMISSIONAGREEMENT", "REFERENCECODE", "PREVIOUSREFERENCECODE",
    ]

    /// Runs every applicable rule; returns the findings and what the package checks need.
    func check(_ mets: METSElement) -> ([Finding], METSSummary) {
        var out = FindingCollector(path: path)
        var summary = METSSummary(path: path)
        guard mets.name == "mets", mets.namespace == METSNamespace.mets else {
            out.report("KHO-METS-XSD", "Phần tử gốc không phải <mets> thuộc không gian tên METS",
                       "The root element is not <mets> in the METS namespace", at: mets)
            return (out.findings, summary)
        }
        summary.objid = mets.attribute("OBJID")
        let sipProfile = checkRoot(mets, &out)
        checkHeader(mets, sipProfile: sipProfile, &out, &summary)
        checkDescriptive(mets, &out, &summary)
        checkAdministrative(mets, &out, &summary)
        checkFileSection(mets, &out, &summary)
        checkStructMap(mets, &out, &summary)
        return (out.findings, summary)
    }

    // MARK: - Root element (CSIP1–CSIP6, SIP2)

    /// Returns whether the SIP profile applies (the document does not declare the bare CSIP profile).
    private func checkRoot(_ mets: METSElement, _ out: inout FindingCollector) -> Bool {
        out.require("CSIP1", "OBJID", on: mets)
        if let type = mets.attribute("TYPE") {
            if !Self.contentCategories.contains(type) {
                out.report("CSIP2", "@TYPE=\"\(type)\" không thuộc bộ từ vựng loại nội dung; dùng OTHER và @csip:OTHERTYPE",
                           "@TYPE=\"\(type)\" is not in the content category vocabulary; use OTHER with @csip:OTHERTYPE", at: mets)
            }
            if type.uppercased() == "OTHER", (mets.attribute("OTHERTYPE", namespace: METSNamespace.csip) ?? "").isEmpty {
                out.report("CSIP3", "@TYPE là OTHER nhưng thiếu @csip:OTHERTYPE",
                           "@TYPE is OTHER but @csip:OTHERTYPE is missing", at: mets)
            }
        } else {
            out.require("CSIP2", "TYPE", on: mets)
        }
        if let cit = mets.attribute("CONTENTINFORMATIONTYPE", namespace: METSNamespace.csip) {
            if !Self.contentInformationTypes.contains(cit) {
                out.report("CSIP4", "@csip:CONTENTINFORMATIONTYPE=\"\(cit)\" không thuộc bộ từ vựng",
                           "@csip:CONTENTINFORMATIONTYPE=\"\(cit)\" is not in the vocabulary", at: mets)
            }
            if cit == "OTHER", (mets.attribute("OTHERCONTENTINFORMATIONTYPE", namespace: METSNamespace.csip) ?? "").isEmpty {
                out.report("CSIP5", "@csip:CONTENTINFORMATIONTYPE là OTHER nhưng thiếu @csip:OTHERCONTENTINFORMATIONTYPE",
                           "@csip:CONTENTINFORMATIONTYPE is OTHER but @csip:OTHERCONTENTINFORMATIONTYPE is missing", at: mets)
            }
        } else {
            out.report("CSIP4", "Nên khai báo @csip:CONTENTINFORMATIONTYPE",
                       "@csip:CONTENTINFORMATIONTYPE should be declared", at: mets)
        }
        guard let profile = mets.attribute("PROFILE"), !profile.isEmpty else {
            out.require("CSIP6", "PROFILE", on: mets)
            return true
        }
        if profile.contains("earkcsip.dilcis.eu") {
            out.report("SIP2", "Gói khai báo hồ sơ cơ sở CSIP, không phải E-ARK SIP; các yêu cầu riêng của SIP không được áp dụng",
                       "The package declares the CSIP base profile, not E-ARK SIP; SIP-specific requirements were not applied",
                       at: mets, severity: .info)
            return false
        }
        if !(profile.hasPrefix("https://earksip.dilcis.eu/profile/E-ARK-SIP") && profile.hasSuffix(".xml")) {
            out.report("SIP2", "@PROFILE=\"\(profile)\" không phải hồ sơ E-ARK SIP (https://earksip.dilcis.eu/profile/E-ARK-SIP-v2-2-0.xml)",
                       "@PROFILE=\"\(profile)\" is not the E-ARK SIP profile (https://earksip.dilcis.eu/profile/E-ARK-SIP-v2-2-0.xml)", at: mets)
        }
        return true
    }
}

import Foundation
import Metadata

/// Streams the AIP's two METS documents (root and `representations/rep1`), E-ARK CSIP 2.2 shaped.
struct METSWriter {
    let plan: AIPPlan
    let writer: XMLStreamWriter
    /// Metadata files written so far, by AIP path, for mdRef/file SIZE and CHECKSUM.
    let metadata: [String: AIPBuildResult.MetadataFile]

    static let profile = "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml"
    static let schemaLocation = "http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd http://www.w3.org/1999/xlink http://www.loc.gov/standards/xlink/xlink.xsd https://DILCIS.eu/XML/METS/CSIPExtensionMETS https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd"

    /// The root `METS.xml`.
    func writeRoot() throws(XMLError) {
        let content = plan.content
        try startMETS(objectID: content.objectID)
        try header(includeApprovers: true)
        try writer.startElement("mets:dmdSec", attributes: ["ID": "dmd-ead", "CREATED": plan.created, "STATUS": "CURRENT"])
        try mdRef(path: AIPLayout.dossierEAD, href: AIPLayout.dossierEAD, mdType: "DC", otherType: nil)
        try writer.endElement()
        try writer.startElement("mets:amdSec")
        try writer.startElement("mets:digiprovMD", attributes: ["ID": "digiprov-premis", "CREATED": plan.created, "STATUS": "CURRENT"])
        try mdRef(path: AIPLayout.rootPREMIS, href: AIPLayout.rootPREMIS, mdType: "PREMIS", otherType: nil)
        try writer.endElement()
        try writer.startElement("mets:digiprovMD", attributes: ["ID": "digiprov-sip-mets", "CREATED": plan.created, "STATUS": "CURRENT"])
        try mdRef(path: AIPLayout.submissionMETS, href: AIPLayout.submissionMETS, mdType: "OTHER", otherType: "METS")
        try writer.endElement()
        try writer.endElement()
        try writer.startElement("mets:fileSec", attributes: ["ID": "filesec"])
        try writer.startElement("mets:fileGrp", attributes: ["ID": "filegrp-rep1", "USE": "Representations/rep1"])
        let repMETS = metadata[AIPLayout.representationMETS]
        try writer.startElement("mets:file", attributes: [
            "ID": "file-rep1-mets", "MIMETYPE": "application/xml", "SIZE": String(repMETS?.size ?? 0), "CREATED": plan.created,
            "CHECKSUM": repMETS?.sha256 ?? "", "CHECKSUMTYPE": "SHA-256",
        ])
        try flocat(AIPLayout.representationMETS)
        try writer.endElement()
        try writer.endElement()
        try writer.endElement()
        try writer.startElement("mets:structMap", attributes: ["ID": "structmap-csip", "TYPE": "PHYSICAL", "LABEL": "CSIP"])
        try writer.startElement("mets:div", attributes: ["ID": "div-root", "LABEL": content.objectID])
        try writer.startElement("mets:div", attributes: ["ID": "div-metadata", "LABEL": "Metadata", "DMDID": "dmd-ead", "ADMID": "digiprov-premis digiprov-sip-mets"])
        try writer.endElement()
        try writer.startElement("mets:div", attributes: ["ID": "div-rep1", "LABEL": "Representations/rep1"])
        try writer.startElement("mets:mptr", attributes: [
            "xlink:href": AIPLayout.representationMETS, "xlink:title": "file-rep1-mets", "xlink:type": "simple", "LOCTYPE": "URL",
        ])
        try writer.endElement()
        try writer.endElement()
        try writer.endElement()
        try writer.endElement()
        try writer.endElement()
    }

    /// `representations/rep1/METS.xml`.
    func writeRepresentation() throws(XMLError) {
        let content = plan.content
        try startMETS(objectID: "rep1")
        try header(includeApprovers: false)
        for document in plan.documents {
            try writer.startElement("mets:dmdSec", attributes: ["ID": document.dmdID, "CREATED": plan.created, "STATUS": "CURRENT"])
            try mdRef(path: document.metadataPath, href: document.href, mdType: "DC", otherType: nil)
            try writer.endElement()
        }
        try writer.startElement("mets:amdSec")
        try writer.startElement("mets:digiprovMD", attributes: ["ID": "digiprov-premis-rep1", "CREATED": plan.created, "STATUS": "CURRENT"])
        try mdRef(path: AIPLayout.representationPREMIS, href: "metadata/preservation/PREMIS_rep1.xml", mdType: "PREMIS", otherType: nil)
        try writer.endElement()
        try writer.endElement()
        try writer.startElement("mets:fileSec", attributes: ["ID": "filesec-rep1"])
        try writer.startElement("mets:fileGrp", attributes: ["ID": "filegrp-data", "USE": "Data"])
        for (index, file) in content.files.enumerated() {
            let id = AIPPlan.fileID(index), size = String(file.size), checksum = file.sha256.lowercased()
            if let documentIndex = plan.documentOfFile[index] {
                try writer.startElement("mets:file", attributes: [
                    "ID": id, "MIMETYPE": file.mimeType, "SIZE": size, "CREATED": plan.created,
                    "CHECKSUM": checksum, "CHECKSUMTYPE": "SHA-256", "DMDID": plan.documents[documentIndex].dmdID,
                ])
            } else {
                try writer.startElement("mets:file", attributes: [
                    "ID": id, "MIMETYPE": file.mimeType, "SIZE": size, "CREATED": plan.created,
                    "CHECKSUM": checksum, "CHECKSUMTYPE": "SHA-256",
                ])
            }
            try flocat(AIPPlan.representationHref(file))
            try writer.endElement()
        }
        try writer.endElement()
        try writer.endElement()
        try writer.startElement("mets:structMap", attributes: ["ID": "structmap-rep1", "TYPE": "PHYSICAL", "LABEL": "CSIP"])
        try writer.startElement("mets:div", attributes: ["ID": "div-rep1", "LABEL": "rep1"])
        try writer.startElement("mets:div", attributes: ["ID": "div-rep1-metadata", "LABEL": "Metadata", "ADMID": "digiprov-premis-rep1"])
        try writer.endElement()
        try writer.startElement("mets:div", attributes: ["ID": "div-rep1-data", "LABEL": "Data"])
        // METS puts a div's fptrs before its child divs: files no document claims come first.
        for index in plan.documentOfFile.indices where plan.documentOfFile[index] == nil {
            try writer.startElement("mets:fptr", attributes: ["FILEID": AIPPlan.fileID(index)])
            try writer.endElement()
        }
        for (ordinal, document) in plan.documents.enumerated() {
            try writer.startElement("mets:div", attributes: ["ID": "div-doc-\(ordinal + 1)", "LABEL": document.label, "DMDID": document.dmdID])
            for index in document.fileIndexes {
                try writer.startElement("mets:fptr", attributes: ["FILEID": AIPPlan.fileID(index)])
                try writer.endElement()
            }
            try writer.endElement()
        }
        try writer.endElement()
        try writer.endElement()
        try writer.endElement()
        try writer.endElement()
    }

    // MARK: - Parts

    private func startMETS(objectID: String) throws(XMLError) {
        try writer.startElement(
            "mets:mets",
            namespaces: ["mets": XMLNamespace.mets, "xlink": XMLNamespace.xlink, "csip": XMLNamespace.csip, "xsi": XMLNamespace.xsi],
            attributes: [
                "OBJID": objectID, "LABEL": plan.aipDossier.title ?? plan.arcFileCode, "TYPE": "Mixed",
                "csip:CONTENTINFORMATIONTYPE": "OTHER", "csip:OTHERCONTENTINFORMATIONTYPE": "TT05/2025/TT-BNV AIP_hoso",
                "PROFILE": Self.profile, "xsi:schemaLocation": Self.schemaLocation,
            ])
    }

    private func header(includeApprovers: Bool) throws(XMLError) {
        let content = plan.content
        try writer.startElement("mets:metsHdr", attributes: [
            "CREATEDATE": plan.created, "RECORDSTATUS": content.recordStatus.rawValue, "csip:OAISPACKAGETYPE": "AIP",
        ])
        try writer.startElement("mets:agent", attributes: ["ROLE": "CREATOR", "TYPE": "OTHER", "OTHERTYPE": "SOFTWARE"])
        try writer.element("mets:name", text: content.software.name)
        if let version = content.software.version {
            try writer.element("mets:note", attributes: ["csip:NOTETYPE": "SOFTWARE VERSION"], text: version)
        }
        try writer.endElement()
        if includeApprovers {
            for approver in content.approvers {
                try writer.startElement("mets:agent", attributes: ["ROLE": "OTHER", "OTHERROLE": "APPROVER", "TYPE": approver.kind == .organization ? "ORGANIZATION" : "INDIVIDUAL"])
                try writer.element("mets:name", text: approver.name)
                if let note = approver.note { try writer.element("mets:note", text: note) }
                try writer.endElement()
            }
            try writer.element("mets:altRecordID", attributes: ["TYPE": "ARCFILECODE"], text: plan.arcFileCode)
            if let sip = content.submissionObjectID {
                try writer.element("mets:altRecordID", attributes: ["TYPE": "SIPOBJID"], text: sip)
            }
        }
        try writer.endElement()
    }

    private func mdRef(path: String, href: String, mdType: String, otherType: String?) throws(XMLError) {
        let file = metadata[path]
        let size = String(file?.size ?? 0), checksum = file?.sha256 ?? ""
        // TT05 packages give their simpledc records MDTYPE="DC" MDTYPEVERSION="1.0.0"; the SIP METS is METS 1.12.
        let version = switch mdType {
        case "PREMIS": "3.0"
        case "OTHER": "1.12"
        default: "1.0.0"
        }
        if let otherType {
            try writer.startElement("mets:mdRef", attributes: [
                "LOCTYPE": "URL", "xlink:type": "simple", "xlink:href": href, "MDTYPE": mdType, "OTHERMDTYPE": otherType, "MDTYPEVERSION": version,
                "MIMETYPE": "application/xml", "SIZE": size, "CREATED": plan.created, "CHECKSUM": checksum, "CHECKSUMTYPE": "SHA-256",
            ])
        } else {
            try writer.startElement("mets:mdRef", attributes: [
                "LOCTYPE": "URL", "xlink:type": "simple", "xlink:href": href, "MDTYPE": mdType, "MDTYPEVERSION": version,
                "MIMETYPE": "application/xml", "SIZE": size, "CREATED": plan.created, "CHECKSUM": checksum, "CHECKSUMTYPE": "SHA-256",
            ])
        }
        try writer.endElement()
    }

    private func flocat(_ href: String) throws(XMLError) {
        try writer.startElement("mets:FLocat", attributes: ["LOCTYPE": "URL", "xlink:type": "simple", "xlink:href": href])
        try writer.endElement()
    }
}

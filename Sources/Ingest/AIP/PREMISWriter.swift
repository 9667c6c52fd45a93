import Foundation
import Metadata

/// Streams the AIP's PREMIS 3 documents: `PREMIS.xml` (intellectual entity, representation, the SIP METS
/// object, events, agents) and `PREMIS_rep1.xml` (representation and file objects with fixity, size, format).
struct PREMISWriter {
    let plan: AIPPlan
    let writer: XMLStreamWriter

    static let schemaLocation = "http://www.loc.gov/premis/v3 http://www.loc.gov/standards/premis/v3/premis.xsd"

    /// `metadata/preservation/PREMIS.xml`.
    func writePackage(submissionMETS: AIPBuildResult.MetadataFile?) throws(XMLError) {
        let content = plan.content
        try startPREMIS()
        // Intellectual entity: the dossier (hồ sơ).
        try writer.startElement("premis:object", attributes: ["xsi:type": "premis:intellectualEntity"])
        try identifier("premis:objectIdentifier", type: AIPLayout.urnIdentifierType, value: content.objectID)
        try identifier("premis:objectIdentifier", type: "arcFileCode", value: plan.arcFileCode)
        try writer.element("premis:originalName", text: plan.aipDossier.title ?? plan.arcFileCode)
        try relationship(subType: "is represented by", type: AIPLayout.localIdentifierType, value: AIPLayout.representation)
        try writer.endElement()
        try representationObject(includeFiles: false)
        if let sip = submissionMETS {
            try writer.startElement("premis:object", attributes: ["xsi:type": "premis:file"])
            try identifier("premis:objectIdentifier", type: AIPLayout.localIdentifierType, value: sip.path)
            try characteristics(sha256: sip.sha256, sha512: sip.sha512, size: sip.size,
                                format: AIPFileFormat(name: "Extensible Markup Language", version: "1.0", puid: "fmt/101"))
            try writer.element("premis:originalName", text: "METS.xml")
            try writer.endElement()
        }
        for event in content.events { try write(event) }
        for agent in [content.software] + content.approvers + content.agents { try write(agent) }
        try writer.endElement()
    }

    /// `representations/rep1/metadata/preservation/PREMIS_rep1.xml`.
    func writeRepresentation() throws(XMLError) {
        try startPREMIS()
        try representationObject(includeFiles: true)
        for file in plan.content.files {
            try writer.startElement("premis:object", attributes: ["xsi:type": "premis:file"])
            try identifier("premis:objectIdentifier", type: AIPLayout.localIdentifierType, value: file.path)
            try characteristics(sha256: file.sha256.lowercased(), sha512: file.sha512?.lowercased(), size: file.size, format: file.format)
            try writer.element("premis:originalName", text: file.originalPath)
            try relationship(subType: "is included in", type: AIPLayout.localIdentifierType, value: AIPLayout.representation)
            try writer.endElement()
        }
        try write(plan.content.software)
        try writer.endElement()
    }

    // MARK: - Parts

    private func startPREMIS() throws(XMLError) {
        try writer.startElement("premis:premis",
                                namespaces: ["premis": XMLNamespace.premis, "xsi": XMLNamespace.xsi],
                                attributes: ["version": "3.0", "xsi:schemaLocation": Self.schemaLocation])
    }

    private func representationObject(includeFiles: Bool) throws(XMLError) {
        try writer.startElement("premis:object", attributes: ["xsi:type": "premis:representation"])
        try identifier("premis:objectIdentifier", type: AIPLayout.localIdentifierType, value: AIPLayout.representation)
        try relationship(subType: "represents", type: AIPLayout.urnIdentifierType, value: plan.content.objectID)
        if includeFiles, !plan.content.files.isEmpty {
            try writer.startElement("premis:relationship")
            try writer.element("premis:relationshipType", text: "structural")
            try writer.element("premis:relationshipSubType", text: "includes")
            for file in plan.content.files {
                try identifier("premis:relatedObjectIdentifier", type: AIPLayout.localIdentifierType, value: file.path)
            }
            try writer.endElement()
        }
        try writer.endElement()
    }

    private func characteristics(sha256: String, sha512: String?, size: Int64, format: AIPFileFormat) throws(XMLError) {
        try writer.startElement("premis:objectCharacteristics")
        try writer.element("premis:compositionLevel", text: "0")
        try fixity("SHA-256", sha256)
        if let sha512 { try fixity("SHA-512", sha512) }
        try writer.element("premis:size", text: String(size))
        try writer.startElement("premis:format")
        try writer.startElement("premis:formatDesignation")
        try writer.element("premis:formatName", text: format.name.isEmpty ? "Unknown" : format.name)
        if let version = format.version, !version.isEmpty { try writer.element("premis:formatVersion", text: version) }
        try writer.endElement()
        if let puid = format.puid, !puid.isEmpty {
            try writer.startElement("premis:formatRegistry")
            try writer.element("premis:formatRegistryName", text: "PRONOM")
            try writer.element("premis:formatRegistryKey", text: puid)
            try writer.element("premis:formatRegistryRole", text: "specification")
            try writer.endElement()
        }
        try writer.endElement()
        try writer.endElement()
    }

    private func fixity(_ algorithm: String, _ digest: String) throws(XMLError) {
        try writer.startElement("premis:fixity")
        try writer.element("premis:messageDigestAlgorithm", text: algorithm)
        try writer.element("premis:messageDigest", text: digest)
        try writer.element("premis:messageDigestOriginator", text: plan.content.software.name)
        try writer.endElement()
    }

    private func relationship(subType: String, type: String, value: String) throws(XMLError) {
        try writer.startElement("premis:relationship")
        try writer.element("premis:relationshipType", text: "structural")
        try writer.element("premis:relationshipSubType", text: subType)
        try identifier("premis:relatedObjectIdentifier", type: type, value: value)
        try writer.endElement()
    }

    private func identifier(_ element: String, type: String, value: String) throws(XMLError) {
        let base = element.hasSuffix("relatedObjectIdentifier") ? "premis:relatedObjectIdentifier" : element
        try writer.startElement(element)
        try writer.element("\(base)Type", text: type)
        try writer.element("\(base)Value", text: value)
        try writer.endElement()
    }

    private func write(_ event: AIPEvent) throws(XMLError) {
        try writer.startElement("premis:event")
        try identifier("premis:eventIdentifier", type: AIPLayout.localIdentifierType, value: event.identifier)
        try writer.element("premis:eventType",
                           attributes: ["authority": "eventType", "authorityURI": AIPEventType.authorityURI, "valueURI": event.type.valueURI],
                           text: event.type.rawValue)
        try writer.element("premis:eventDateTime", text: AIPTimestamp.string(event.dateTime))
        if let detail = event.detail {
            try writer.startElement("premis:eventDetailInformation")
            try writer.element("premis:eventDetail", text: detail)
            try writer.endElement()
        }
        try writer.startElement("premis:eventOutcomeInformation")
        try writer.element("premis:eventOutcome", text: event.outcome.rawValue)
        if let outcomeDetail = event.outcomeDetail {
            try writer.startElement("premis:eventOutcomeDetail")
            try writer.element("premis:eventOutcomeDetailNote", text: outcomeDetail)
            try writer.endElement()
        }
        try writer.endElement()
        for agent in event.linkingAgents {
            try writer.startElement("premis:linkingAgentIdentifier")
            try writer.element("premis:linkingAgentIdentifierType", text: AIPLayout.localIdentifierType)
            try writer.element("premis:linkingAgentIdentifierValue", text: agent.identifier)
            if let role = agent.role { try writer.element("premis:linkingAgentRole", text: role) }
            try writer.endElement()
        }
        for object in event.linkingObjects {
            try writer.startElement("premis:linkingObjectIdentifier")
            try writer.element("premis:linkingObjectIdentifierType", text: object.identifierType)
            try writer.element("premis:linkingObjectIdentifierValue", text: object.identifierValue)
            if let role = object.role { try writer.element("premis:linkingObjectRole", text: role) }
            try writer.endElement()
        }
        try writer.endElement()
    }

    private func write(_ agent: AIPAgent) throws(XMLError) {
        try writer.startElement("premis:agent")
        try identifier("premis:agentIdentifier", type: AIPLayout.localIdentifierType, value: agent.identifier)
        try writer.element("premis:agentName", text: agent.name)
        try writer.element("premis:agentType", text: agent.kind.rawValue)
        if let version = agent.version { try writer.element("premis:agentVersion", text: version) }
        if let note = agent.note { try writer.element("premis:agentNote", text: note) }
        try writer.endElement()
    }
}

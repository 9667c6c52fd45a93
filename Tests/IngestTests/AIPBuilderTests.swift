import Foundation
import KhoCore
import KhoTestSupport
import Metadata
import Testing
@testable import Ingest

@Suite("AIP builder: TT05 AIP_hoso METS, PREMIS 3 and EAD")
struct AIPBuilderTests {
    let work: TemporaryDirectory
    let out: TemporaryDirectory
    let content: AIPContent
    let result: AIPBuildResult

    init() throws {
        work = try TemporaryDirectory("kho-aip-sip")
        out = try TemporaryDirectory("kho-aip")
        content = try AIPFixture.content(workArea: work.path)
        result = try AIPBuilder().build(content, into: out.path)
    }

    private func parse(_ path: String) throws -> XMLDocument {
        try XMLDocument.parse(fileAt: out.path + "/" + path)
    }

    @Test("every METS and PREMIS Kho writes is valid against the official XSDs (through the catalog, no network)")
    func validAgainstOfficialSchemas() throws {
        let schemas = try AIPFixture.schemas.get()
        for path in [AIPLayout.rootMETS, AIPLayout.representationMETS, AIPLayout.rootPREMIS, AIPLayout.representationPREMIS] {
            let findings = schemas.validate(try parse(path))
            #expect(findings.filter { $0.severity == .error }.isEmpty, "\(path): \(findings.map(\.line))")
        }
        let dossierSchema = try TT05Schemas.dossier(), documentSchema = try TT05Schemas.document()
        #expect(dossierSchema.validate(try parse(AIPLayout.dossierEAD)).filter { $0.severity == .error }.isEmpty)
        for n in 1...3 {
            let path = "\(AIPLayout.documentFolder)/EAD_doc_\(AIPFixture.fileCode).\(n).xml"
            #expect(documentSchema.validate(try parse(path)).filter { $0.severity == .error }.isEmpty, "\(path)")
        }
    }

    @Test("root METS carries OBJID, package type, status, creation time, agents, references and the CSIP structMap")
    func rootMETSFields() throws {
        let mets = try parse(AIPLayout.rootMETS)
        let root = mets.root
        #expect(root.attribute("OBJID") == AIPFixture.objectID)
        #expect(root.attribute("PROFILE") == "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml")
        #expect(root.attribute("TYPE") == "Mixed")
        #expect(root.attribute("CONTENTINFORMATIONTYPE", namespace: XMLNamespace.csip) == "OTHER")
        let header = try #require(root.firstChild(named: "metsHdr", namespace: XMLNamespace.mets))
        #expect(header.attribute("OAISPACKAGETYPE", namespace: XMLNamespace.csip) == "AIP")
        #expect(header.attribute("RECORDSTATUS") == "NEW")
        #expect(header.attribute("CREATEDATE") == "2026-06-12T11:45:37.690+07:00")
        let agents = header.children(named: "agent", namespace: XMLNamespace.mets)
        #expect(agents.count == 2)
        #expect(agents[0].attribute("ROLE") == "CREATOR" && agents[0].attribute("OTHERTYPE") == "SOFTWARE")
        #expect(agents[0].firstChild(named: "name", namespace: XMLNamespace.mets)?.text == "Kho")
        let note = try #require(agents[0].firstChild(named: "note", namespace: XMLNamespace.mets))
        #expect(note.text == "0.4.0" && note.attribute("NOTETYPE", namespace: XMLNamespace.csip) == "SOFTWARE VERSION")
        #expect(agents[1].firstChild(named: "name", namespace: XMLNamespace.mets)?.text == "Nguyễn Thị Hoa")
        let alt = try mets.elements(xpath: "/mets:mets/mets:metsHdr/mets:altRecordID[@TYPE='ARCFILECODE']")
        #expect(alt.map(\.text) == ["KLTD-BN.H49.64.33.2001.160"])

        let dmd = try mets.elements(xpath: "/mets:mets/mets:dmdSec/mets:mdRef")
        #expect(dmd.map { $0.attribute("href", namespace: XMLNamespace.xlink) } == ["metadata/descriptive/EAD.xml"])
        let digiprov = try mets.elements(xpath: "/mets:mets/mets:amdSec/mets:digiprovMD/mets:mdRef")
        #expect(digiprov.map { $0.attribute("href", namespace: XMLNamespace.xlink) } == [AIPLayout.rootPREMIS, AIPLayout.submissionMETS])
        #expect(digiprov.map { $0.attribute("MDTYPE") } == ["PREMIS", "OTHER"])
        let repFile = try #require(try mets.elements(xpath: "//mets:fileGrp[@USE='Representations/rep1']/mets:file").first)
        #expect(repFile.attribute("CHECKSUMTYPE") == "SHA-256" && repFile.attribute("CREATED") == "2026-06-12T11:45:37.690+07:00")
        #expect(repFile.attribute("MIMETYPE") == "application/xml")
        let structMap = try #require(try mets.elements(xpath: "/mets:mets/mets:structMap").first)
        #expect(structMap.attribute("LABEL") == "CSIP")
        let mptr = try mets.elements(xpath: "//mets:structMap//mets:div[@LABEL='Representations/rep1']/mets:mptr")
        #expect(mptr.map { $0.attribute("href", namespace: XMLNamespace.xlink) } == [AIPLayout.representationMETS])
    }

    @Test("representation METS lists every payload file with the caller's size, SHA-256, MIME type and its document")
    func representationMETSFiles() throws {
        let mets = try parse(AIPLayout.representationMETS)
        #expect(mets.root.attribute("OBJID") == "rep1")
        let files = try mets.elements(xpath: "//mets:fileGrp[@USE='Data']/mets:file")
        #expect(files.count == content.files.count)
        let dmdSecs = try mets.elements(xpath: "/mets:mets/mets:dmdSec")
        #expect(dmdSecs.count == 3)
        for (index, (element, input)) in zip(files, content.files).enumerated() {
            #expect(element.attribute("SIZE") == String(input.size))
            #expect(element.attribute("CHECKSUM") == input.sha256)
            #expect(element.attribute("CHECKSUMTYPE") == "SHA-256")
            #expect(element.attribute("MIMETYPE") == input.mimeType)
            #expect(element.attribute("CREATED") == "2026-06-12T11:45:37.690+07:00")
            let href = element.firstChild(named: "FLocat", namespace: XMLNamespace.mets)?.attribute("href", namespace: XMLNamespace.xlink)
            #expect(href == "data/" + (input.path as NSString).lastPathComponent)
            let dmdID = try #require(element.attribute("DMDID"))
            let dmd = try #require(dmdSecs.first { $0.attribute("ID") == dmdID })
            let ead = dmd.firstChild(named: "mdRef", namespace: XMLNamespace.mets)?.attribute("href", namespace: XMLNamespace.xlink)
            #expect(ead == "metadata/descriptive/EAD_doc_\(AIPFixture.fileCode).\(index + 1).xml")
        }
        let fptrs = try mets.elements(xpath: "//mets:structMap//mets:fptr")
        #expect(Set(fptrs.compactMap { $0.attribute("FILEID") }) == Set(files.compactMap { $0.attribute("ID") }))
    }

    @Test("PREMIS holds the entity, representation and file objects with fixity, size and PRONOM format, the events and agents")
    func premisFields() throws {
        let premis = try parse(AIPLayout.rootPREMIS)
        let entity = try premis.elements(xpath: "/premis:premis/premis:object[@xsi:type='premis:intellectualEntity']/premis:objectIdentifier/premis:objectIdentifierValue")
        #expect(entity.map(\.text) == [AIPFixture.objectID, "KLTD-BN.H49.64.33.2001.160"])
        let events = try premis.elements(xpath: "/premis:premis/premis:event")
        #expect(events.count == content.events.count)
        for (element, input) in zip(events, content.events) {
            let type = try #require(element.firstChild(named: "eventType", namespace: XMLNamespace.premis))
            #expect(type.text == input.type.rawValue)
            #expect(type.attribute("valueURI") == input.type.valueURI)
            #expect(element.firstChild(named: "eventIdentifier", namespace: XMLNamespace.premis)?.firstChild(named: "eventIdentifierValue", namespace: XMLNamespace.premis)?.text == input.identifier)
            #expect(element.firstChild(named: "eventOutcomeInformation", namespace: XMLNamespace.premis)?.firstChild(named: "eventOutcome", namespace: XMLNamespace.premis)?.text == input.outcome.rawValue)
            #expect(element.children(named: "linkingObjectIdentifier", namespace: XMLNamespace.premis).count == input.linkingObjects.count)
            #expect(element.children(named: "linkingAgentIdentifier", namespace: XMLNamespace.premis).count == input.linkingAgents.count)
        }
        let creation = try premis.elements(xpath: "//premis:event[premis:eventType='information package creation']/premis:linkingObjectIdentifier[premis:linkingObjectRole='outcome']/premis:linkingObjectIdentifierValue")
        #expect(creation.map(\.text) == [AIPFixture.objectID])
        #expect(try premis.elements(xpath: "//premis:event[1]/premis:eventDateTime").first?.text == "2026-06-12T11:44:37.690+07:00")
        let agents = try premis.elements(xpath: "/premis:premis/premis:agent/premis:agentName")
        #expect(agents.map(\.text) == ["Kho", "Nguyễn Thị Hoa", "Huyện ủy Thuận Thành"])
        #expect(try premis.elements(xpath: "//premis:agent[premis:agentName='Kho']/premis:agentVersion").first?.text == "0.4.0")
        let sipObject = try premis.elements(xpath: "//premis:object[premis:objectIdentifier/premis:objectIdentifierValue='\(AIPLayout.submissionMETS)']//premis:messageDigest")
        #expect(sipObject.first?.text == result.metadata.first { $0.path == AIPLayout.submissionMETS }?.sha256)

        let rep = try parse(AIPLayout.representationPREMIS)
        let objects = try rep.elements(xpath: "/premis:premis/premis:object[@xsi:type='premis:file']")
        #expect(objects.count == content.files.count)
        for (object, input) in zip(objects, content.files) {
            #expect(try object.elements(xpath: "premis:objectIdentifier/premis:objectIdentifierValue").first?.text == input.path)
            #expect(try object.elements(xpath: ".//premis:fixity[premis:messageDigestAlgorithm='SHA-256']/premis:messageDigest").first?.text == input.sha256)
            #expect(try object.elements(xpath: ".//premis:fixity[premis:messageDigestAlgorithm='SHA-512']/premis:messageDigest").first?.text == input.sha512)
            #expect(try object.elements(xpath: ".//premis:size").first?.text == String(input.size))
            #expect(try object.elements(xpath: ".//premis:formatRegistryKey").first?.text == input.format.puid)
            #expect(try object.elements(xpath: ".//premis:formatName").first?.text == input.format.name)
            #expect(try object.elements(xpath: "premis:originalName").first?.text == input.originalPath)
        }
        let includes = try rep.elements(xpath: "//premis:object[@xsi:type='premis:representation']/premis:relationship[premis:relationshipSubType='includes']/premis:relatedObjectIdentifier")
        #expect(includes.count == content.files.count)
    }

    @Test("EAD.xml holds the dossier with arcFileCode = archive code + fileCode; EAD_doc files hold arcDocCode; both pass TT05 checks")
    func eadRecords() throws {
        let dossier = try DossierRecord.read(fileAt: out.path + "/" + AIPLayout.dossierEAD)
        #expect(dossier.arcFileCode == "KLTD-BN.H49.64.33.2001.160")
        #expect(dossier.fileCode == AIPFixture.fileCode, "the producer's fileCode stays beside arcFileCode")
        #expect(dossier.title == content.dossier.title)
        #expect(dossier.keyword == content.dossier.keyword)
        #expect(dossier.paperFileCode == "KLTD-BN.K3G2H5.160")
        #expect(dossier.totalDoc?.value == 3)
        #expect(dossier.check(options: .aip).filter { $0.severity == .error }.isEmpty, "\(dossier.check(options: .aip).map(\.line))")
        for (index, input) in content.documents.enumerated() {
            let record = try DocumentRecord.read(fileAt: "\(out.path)/\(AIPLayout.documentFolder)/EAD_doc_\(AIPFixture.fileCode).\(index + 1).xml")
            #expect(record.arcDocCode == "KLTD-BN." + (input.record.docCode ?? "?"))
            #expect(record.docCode == nil)
            #expect(record.subject == input.record.subject)
            #expect(record.codeNotation == input.record.codeNotation)
            #expect(record.check(dossier: dossier, options: .aip).filter { $0.severity == .error }.isEmpty)
        }
    }

    @Test("SIZE and CHECKSUM of every referenced metadata file match the bytes on disk")
    func metadataChecksums() throws {
        var checked = 0
        for metsPath in [AIPLayout.rootMETS, AIPLayout.representationMETS] {
            let mets = try parse(metsPath)
            let base = (metsPath as NSString).deletingLastPathComponent
            var references = try mets.elements(xpath: "//mets:mdRef")
            if metsPath == AIPLayout.rootMETS { references += try mets.elements(xpath: "//mets:file") }
            for element in references {
                let href = try #require(element.attribute("href", namespace: XMLNamespace.xlink)
                    ?? element.firstChild(named: "FLocat", namespace: XMLNamespace.mets)?.attribute("href", namespace: XMLNamespace.xlink))
                let full = out.path + "/" + (base.isEmpty ? href : base + "/" + href)
                let digest = try FileHasher().digest(fileAt: full, algorithms: [.sha256])
                #expect(element.attribute("SIZE") == String(digest.size), "\(href)")
                #expect(element.attribute("CHECKSUM") == digest.digests[.sha256], "\(href)")
                checked += 1
            }
        }
        #expect(checked == 8) // EAD, PREMIS, SIP-METS, rep METS; 3 EAD_doc, PREMIS_rep1
        for file in result.metadata {
            let digest = try FileHasher().digest(fileAt: out.path + "/" + file.path, algorithms: [.sha256, .sha512])
            #expect(digest.size == file.size && digest.digests[.sha256] == file.sha256 && digest.digests[.sha512] == file.sha512)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: out.path + "/" + AIPLayout.submissionMETS)) == AIPFixture.sipMETS)
    }

    @Test("payload is returned as path → source pairs, never copied; the metadata list is exactly what is on disk")
    func resultLists() throws {
        #expect(result.payload.map(\.path) == content.files.map(\.path))
        #expect(result.payload.map(\.source) == content.files.map(\.source))
        #expect(result.metadata.last?.path == AIPLayout.rootMETS)
        var onDisk: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: out.path)
        while let entry = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: out.path + "/" + entry, isDirectory: &isDirectory), !isDirectory.boolValue { onDisk.append(entry) }
        }
        #expect(onDisk.sorted() == result.metadata.map(\.path).sorted())
        #expect(!onDisk.contains { $0.hasPrefix(AIPLayout.dataFolder) })
    }

    @Test("the same input gives byte-identical output")
    func deterministic() throws {
        let second = try TemporaryDirectory("kho-aip-again")
        let again = try AIPBuilder().build(content, into: second.path)
        #expect(again == result)
        for file in result.metadata {
            let a = try Data(contentsOf: URL(fileURLWithPath: out.path + "/" + file.path))
            let b = try Data(contentsOf: URL(fileURLWithPath: second.path + "/" + file.path))
            #expect(a == b, "\(file.path)")
        }
    }
}

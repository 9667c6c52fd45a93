import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import KhoTestSupport
import Metadata
import Testing
@testable import Ingest

/// A SUPPLEMENT that re-sends only some documents: the others are carried over from the previous version.
@Suite("Ingest pipeline: SUPPLEMENT carry-over")
struct PipelineSupplementTests {
    /// Turns a sample package into a SUPPLEMENT holding only document `keep` (0-based): removes the other
    /// documents' records and files, sets totalDoc, fixes SIZE/CHECKSUM in the root METS.
    static let supplementScript = #"""
import hashlib, os, re, sys
root, keep = sys.argv[1], int(sys.argv[2])
rep = os.path.join(root, "representations/rep1/METS.xml")
text = open(rep, encoding="utf-8").read()
sections = re.findall(r'  <mets:dmdSec ID="([^"]+)"[^>]*>\s*<mets:mdRef[^>]*href="(metadata/descriptive/[^"]+)"[^>]*/>\s*</mets:dmdSec>\n', text)
for index, (dmd, href) in enumerate(sections):
    if index == keep:
        continue
    text = re.sub(r'  <mets:dmdSec ID="%s"[^>]*>.*?</mets:dmdSec>\n' % re.escape(dmd), "", text, flags=re.S)
    files = re.findall(r'<mets:file [^>]*DMDID="%s"[^>]*>\s*<mets:FLocat[^>]*href="([^"]+)"/>\s*</mets:file>' % re.escape(dmd), text)
    text = re.sub(r'    <mets:file [^>]*DMDID="%s"[^>]*>.*?</mets:file>\n' % re.escape(dmd), "", text, flags=re.S)
    text = text.replace(dmd + " ", "").replace(" " + dmd, "")
    os.remove(os.path.join(root, "representations/rep1", href))
    for f in files:
        os.remove(os.path.join(root, "representations/rep1", f))
open(rep, "w", encoding="utf-8").write(text)
ead = os.path.join(root, "metadata/descriptive/EAD.xml")
e = open(ead, encoding="utf-8").read()
open(ead, "w", encoding="utf-8").write(re.sub(r"<totalDoc>\d+</totalDoc>", "<totalDoc>1</totalDoc>", e))
mets = os.path.join(root, "METS.xml")
m = open(mets, encoding="utf-8").read().replace('RECORDSTATUS="NEW"', 'RECORDSTATUS="SUPPLEMENT"')
for href, path in [("metadata/descriptive/EAD.xml", ead), ("representations/rep1/METS.xml", rep)]:
    data = open(path, "rb").read()
    def fix(match):
        line = match.group(0)
        line = re.sub(r'SIZE="\d+"', 'SIZE="%d"' % len(data), line)
        return re.sub(r'CHECKSUM="[0-9A-Fa-f]+"', 'CHECKSUM="%s"' % hashlib.sha256(data).hexdigest().upper(), line)
    m = re.sub(r'<mets:(?:mdRef|file)\b[^>]*>(?:\s*<mets:FLocat[^>]*href="%s"[^>]*/>)?' % re.escape(href) if False else r'<mets:mdRef\b[^>]*href="%s"[^>]*/>' % re.escape(href), fix, m)
    m = re.sub(r'<mets:file\b[^>]*>(?=\s*<mets:FLocat[^>]*href="%s")' % re.escape(href), fix, m)
open(mets, "w", encoding="utf-8").write(m)
"""#

    /// A copy of `package` in `folder`, reduced by `supplementScript` to document `keep` (0-based) and marked
    /// `status`; with the script's result, for the caller to check.
    static func reducedCopy(of package: String, keep: Int, into folder: String, status: String = "SUPPLEMENT",
                            temp: TemporaryDirectory) throws -> (path: String, edit: ProcessResult) {
        let copy = folder + "/" + (package as NSString).lastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: package, toPath: copy)
        let script = temp.path + "/reduce-\(status).py"
        if !FileManager.default.fileExists(atPath: script) {
            try Data(supplementScript.replacingOccurrences(of: "RECORDSTATUS=\"SUPPLEMENT\"", with: "RECORDSTATUS=\"\(status)\"").utf8)
                .write(to: URL(fileURLWithPath: script))
        }
        return (copy, try runProcess(URL(fileURLWithPath: "/usr/bin/python3"), [script, copy, String(keep)]))
    }

    @Test("SUPPLEMENT with one of three documents: v2 keeps the other two (payload by digest), totalDoc 3, valid")
    func carryOver() throws {
        let temp = try TemporaryDirectory("kho-ingest-carry")
        let package = try PipelineSupport.samples(in: temp.path + "/in", documents: 3, seed: 22, zip: false)[0]
        let pipeline = PipelineSupport.pipeline(temp)
        guard case .accepted(let first, _) = try pipeline.ingest(package.path) else { Issue.record("v1 refused"); return }
        let (supplement, edit) = try Self.reducedCopy(of: package.path, keep: 2, into: temp.path + "/s", temp: temp)
        #expect(edit.status == 0, "\(edit.stderr)")
        let outcome = try pipeline.ingest(supplement)
        guard case .accepted(let second, _) = outcome else { Issue.record("supplement refused: \(outcome)"); return }
        #expect(second.aipObjectID == first.aipObjectID && second.version == "v2")
        #expect(second.documents.count == 3)  // two carried over + the one sent
        let catalogue = try Catalogue(path: pipeline.home.cataloguePath)
        #expect(Set(try catalogue.documents(aipObjectID: first.aipObjectID).map(\.docId)) == Set(first.documents.map(\.docId)))
        #expect(try catalogue.dossier(aipObjectID: first.aipObjectID)?.totalDoc == 3)
        let reader = try OCFLStorageRoot.open(at: pipeline.home.ocflRoot).object(first.aipObjectID)
        let v1 = try reader.state(version: "v1"), v2 = try reader.state(version: "v2")
        let data = v1.keys.filter { $0.string.contains("/data/") }
        #expect(data.count == 3 && data.allSatisfy { v2[$0] == v1[$0] })
        // Only metadata files are new bytes in v2: the payload was kept by digest, not stored again.
        let v2Content = try FileManager.default.subpathsOfDirectory(atPath: reader.objectRoot + "/v2/content")
        #expect(!v2Content.contains { $0.contains("/data/") && $0.hasSuffix(".pdf") })
        // The v2 METS lists every document's file and validates against the official schemas.
        let schemas = try AIPFixture.schemas.get()
        let rep = try Metadata.XMLDocument.parse(fileAt: try reader.contentFile(logicalPath: AIPLayout.representationMETS))
        #expect(schemas.validate(rep).filter { $0.severity == .error }.isEmpty)
        #expect(try rep.elements(xpath: "//mets:file").count == 3)
        let validation = OCFLValidator().validate(storageRootAt: URL(fileURLWithPath: pipeline.home.ocflRoot))
        #expect(validation.isValid, "\(validation.findings.map(\.line))")
    }

    @Test("REPLACEMENT with one of three documents: v2 holds only what was sent; v1 stays readable")
    func replacement() throws {
        let temp = try TemporaryDirectory("kho-ingest-replace")
        let package = try PipelineSupport.samples(in: temp.path + "/in", documents: 3, seed: 24, zip: false)[0]
        let pipeline = PipelineSupport.pipeline(temp)
        guard case .accepted(let first, _) = try pipeline.ingest(package.path) else { Issue.record("v1 refused"); return }
        let (replacement, edit) = try Self.reducedCopy(of: package.path, keep: 0, into: temp.path + "/r",
                                                       status: "REPLACEMENT", temp: temp)
        #expect(edit.status == 0)
        guard case .accepted(let second, _) = try pipeline.ingest(replacement) else { Issue.record("replacement refused"); return }
        #expect(second.version == "v2" && second.recordStatus == "REPLACEMENT" && second.documents.count == 1)
        let reader = try OCFLStorageRoot.open(at: pipeline.home.ocflRoot).object(first.aipObjectID)
        #expect(try reader.state(version: "v2").keys.filter { $0.string.contains("/data/") }.count == 1)
        #expect(try reader.state(version: "v1").keys.filter { $0.string.contains("/data/") }.count == 3)
        let catalogue = try Catalogue(path: pipeline.home.cataloguePath)
        #expect(try catalogue.documents(aipObjectID: first.aipObjectID).count == 1)
        #expect(try catalogue.versions(objectID: first.aipObjectID).map(\.version) == [1, 2])
    }
}

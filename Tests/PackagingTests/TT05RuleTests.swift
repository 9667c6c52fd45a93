import Foundation
import KhoCore
import KhoTestSupport
@testable import Packaging
import Testing

/// Each TT05 dossier and document rule broken alone in a generated sample package (the EAD XML edited, its
/// METS size and checksum updated) is reported under its own ID, with no other error.
@Suite struct TT05RuleTests {
    /// One broken rule: which record, which field gets which value, the one error expected.
    struct Case: Sendable, CustomTestStringConvertible {
        var record: Record
        var edits: [(String, String)]
        var expected: String
        var testDescription: String { "\(expected) ← \(edits.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))" }
    }

    enum Record: Sendable { case dossier, document }

    static let cases: [Case] = [
        Case(record: .dossier, edits: [("title", "")], expected: "TT05-DOS-REQUIRED-TITLE"),
        Case(record: .dossier, edits: [("mode", "09")], expected: "TT05-DOS-CODELIST-MODE"),
        Case(record: .dossier, edits: [("language", "12")], expected: "TT05-DOS-CODELIST-LANGUAGE"),
        Case(record: .dossier, edits: [("maintenance", "02")], expected: "TT05-DOS-RETENTION"),
        Case(record: .dossier, edits: [("format", "07")], expected: "TT05-DOS-CODELIST-FORMAT"),
        Case(record: .dossier, edits: [("confidenceLevel", "05")], expected: "TT05-DOS-CODELIST-CONFIDENCELEVEL"),
        Case(record: .dossier, edits: [("startDate", "31/02/2001")], expected: "TT05-DOS-DATE-STARTDATE"),
        Case(record: .dossier, edits: [("endDate", "01/01/1990")], expected: "TT05-DOS-DATE-ORDER"),
        Case(record: .dossier, edits: [("totalDoc", "99")], expected: "TT05-DOS-TOTALDOC"),
        Case(record: .dossier, edits: [("numberOfPage", "-3")], expected: "TT05-DOS-INTEGER-NUMBEROFPAGE"),
        Case(record: .dossier, edits: [("riskRecovery", "1"), ("riskRecoveryStatus", "")], expected: "TT05-DOS-RISK-STATUS"),
        Case(record: .dossier, edits: [("confidenceLevel", "02"), ("paperFileCode", "")], expected: "TT05-DOS-PAPERCODE"),
        Case(record: .document, edits: [("subject", "")], expected: "TT05-DOC-REQUIRED-SUBJECT"),
        Case(record: .document, edits: [("organName", "")], expected: "TT05-DOC-REQUIRED-ORGANNAME"),
        Case(record: .document, edits: [("typeName", "45")], expected: "TT05-DOC-CODELIST-TYPENAME"),
        Case(record: .document, edits: [("mode", "7")], expected: "TT05-DOC-CODELIST-MODE"),
        Case(record: .document, edits: [("language", "00")], expected: "TT05-DOC-CODELIST-LANGUAGE"),
        Case(record: .document, edits: [("maintenance", "03")], expected: "TT05-DOC-RETENTION"),
        Case(record: .document, edits: [("issuedDate", "2021-03-15")], expected: "TT05-DOC-DATE-ISSUEDDATE"),
        Case(record: .document, edits: [("process", "2")], expected: "TT05-DOC-CODELIST-PROCESS"),
        Case(record: .document, edits: [("riskRecovery", "1"), ("riskRecoveryStatus", "")], expected: "TT05-DOC-RISK-STATUS"),
        Case(record: .document, edits: [("docCode", "H49.99.1999.7.0000001")], expected: "TT05-DOC-PREFIX-DOCCODE"),
        Case(record: .document, edits: [("docId", "H49.99.1999.7.1")], expected: "TT05-DOC-PREFIX-DOCID"),
    ]

    /// Sets `<field>` to `value` in a record (empty → `<field/>`).
    static func set(_ field: String, to value: String, in text: String) -> String {
        let pattern = "<\(field)>[^<]*</\(field)>|<\(field)/>"
        let replacement = value.isEmpty ? "<\(field)/>" : "<\(field)>\(value)</\(field)>"
        return text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
    }

    static func firstDocument(_ package: String) throws -> String {
        let folder = "representations/rep1/metadata/descriptive"
        let names = try FileManager.default.contentsOfDirectory(atPath: package + "/" + folder).sorted()
        return folder + "/" + (names.first { $0.hasSuffix(".1.xml") } ?? names[0])
    }

    @Test func untouchedSampleHasNoTT05Finding() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 12)
        let report = try SIPTestSupport.validate(package)
        #expect(!report.findings.contains { $0.code.hasPrefix("TT05-") }, "\(report.findings.map(\.line))")
    }

    @Test(arguments: cases)
    func brokenRuleIsReportedAlone(_ brokenCase: Case) throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 12)
        let relative = brokenCase.record == .dossier ? "metadata/descriptive/EAD.xml" : try Self.firstDocument(package)
        let path = package + "/" + relative
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let original = text
        for (field, value) in brokenCase.edits { text = Self.set(field, to: value, in: text) }
        #expect(text != original, "edit did nothing")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        if relative.hasPrefix("representations/rep1/") {
            try SIPTestSupport.redeclare(String(relative.dropFirst("representations/rep1/".count)), inMETS: "representations/rep1/METS.xml", package: package)
        } else {
            try SIPTestSupport.redeclare(relative, inMETS: "METS.xml", package: package)
        }
        let report = try SIPTestSupport.validate(package)
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [brokenCase.expected], "\(errors.map(\.line))")
        #expect(errors.first?.path == relative)
    }

    @Test func sipObjidMustBeUUIDForm() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 12)
        let mets = package + "/METS.xml"
        let text = try String(contentsOfFile: mets, encoding: .utf8)
        try text.replacingOccurrences(of: #"OBJID="uuid-"#, with: #"OBJID="hoso-"#).write(toFile: mets, atomically: true, encoding: .utf8)
        let report = try SIPTestSupport.validate(package)
        #expect(SIPTestSupport.errorCodes(report) == ["TT05-PKG-001"])
        #expect(report.findings.contains { $0.code == "TT05-PKG-002" && $0.severity == .warning })
        #expect(report.findings.contains { $0.code == "CSIPSTR2" && $0.severity == .warning })
    }

    @Test func documentWithoutDataFileIsReported() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 12)
        let repMETS = package + "/representations/rep1/METS.xml"
        var lines = try String(contentsOfFile: repMETS, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.contains("<mets:file ") })
        let href = try #require(lines[start + 1].firstMatch(of: /xlink:href="([^"]+)"/)?.1)
        lines.removeSubrange(start...(start + 2))
        try lines.joined(separator: "\n").write(toFile: repMETS, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: package + "/representations/rep1/" + href)
        try SIPTestSupport.redeclare("representations/rep1/METS.xml", inMETS: "METS.xml", package: package)
        let report = try SIPTestSupport.validate(package)
        #expect(SIPTestSupport.errorCodes(report) == ["TT05-PKG-006"])
    }

    @Test func packageTypeMustBeSIP() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 12)
        let mets = package + "/METS.xml"
        let text = try String(contentsOfFile: mets, encoding: .utf8)
        try text.replacingOccurrences(of: #"csip:OAISPACKAGETYPE="SIP""#, with: #"csip:OAISPACKAGETYPE="AIP""#)
            .write(toFile: mets, atomically: true, encoding: .utf8)
        let report = try SIPTestSupport.validate(package)
        #expect(SIPTestSupport.errorCodes(report) == ["SIP4", "TT05-PKG-008"])
    }

    @Test func knownVariantsAreTolerated() throws {
        // Lower-case hex, MDTYPE OTHER, a representation OBJID "rep1", an empty amdSec and a zip named by a GUID.
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 12)
        for relative in ["METS.xml", "representations/rep1/METS.xml"] {
            let path = package + "/" + relative
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text = text.replacing(/CHECKSUM="([0-9A-F]+)"/) { "CHECKSUM=\"\($0.1.lowercased())\"" }
            if relative != "METS.xml" { text = text.replacingOccurrences(of: #"MDTYPE="DC""#, with: #"MDTYPE="OTHER" OTHERMDTYPE="EAD""#) }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        try SIPTestSupport.redeclare("representations/rep1/METS.xml", inMETS: "METS.xml", package: package)
        let zip = dir.path + "/3F2504E0-4F89-11D3-9A0C-0305E82C3301.zip"
        try ZipWriter().write(directory: URL(fileURLWithPath: package), to: URL(fileURLWithPath: zip),
                              rootFolder: URL(fileURLWithPath: package).lastPathComponent)
        let report = try SIPTestSupport.validate(zip)
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(!report.findings.contains { $0.code == "TT05-PKG-002" })
        #expect(try String(contentsOfFile: package + "/METS.xml", encoding: .utf8).contains("<mets:amdSec/>"))
    }

    @Test func unpackedTransferFolderHoldingThePackageIsAccepted() throws {
        let outer = try TemporaryDirectory("3F2504E0-4F89-11D3-9A0C-0305E82C3301")
        let package = try SIPTestSupport.samplePackage(in: outer, seed: 13)
        let report = try SIPTestSupport.validate(outer.path)
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.objid == URL(fileURLWithPath: package).lastPathComponent)
        #expect(!report.findings.contains { $0.code == "CSIPSTR2" || $0.code == "TT05-PKG-002" })
    }
}

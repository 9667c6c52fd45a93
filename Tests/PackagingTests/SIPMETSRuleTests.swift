import Foundation
import KhoCore
import KhoTestSupport
@testable import Packaging
import Testing

/// One CSIP/SIP requirement broken at a time in the package METS of a generated sample: exactly the expected
/// errors are reported (schema validation off, so the rules are seen on their own).
@Suite struct SIPMETSRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        /// A regular expression matched once (first match) in the package METS, and its replacement.
        var pattern: String
        var replacement: String
        /// The error codes expected, exactly.
        var errors: Set<String>
        /// A non-error finding that must also be present, if any.
        var note: String? = nil
        var testDescription: String { "\(errors.sorted().joined(separator: "+")) \(note ?? "") ← \(replacement)" }
    }

    static let cases: [Case] = [
        Case(pattern: #" OBJID="[^"]*""#, replacement: "", errors: ["CSIP1", "TT05-PKG-001"]),
        Case(pattern: #"TYPE="Textual works – Digital""#, replacement: #"TYPE="Hồ sơ""#, errors: ["CSIP2"]),
        Case(pattern: #"PROFILE="[^"]*""#, replacement: #"PROFILE="https://example.org/profile.xml""#, errors: ["SIP2"]),
        Case(pattern: #"CREATEDATE="[^"]*""#, replacement: #"CREATEDATE="17/05/2026""#, errors: ["CSIP7"]),
        Case(pattern: #"LASTMODDATE="[^"]*""#, replacement: #"LASTMODDATE="hôm qua""#, errors: [], note: "CSIP8"),
        Case(pattern: #"csip:OAISPACKAGETYPE="SIP""#, replacement: #"csip:OAISPACKAGETYPE="XYZ""#, errors: ["CSIP9", "TT05-PKG-008"]),
        Case(pattern: #"OTHERTYPE="SOFTWARE""#, replacement: #"OTHERTYPE="HARDWARE""#, errors: ["CSIP13"]),
        Case(pattern: #"<mets:name>Kho</mets:name>"#, replacement: "", errors: ["CSIP14"]),
        Case(pattern: #"<mets:note csip:NOTETYPE="SOFTWARE VERSION">"#, replacement: "<mets:note>", errors: ["CSIP16"]),
        Case(pattern: #"RECORDSTATUS="NEW""#, replacement: #"RECORDSTATUS="ARCHIVED""#, errors: [], note: "SIP3"),
        Case(pattern: #"<mets:agent ROLE="CREATOR" TYPE="ORGANIZATION">"#, replacement: #"<mets:agent ROLE="EDITOR" TYPE="ORGANIZATION">"#, errors: [], note: "SIP15"),
        Case(pattern: #"<mets:agent ROLE="ARCHIVIST" TYPE="ORGANIZATION">"#, replacement: #"<mets:agent ROLE="ARCHIVIST" TYPE="OTHER">"#, errors: ["SIP11"]),
        Case(pattern: #"<mets:altRecordID TYPE="SUBMISSIONAGREEMENT">"#, replacement: #"<mets:altRecordID TYPE="HOPDONG">"#, errors: [], note: "SIP5"),
        Case(pattern: #" CREATED="[^"]*" STATUS="CURRENT""#, replacement: #" STATUS="CURRENT""#, errors: ["CSIP19"]),
        Case(pattern: #"STATUS="CURRENT""#, replacement: #"STATUS="NEW""#, errors: [], note: "CSIP20"),
        Case(pattern: #"<mets:mdRef LOCTYPE="URL""#, replacement: #"<mets:mdRef LOCTYPE="URN""#, errors: ["CSIP22"]),
        Case(pattern: #"<mets:mdRef LOCTYPE="URL" xlink:type="simple""#, replacement: #"<mets:mdRef LOCTYPE="URL""#, errors: ["CSIP23"]),
        Case(pattern: #"MDTYPE="DC""#, replacement: "", errors: ["CSIP25"]),
        Case(pattern: #"xlink:href="metadata/descriptive/EAD.xml""#, replacement: #"xlink:href="../../etc/passwd""#,
             errors: ["KHO-SIP-HREF", "KHO-FIX-EXTRA", "TT05-PKG-003"]),
        Case(pattern: #"<mets:fileSec ID="[^"]*""#, replacement: "<mets:fileSec", errors: ["CSIP59"]),
        Case(pattern: #"USE="Representations/rep1""#, replacement: #"USE="Data""#, errors: ["CSIP114", "CSIP107"]),
        Case(pattern: #"(<mets:fileGrp [^>]*) csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="[^"]*""#, replacement: "$1", errors: [], note: "CSIP62"),
        Case(pattern: #"(<mets:file [^>]*)MIMETYPE="text/xml" "#, replacement: "$1", errors: ["CSIP68"]),
        Case(pattern: #"(<mets:file [^>]*)SIZE="\d+""#, replacement: #"$1SIZE="abc""#, errors: ["CSIP69"]),
        Case(pattern: #"(<mets:file [^>]*)CHECKSUMTYPE="SHA-256""#, replacement: #"$1CHECKSUMTYPE="SHA-999""#, errors: ["CSIP72"]),
        Case(pattern: #"<mets:FLocat LOCTYPE="URL""#, replacement: #"<mets:FLocat LOCTYPE="OTHER""#, errors: ["CSIP77"]),
        Case(pattern: #"TYPE="PHYSICAL""#, replacement: #"TYPE="LOGICAL""#, errors: ["CSIP81"]),
        Case(pattern: #"TYPE="PHYSICAL" LABEL="CSIP""#, replacement: #"TYPE="PHYSICAL" LABEL="Kho""#, errors: ["CSIP82"]),
        Case(pattern: #"LABEL="Metadata""#, replacement: #"LABEL="metadata""#, errors: ["CSIP88", "CSIP90"]),
        Case(pattern: #"LABEL="Metadata" DMDID="[^"]*""#, replacement: #"LABEL="Metadata""#, errors: [], note: "CSIP92"),
        Case(pattern: #"xlink:title="[^"]*""#, replacement: #"xlink:title="nope""#, errors: ["CSIP108"]),
        Case(pattern: #"<mets:mptr LOCTYPE="URL""#, replacement: #"<mets:mptr LOCTYPE="URN""#, errors: ["CSIP112"]),
    ]

    @Test(arguments: cases)
    func brokenRequirementIsReported(_ brokenCase: Case) throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 21)
        let path = package + "/METS.xml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let regex = try NSRegularExpression(pattern: brokenCase.pattern)
        let match = try #require(regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), "pattern not found")
        let range = try #require(Range(match.range, in: text))
        let replaced = regex.replacementString(for: match, in: text, offset: 0, template: brokenCase.replacement)
        try text.replacingCharacters(in: range, with: replaced).write(toFile: path, atomically: true, encoding: .utf8)
        let report = try SIPValidator(options: SIPValidationOptions(schemaValidation: false)).validate(path: package)
        #expect(SIPTestSupport.errorCodes(report) == brokenCase.errors, "\(report.findings.filter { $0.severity == .error }.map(\.line))")
        if let note = brokenCase.note {
            #expect(report.findings.contains { $0.code == note && $0.severity != .error }, "\(report.findings.map(\.line))")
        }
        for finding in report.findings where brokenCase.errors.contains(finding.code) && finding.code.hasPrefix("CSIP") {
            #expect(finding.location?.contains("line") == true)
        }
    }

    @Test func nfcTwinsAndSymlinksAreRefused() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 22)
        let data = package + "/representations/rep1/data/"
        try Data("a".utf8).write(to: URL(fileURLWithPath: data + "H\u{1ED3} s\u{01A1}.txt"))          // NFC "Hồ sơ"
        try Data("b".utf8).write(to: URL(fileURLWithPath: data + "Ho\u{0302}\u{0300} so\u{031B}.txt"))  // NFD "Hồ sơ"
        try FileManager.default.createSymbolicLink(atPath: data + "link.pdf", withDestinationPath: "/etc/passwd")
        let report = try SIPTestSupport.validate(package)
        #expect(report.findings.contains { $0.code == "KHO-SIP-NFC" && $0.severity == .error })
        #expect(report.findings.contains { $0.code == "KHO-SIP-IRREGULAR" && $0.path == "representations/rep1/data/link.pdf" })
    }
}

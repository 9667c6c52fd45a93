import Foundation
import KhoCore
import KhoTestSupport
@testable import Packaging
import Testing

/// The six CSIP example packages (../shared/corpora/eark-profiles/CSIP/examples, see index.md) get the verdicts
/// their names say, each broken one on the requirement its name points to. They are read as zips, as received.
@Suite struct EARKExampleTests {
    static func example(_ name: String) -> String {
        TestEnvironment.corpus("eark-profiles").appendingPathComponent("CSIP/examples/\(name).zip").path
    }

    static func report(_ name: String, fixity: Bool = false) throws -> SIPValidationReport {
        try SIPTestSupport.validate(example(name), fixity: fixity)
    }

    @Test func validExamplePassesWithFolderWarningsOnly() throws {
        let report = try Self.report("minimal_IP_with_schemas")
        #expect(report.isValid, "\(report.findings.filter { $0.severity == .error }.map(\.line))")
        #expect(report.schemaValidated)
        #expect(report.count(.warning) > 0)  // "VALID with folder warnings"
        #expect(report.findings.contains { $0.code == "CSIPSTR13" && $0.severity == .warning })
    }

    /// With fixity on, the "valid" example shows one real defect: schemas/xlink.xsd was stored with LF line
    /// endings after its checksum and size were computed on the CRLF original (8322 bytes declared, 8052 present).
    @Test func validExampleHasOneStaleSchemaChecksum() throws {
        let report = try Self.report("minimal_IP_with_schemas", fixity: true)
        let errors = report.findings.filter { $0.severity == .error }
        #expect(Set(errors.map(\.code)) == ["KHO-FIX-CHECKSUM", "KHO-FIX-SIZE"])
        #expect(errors.allSatisfy { $0.path == "schemas/xlink.xsd" })
        #expect(report.filesVerified == 4)
    }

    @Test(arguments: [
        ("minimal_IP_invmets", "KHO-METS-XSD"),
        ("minimal_IP_invmets", "CSIP14"),
        ("minimal_IP_nocrtdt", "CSIP7"),
        ("minimal_IP_noflscid", "CSIP59"),
        ("minimal_IP_nomtshdr", "CSIP117"),
        ("minimal_IP_nopcktyp", "CSIP9"),
    ])
    func brokenExampleFailsOnItsRequirement(name: String, requirement: String) throws {
        let report = try Self.report(name)
        #expect(!report.isValid)
        let finding = report.findings.first { $0.code == requirement }
        #expect(finding?.severity == .error, "\(name) should fail \(requirement): \(report.findings.map(\.line))")
        #expect(finding?.path == "METS.xml")
        #expect(finding?.location?.hasPrefix("/mets:mets") == true)
        #expect(finding?.message.vi.isEmpty == false && finding?.message.en.isEmpty == false)
    }

    @Test func brokenExamplesFailOnlyWhereTheirNamesSay() throws {
        // Apart from noflscid (no fileSec/@ID) and nomtshdr (which also drops fileSec/@ID), the only errors are the named ones.
        #expect(SIPTestSupport.errorCodes(try Self.report("minimal_IP_nocrtdt")) == ["CSIP7"])
        #expect(SIPTestSupport.errorCodes(try Self.report("minimal_IP_nopcktyp")) == ["CSIP9"])
        #expect(SIPTestSupport.errorCodes(try Self.report("minimal_IP_noflscid")) == ["CSIP59"])
        #expect(SIPTestSupport.errorCodes(try Self.report("minimal_IP_nomtshdr")) == ["CSIP117", "CSIP59"])
        #expect(SIPTestSupport.errorCodes(try Self.report("minimal_IP_invmets")) == ["CSIP14", "KHO-METS-XSD"])
    }

    @Test func theArchiveIsNotModifiedAndTheWorkAreaIsRemoved() throws {
        let path = Self.example("minimal_IP_nocrtdt")
        let before = try FileHasher().digest(fileAt: path, algorithms: [.sha256])
        let work = try TemporaryDirectory("kho-sip-work")
        _ = try SIPValidator().validate(path: path, workArea: work.path)
        #expect(try FileHasher().digest(fileAt: path, algorithms: [.sha256]) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
    }
}

import Foundation
import KhoTestSupport
import Testing

/// `kho sample sip` and `kho sip validate` run as an archivist would run them.
@Suite struct SIPCLITests {
    static var catalogEnvironment: [String: String] {
        ["XML_CATALOG_FILES": TestEnvironment.corpus("xsd").appendingPathComponent("catalog.xml").path]
    }

    @Test(arguments: [(UInt64(1), false), (7, true), (31, false), (2026, true)])
    func everySampleValidates(seed: UInt64, zip: Bool) throws {
        let dir = try TemporaryDirectory("kho-cli-sip")
        var arguments = ["sample", "sip", "--out", dir.path, "--dossiers", "2", "--docs", "4", "--seed", String(seed)]
        if zip { arguments.append("--zip") }
        if seed % 2 == 1 { arguments.append("--images") }
        let sample = try runKho(arguments)
        #expect(sample.status == 0, "\(sample.stderr)")
        let paths = sample.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        #expect(paths.count == 2)
        for path in paths {
            #expect(path.hasSuffix(".zip") == zip)
            let result = try runKho(["sip", "validate", path], environment: Self.catalogEnvironment)
            #expect(result.status == 0, "\(path): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("HỢP LỆ: 0 lỗi"))
            #expect(result.stdout.contains("VALID: 0 errors"))
            #expect(!result.stdout.contains("KHO-METS-XSD-SKIPPED"))
        }
    }

    @Test func brokenExampleExitsOneAndNamesTheRequirement() throws {
        let zip = TestEnvironment.corpus("eark-profiles").appendingPathComponent("CSIP/examples/minimal_IP_nopcktyp.zip").path
        let result = try runKho(["sip", "validate", "--skip-fixity", zip], environment: Self.catalogEnvironment)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("CSIP9 [METS.xml]") && $0.hasSuffix("[error]") })
        #expect(result.stdout.contains("KHÔNG HỢP LỆ"))
        #expect(result.stdout.contains("INVALID"))
    }

    @Test func jsonReportIsMachineReadable() throws {
        let zip = TestEnvironment.corpus("eark-profiles").appendingPathComponent("CSIP/examples/minimal_IP_nocrtdt.zip").path
        let result = try runKho(["sip", "validate", "--json", "--skip-fixity", zip], environment: Self.catalogEnvironment)
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        let report = try #require(object["report"] as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["code"] as? String == "CSIP7" && $0["severity"] as? String == "error" })
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try runKho(["sip", "validate"]).status == 2)
        #expect(try runKho(["sample", "sip", "--out", "/tmp/x", "--docs", "-1"]).status == 2)
    }

    @Test func missingPackageExitsOne() throws {
        let result = try runKho(["sip", "validate", "/nonexistent/uuid-0000"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("KHO-SIP-OPEN"))
    }
}

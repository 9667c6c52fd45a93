import Foundation
import KhoTestSupport
import Testing

/// `kho ocfl validate` as an archivist runs it: exit codes, which stream each finding goes to, JSON.
@Suite struct OCFLValidateCommandTests {
    static let fixtures = TestEnvironment.corpus("ocfl-fixtures").appendingPathComponent("1.1")

    static func fixture(_ category: String, _ name: String) -> String {
        fixtures.appendingPathComponent("\(category)-objects").appendingPathComponent(name).path
    }

    @Test func goodObjectExitsZeroWithEmptyStandardError() throws {
        let result = try runKho(["ocfl", "validate", Self.fixture("good", "spec-ex-full")])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("VALID"))
        #expect(result.stdout.contains("HỢP LỆ"))
    }

    @Test func warnObjectExitsZeroWithWarningOnStandardError() throws {
        let result = try runKho(["ocfl", "validate", Self.fixture("warn", "W004_uses_sha256")])
        #expect(result.status == 0)
        #expect(result.stderr.split(separator: "\n").contains { $0.hasPrefix("W004") })
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("W") })
    }

    @Test func badObjectExitsOneWithErrorCodeAtLineStart() throws {
        let result = try runKho(["ocfl", "validate", Self.fixture("bad", "E040_wrong_head_format")])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("E040") })
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains("KHÔNG HỢP LỆ") && last.contains("INVALID"))
    }

    @Test func jsonReportParses() throws {
        let result = try runKho(["ocfl", "validate", "--json", Self.fixture("bad", "E058_no_sidecar")])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["valid"] as? Bool == false)
        let report = object?["report"] as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["code"] as? String == "E058" })
        #expect(report?["specVersion"] as? String == "1.1")
    }

    @Test func noDigestsSkipsContentDigestsButKeepsStructure() throws {
        let mismatch = Self.fixture("bad", "E092_content_file_digest_mismatch")
        let withDigests = try runKho(["ocfl", "validate", mismatch])
        #expect(withDigests.status == 1)
        #expect(withDigests.stdout.split(separator: "\n").contains { $0.hasPrefix("E092") })
        let without = try runKho(["ocfl", "validate", "--no-digests", mismatch])
        #expect(without.status == 0, "\(without.stdout)")
        #expect(!without.stdout.contains("E092"))
        let structural = try runKho(["ocfl", "validate", "--no-digests", Self.fixture("bad", "E036_no_id")])
        #expect(structural.status == 1)
        #expect(structural.stdout.split(separator: "\n").contains { $0.hasPrefix("E036") })
    }

    @Test func missingPathIsUsageError() throws {
        let result = try runKho(["ocfl", "validate", "/nonexistent/kho/object"])
        #expect(result.status == 2)
    }

    @Test func storageRootIsDetectedByDeclaration() throws {
        let dir = try TemporaryDirectory("kho-ocfl-cli")
        try Data("ocfl_1.1\n".utf8).write(to: dir.url.appendingPathComponent("0=ocfl_1.1"))
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("ab"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixture("good", "minimal_one_version_one_file"), toPath: dir.url.appendingPathComponent("ab/obj").path)
        let good = try runKho(["ocfl", "validate", dir.path])
        #expect(good.status == 0)
        #expect(good.stdout.contains("storage root (1 objects)"))
        try Data("stray".utf8).write(to: dir.url.appendingPathComponent("ab/stray.txt"))
        let bad = try runKho(["ocfl", "validate", dir.path])
        #expect(bad.status == 1)
        #expect(bad.stdout.split(separator: "\n").contains { $0.hasPrefix("E084 [ab/stray.txt]") })
    }
}

import Foundation
import KhoTestSupport
import Testing

/// `kho ingest` as an archivist runs it: real sample transfers, a real home, exit statuses, JSON, ocfl-py.
@Suite struct IngestCLITests {
    static var catalog: String { TestEnvironment.corpus("xsd").appendingPathComponent("catalog.xml").path }

    /// Sample transfers written by `kho sample sip`.
    static func samples(_ folder: String, seed: Int, zip: Bool) throws -> [String] {
        var arguments = ["sample", "sip", "--out", folder, "--dossiers", "1", "--docs", "3", "--seed", String(seed)]
        if zip { arguments.append("--zip") }
        #expect(try runKho(arguments).status == 0)
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
    }

    /// The OCFL object folders under a storage root.
    static func objectFolders(_ root: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix("0=ocfl_object_1.1") }
            .map { root + "/" + ($0 as NSString).deletingLastPathComponent }
    }

    @Test func ingestThenAgainThenRejected() throws {
        let temp = try TemporaryDirectory("kho-cli-ingest")
        let home = temp.path + "/home"
        let zip = try Self.samples(temp.path + "/in", seed: 61, zip: true)[0]
        let first = try runKho(["ingest", "--home", home, "--catalog", Self.catalog, "--transfer-unit", "Huyện ủy Thuận Thành", "--json", zip])
        #expect(first.status == 0, "\(first.stderr)")
        let outcomes = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [[String: Any]]
        #expect(outcomes?.first?["status"] as? String == "accepted")
        let receipt = outcomes?.first?["receipt"] as? [String: Any]
        #expect(receipt?["transferringUnit"] as? String == "Huyện ủy Thuận Thành")
        #expect((receipt?["aipObjectID"] as? String)?.hasPrefix("urn:uuid:") == true)

        let again = try runKho(["ingest", "--home", home, "--catalog", Self.catalog, zip])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already archived"))

        let validate = try runKho(["ocfl", "validate", home + "/ocfl"])
        #expect(validate.status == 0, "\(validate.stdout)")
        for folder in try Self.objectFolders(home + "/ocfl") {
            let result = try OCFLStorageCLISupport.validateObject(folder)
            #expect(result.status == 0 && result.output.contains("is VALID"), "\(result.output)")
            #expect(!result.output.contains("[E") && !result.output.contains("[W"), "\(result.output)")
        }

        // A folder package with a file that does not match: exit 1, quarantine report, nothing stored.
        let folder = try Self.samples(temp.path + "/bad", seed: 62, zip: false)[0]
        let data = folder + "/representations/rep1/data"
        let pdf = try #require(try FileManager.default.contentsOfDirectory(atPath: data).first)
        try Data("không phải PDF gốc".utf8).write(to: URL(fileURLWithPath: data + "/" + pdf))
        let rejected = try runKho(["ingest", "--home", home, "--catalog", Self.catalog, folder])
        #expect(rejected.status == 1)
        #expect(rejected.stdout.contains("KHO-FIX-CHECKSUM") && rejected.stdout.contains("quarantine"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home + "/quarantine").count == 1)
        #expect(try Self.objectFolders(home + "/ocfl").count == 1)
        #expect(try runKho(["ingest", "--home", home, temp.path + "/khong-co"]).status == 1)
    }
}

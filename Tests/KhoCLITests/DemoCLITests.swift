import Foundation
import KhoTestSupport
import Testing

/// `kho demo` is the README's first command: it must work on an empty folder and be safe to repeat.
@Suite struct DemoCLITests {
    @Test func demoCreatesAWorkingArchive() throws {
        let temp = try TemporaryDirectory("kho-cli-demo")
        let home = temp.path + "/storage"
        let run = try runKho(["demo", "--home", home])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("Đã lưu trữ / archived"))
        #expect(run.stdout.contains("kho search \"dang uy\"") && run.stdout.contains("kho ocfl validate"))
        let receipts = try FileManager.default.contentsOfDirectory(atPath: home + "/receipts")
        #expect(receipts.filter { $0.hasSuffix(".html") }.count == 3 && receipts.filter { $0.hasSuffix(".json") }.count == 3)
        let objects = try IngestCLITests.objectFolders(home + "/ocfl")
        #expect(objects.count == 3)
        #expect(try runKho(["ocfl", "validate", home + "/ocfl"]).status == 0)
        // Again: the same sample transfers are recognised, nothing new is stored.
        let again = try runKho(["demo", "--home", home])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.components(separatedBy: "already archived").count - 1 == 3)
        #expect(try IngestCLITests.objectFolders(home + "/ocfl").count == 3)
    }
}

import ArchivalStorage
import ArgumentParser

/// `kho ocfl export ROOT OBJECT_ID DEST [--version vN]` — writes a version's files to a folder, verifying digests.
struct OCFLExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất một phiên bản ra thư mục — export a version to a folder (digests checked).",
        discussion: "Example: kho ocfl export storage/ocfl info:kho/hs-001 /tmp/hs-001 --version v1"
    )

    @Argument(help: "Gốc kho OCFL — OCFL storage root.")
    var root: String

    @Argument(help: "Định danh đối tượng — object identifier.")
    var objectID: String

    @Argument(help: "Thư mục đích (chưa có hoặc rỗng) — destination folder (absent or empty).")
    var destination: String

    @Option(help: "Phiên bản — version (vN); head by default.")
    var version: String?

    func run() async throws {
        let object = try OCFLStorageRoot.open(at: root).object(objectID)
        let count = try object.export(version: version, to: destination)
        print("Đã xuất \(count) tệp / exported \(count) files: \(version ?? object.inventory.head) → \(destination)")
    }
}

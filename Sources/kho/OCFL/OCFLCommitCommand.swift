import ArchivalStorage
import ArgumentParser
import Foundation

/// `kho ocfl commit ROOT OBJECT_ID SOURCE_DIR` — makes a new version whose state equals SOURCE_DIR's tree.
struct OCFLCommitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Ghi phiên bản mới từ thư mục — commit a folder as the object's new version.",
        discussion: """
            Creates the object (v1) if it does not exist. Unchanged files are recognised by digest and not copied
            again; renamed or removed files cost nothing. The commit is atomic: a crash leaves the old or new head.
            Example: kho ocfl commit storage/ocfl info:kho/hs-001 ./hs-001 --message "Nộp lưu" \\
                       --user-name "Phòng Lưu trữ" --user-address mailto:luutru@example.vn
            """
    )

    @Argument(help: "Gốc kho OCFL — OCFL storage root.")
    var root: String

    @Argument(help: "Định danh đối tượng (nên là URI) — object identifier (a URI is recommended).")
    var objectID: String

    @Argument(help: "Thư mục nguồn (không bị thay đổi) — source folder (never modified).")
    var sourceDirectory: String

    @Option(help: "Lý do tạo phiên bản — version message.")
    var message: String = "Kho commit"

    @Option(help: "Người tạo — user name.")
    var userName: String?

    @Option(help: "Địa chỉ người tạo (URI) — user address (URI).")
    var userAddress: String?

    @Option(help: "Độ bền — durability: auto (fsync each file up to 64 new files, else one syncfs), syncfs, fsync.")
    var durability: String = "auto"

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let login = environment["USER"] ?? "kho"
        var options = WriterOptions()
        switch durability {
        case "auto": options.durability = .automatic
        case "syncfs": options.durability = .syncFileSystem
        case "fsync": options.durability = .fsyncEachFile
        default: throw ValidationError("--durability: auto | syncfs | fsync")
        }
        // Test hook for crash-safety tests: stop dead at the N-th durable step.
        options.crashAtStep = environment["KHO_TEST_CRASH_AT"].flatMap { Int($0) }
        let storage = try OCFLStorageRoot.open(at: root)
        let metadata = VersionMetadata(
            message: message,
            user: InventoryUser(name: userName ?? login, address: userAddress ?? "mailto:\(login)@localhost")
        )
        let result = try OCFLObjectWriter(root: storage, options: options)
            .commit(objectID: objectID, tree: sourceDirectory, metadata: metadata)
        print("""
            \(objectID) \(result.version): \(result.logicalFiles) tệp / files, \(result.storedFiles) tệp mới lưu / stored \
            (\(result.storedBytes) bytes), \(result.deduplicatedFiles) trùng nội dung / deduplicated
            """)
    }
}

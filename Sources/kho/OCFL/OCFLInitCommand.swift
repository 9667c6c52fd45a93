import ArchivalStorage
import ArgumentParser

/// `kho ocfl init PATH [--layout 0004|0002]` — creates an empty OCFL 1.1 storage root.
struct OCFLInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Tạo gốc kho OCFL 1.1 — create an empty OCFL 1.1 storage root.",
        discussion: """
            Layout 0004 (hashed n-tuple: sha256, 3 × 3) is the default; 0002 (flat direct) uses the identifier as folder.
            Example: kho ocfl init storage/ocfl
            """
    )

    @Argument(help: "Thư mục gốc kho mới — folder for the new root (absent or empty).")
    var path: String

    @Option(help: "Sơ đồ lưu trữ — storage layout: 0004 or 0002.")
    var layout: String = "0004"

    func run() async throws {
        let chosen: any StorageLayout
        switch layout {
        case "0004", HashedNTupleLayout.name: chosen = OCFLStorageRoot.defaultLayout()
        case "0002", FlatDirectLayout.name: chosen = FlatDirectLayout()
        default: throw ValidationError("--layout: 0004 hoặc/or 0002")
        }
        let root = try OCFLStorageRoot.create(at: path, layout: chosen)
        print("Đã tạo gốc kho / created storage root: \(root.path) (OCFL \(root.ocflVersion), \(root.layout.extensionName))")
    }
}

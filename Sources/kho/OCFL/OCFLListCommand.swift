import ArchivalStorage
import ArgumentParser

/// `kho ocfl ls ROOT [OBJECT_ID [--version vN]]` — objects of a root, versions of an object, files of a version.
struct OCFLListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "Liệt kê đối tượng, phiên bản, tệp — list objects, versions or files.",
        discussion: """
            kho ocfl ls ROOT                      every object identifier
            kho ocfl ls ROOT ID                   versions: name, created, user, message
            kho ocfl ls ROOT ID --version v2      logical paths and sha512 of that version
            """
    )

    @Argument(help: "Gốc kho OCFL — OCFL storage root.")
    var root: String

    @Argument(help: "Định danh đối tượng — object identifier.")
    var objectID: String?

    @Option(help: "Phiên bản — version (vN).")
    var version: String?

    func run() async throws {
        let storage = try OCFLStorageRoot.open(at: root)
        guard let objectID else {
            if version != nil { throw ValidationError("--version cần OBJECT_ID / needs OBJECT_ID") }
            for id in try storage.objectIDs() { print(id) }
            return
        }
        let object = try storage.object(objectID)
        if let version {
            let state = try object.state(version: version)
            for (path, digest) in state.sorted(by: { $0.key.string.utf8.lexicographicallyPrecedes($1.key.string.utf8) }) {
                print("\(digest)  \(path.string)")
            }
            return
        }
        for name in object.versions {
            guard let block = object.inventory.versions[name] else { continue }
            let head = name == object.inventory.head ? " (head)" : ""
            let user = block.user.map { "\($0.name) <\($0.address ?? "")>" } ?? ""
            print("\(name)\(head)\t\(block.created)\t\(user)\t\(block.message ?? "")")
        }
    }
}

import Foundation
import KhoCore

/// An OCFL storage root on disk (gốc kho lưu trữ OCFL): its declaration, layout and staging area.
///
/// Staging lives in a sibling folder `<root>.kho-staging/` on the same filesystem, never inside the root,
/// so validators see only OCFL content (E072/E073/E088). Opening a root recovers interrupted commits.
public struct OCFLStorageRoot: Sendable {
    /// Absolute or relative path of the root folder.
    public let path: String
    /// `1.0` or `1.1`, from the `0=ocfl_1.x` declaration.
    public let ocflVersion: String
    /// How identifiers map to object folders.
    public let layout: any StorageLayout

    /// The staging folder next to the root: `<root>.kho-staging`.
    public var stagingPath: String { Self.stagingPath(forRoot: path) }

    /// Where the staging folder of a root at `root` lives.
    public static func stagingPath(forRoot root: String) -> String {
        var trimmed = root
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + ".kho-staging"
    }

    /// Creates a new, empty OCFL 1.1 storage root at `path` (which must be absent or empty).
    public static func create(at path: String, layout: any StorageLayout = Self.defaultLayout()) throws(OCFLStorageError) -> OCFLStorageRoot {
        if FileSystem.exists(path) {
            guard FileSystem.isDirectory(path), try FileSystem.entries(path).isEmpty else {
                throw OCFLStorageError("KHO-OCFL-ROOT-EXISTS", path: path,
                                       vi: "Thư mục đã tồn tại và không rỗng", en: "Folder exists and is not empty")
            }
        }
        try FileSystem.makeDirectories(path)
        try FileSystem.writeNewFile(path + "/0=ocfl_1.1", Array("ocfl_1.1\n".utf8), durable: true)
        let description = "Kho: hashed n-tuple or flat layout, see extensions/\(layout.extensionName)"
        let layoutJSON = StableJSON.object([
            ("extension", .string(layout.extensionName)), ("description", .string(description)),
        ]).bytes()
        try FileSystem.writeNewFile(path + "/ocfl_layout.json", layoutJSON, durable: true)
        if let config = layout.configJSON {
            let folder = path + "/extensions/" + layout.extensionName
            try FileSystem.makeDirectories(folder)
            try FileSystem.writeNewFile(folder + "/config.json", config, durable: true)
            try FileSystem.sync(folder)
            try FileSystem.sync(path + "/extensions")
        }
        try FileSystem.sync(path)
        try FileSystem.sync(FileSystem.parent(path))
        return try open(at: path)
    }

    /// Kho's default layout: 0004 with sha256, tupleSize 3, numberOfTuples 3, shortObjectRoot false.
    public static func defaultLayout() -> any StorageLayout {
        // The default parameters always satisfy the extension's constraints.
        (try? HashedNTupleLayout()) ?? FlatDirectLayout()
    }

    /// Opens an existing OCFL 1.0 or 1.1 root, reading its layout, then recovers interrupted commits.
    public static func open(at path: String, recover: Bool = true) throws(OCFLStorageError) -> OCFLStorageRoot {
        guard FileSystem.isDirectory(path) else {
            throw OCFLStorageError("E069", path: path, vi: "Không có thư mục gốc kho", en: "Storage root folder not found")
        }
        let declarations = try FileSystem.entries(path).map(\.name).filter { $0.hasPrefix("0=ocfl_") }
        guard declarations.count == 1, let declaration = declarations.first else {
            throw OCFLStorageError("E076", path: path,
                                   vi: "Cần đúng một tệp tuyên bố 0=ocfl_1.x ở gốc kho",
                                   en: "Exactly one 0=ocfl_1.x declaration is required in the storage root")
        }
        let version = String(declaration.dropFirst("0=ocfl_".count))
        let text = try FileSystem.readFile(path + "/" + declaration)
        guard version == "1.0" || version == "1.1", text == Array("ocfl_\(version)\n".utf8) else {
            throw OCFLStorageError("E080", path: path + "/" + declaration,
                                   vi: "Tuyên bố gốc kho không đúng", en: "Storage root declaration is malformed")
        }
        let layout = try readLayout(root: path)
        let root = OCFLStorageRoot(path: path, ocflVersion: version, layout: layout)
        if recover { try root.recoverInterruptedCommits() }
        return root
    }

    /// Reads `ocfl_layout.json` and the extension's `config.json` (defaults apply where the file is absent).
    static func readLayout(root: String) throws(OCFLStorageError) -> any StorageLayout {
        let layoutFile = root + "/ocfl_layout.json"
        guard FileSystem.exists(layoutFile) else {
            throw OCFLStorageError("KHO-OCFL-NO-LAYOUT", path: layoutFile,
                                   vi: "Gốc kho không khai báo sơ đồ lưu trữ (ocfl_layout.json)",
                                   en: "Storage root declares no layout (ocfl_layout.json)")
        }
        let layoutObject = try jsonObject(layoutFile)
        guard let name = layoutObject["extension"] as? String else {
            throw OCFLStorageError("E070", path: layoutFile, vi: "Thiếu khoá 'extension'", en: "Missing 'extension' key")
        }
        let configFile = root + "/extensions/" + name + "/config.json"
        let config = FileSystem.exists(configFile) ? try jsonObject(configFile) : nil
        return try StorageLayouts.make(extensionName: name, config: config, path: configFile)
    }

    static func jsonObject(_ file: String) throws(OCFLStorageError) -> [String: Any] {
        let bytes = try FileSystem.readFile(file)
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw OCFLStorageError("KHO-OCFL-JSON", path: file, vi: "Tệp JSON không hợp lệ", en: "Invalid JSON file")
        }
        return object
    }

    /// The object folder for an identifier (whether or not the object exists yet).
    public func objectPath(for id: String) throws(OCFLStorageError) -> String {
        path + "/" + (try layout.objectPath(for: id)).string
    }
}

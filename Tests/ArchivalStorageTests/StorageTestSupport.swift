import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport

/// Small helpers shared by the storage tests: fresh roots, byte-exact file listings, metadata.
enum StorageTestSupport {
    static let metadata = VersionMetadata(message: "Kiểm thử / test",
                                          user: InventoryUser(name: "Lưu trữ viên", address: "mailto:luutru@example.vn"))

    /// A new 0004 root inside a temporary directory (kept alive by the returned directory).
    static func newRoot(layout: any StorageLayout = OCFLStorageRoot.defaultLayout()) throws -> (TemporaryDirectory, OCFLStorageRoot) {
        let temp = try TemporaryDirectory("kho-storage")
        let root = try OCFLStorageRoot.create(at: temp.path + "/ocfl", layout: layout)
        return (temp, root)
    }

    static func path(_ string: String) throws -> RelativePath { try RelativePath(string) }

    static func data(_ text: String) -> ByteSource { .data(Data(text.utf8)) }

    /// Every regular file under `folder`, relative, names as raw bytes decoded without normalisation.
    static func files(under folder: String) -> [String] {
        var result: [String] = []
        func walk(_ dir: String, _ relative: String) {
            guard let handle = opendir(dir) else { return }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let rel = relative.isEmpty ? name : relative + "/" + name
                if entry.pointee.d_type == UInt8(DT_DIR) { walk(dir + "/" + name, rel) } else { result.append(rel) }
            }
        }
        walk(folder, "")
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The logical state as path bytes → digest, for comparisons that must not fold NFC/NFD.
    static func byteState(_ state: [RelativePath: String]) -> [[UInt8]: String] {
        Dictionary(uniqueKeysWithValues: state.map { (Array($0.key.string.utf8), $0.value) })
    }

    /// Reads a logical file back through the reader.
    static func read(_ reader: OCFLObjectReader, _ path: String, version: String? = nil) throws -> String {
        var bytes: [UInt8] = []
        try reader.read(logicalPath: path, version: version, bufferSize: 7) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

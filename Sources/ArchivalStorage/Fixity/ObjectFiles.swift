#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// A path compared and hashed by its bytes: NFC and NFD spellings of a Vietnamese name are different files.
///
/// Made from a `String` it keeps the string and reads its UTF-8 in place: a 20,000-path inventory costs no
/// copies to look its paths up. Paths read from disk keep their exact bytes (they need not be UTF-8).
struct ExactPath: Hashable {
    private enum Storage {
        case bytes([UInt8])
        case string(String)
    }

    private let storage: Storage

    init(_ string: String) { storage = .string(string) }
    init(bytes: [UInt8]) { storage = .bytes(bytes) }

    var bytes: [UInt8] {
        switch storage {
        case .bytes(let bytes): bytes
        case .string(let string): Array(string.utf8)
        }
    }

    var string: String {
        switch storage {
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .string(let string): string
        }
    }

    /// The path's bytes, without copying them.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        switch storage {
        case .bytes(let bytes):
            return bytes.withUnsafeBytes(body)
        case .string(let string):
            var string = string
            return string.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
    }

    static func == (lhs: ExactPath, rhs: ExactPath) -> Bool {
        lhs.withBytes { left in
            rhs.withBytes { right in
                guard left.count == right.count else { return false }
                guard let a = left.baseAddress, let b = right.baseAddress else { return true }
                return memcmp(a, b, left.count) == 0
            }
        }
    }

    /// All bytes at once (an array's own hashing feeds them one by one, which dominates 20,000-path lookups).
    func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: $0) }
    }
}

/// The files of an object copy that an OCFL object does not name for itself: everything but the declaration,
/// the inventories with their sidecars, and `extensions/`. Links and special files are listed too (as unexpected).
enum ObjectFiles {
    /// Relative paths (exact bytes) of the content-like files under `objectRoot`, with their inode numbers.
    /// Sidecars (`inventory.json.<algorithm>`) are listed too: the algorithm is not known yet when this runs.
    static func list(objectRoot: String) -> [(path: ExactPath, inode: UInt64)] {
        var found: [(path: ExactPath, inode: UInt64)] = []
        walk(objectRoot, relative: [], depth: 0, into: &found)
        return found
    }

    /// `inventory.json.<algorithm>` at the object root or in a version folder.
    static func isSidecar(_ path: ExactPath, name: [UInt8]) -> Bool {
        if path.bytes == name { return true }
        guard path.bytes.count > name.count + 1, path.bytes.last == name.last, path.bytes.suffix(name.count + 1).elementsEqual([0x2F] + name) else { return false }
        let folder = String(decoding: path.bytes.dropLast(name.count + 1), as: UTF8.self)
        return Inventory.versionNumber(folder) != nil
    }

    private static let inventoryName = Array("inventory.json".utf8)
    private static let extensionsName = Array("extensions".utf8)
    private static let declarationPrefix = Array("0=ocfl_object_".utf8)

    private static func walk(_ folder: String, relative: [UInt8], depth: Int, into found: inout [(path: ExactPath, inode: UInt64)]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            var type = Int32(entry.pointee.d_type)
            // The full path only for folders and for file systems that do not give the type: not per file.
            var full: String { folder + "/" + String(decoding: name, as: UTF8.self) }
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                type = lstat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
            }
            var path: [UInt8]
            if relative.isEmpty {
                path = name
            } else {
                path = []
                path.reserveCapacity(relative.count + 1 + name.count)
                path.append(contentsOf: relative)
                path.append(0x2F)
                path.append(contentsOf: name)
            }
            if type == Int32(DT_DIR) {
                if depth == 0 && name == extensionsName { continue }
                walk(full, relative: path, depth: depth + 1, into: &found)
                continue
            }
            // Files the object accounts for itself: declaration and root inventory, version inventories.
            if depth == 0 && (name == inventoryName || name.starts(with: declarationPrefix)) { continue }
            if depth == 1 && name == inventoryName, Inventory.versionNumber(String(decoding: relative, as: UTF8.self)) != nil { continue }
            found.append((ExactPath(bytes: path), UInt64(entry.pointee.d_ino)))
        }
    }
}

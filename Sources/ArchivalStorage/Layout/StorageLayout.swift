import KhoCore

/// How a storage root maps an object identifier to the object's folder (sơ đồ lưu trữ), one OCFL extension each.
public protocol StorageLayout: Sendable {
    /// The registered extension name, e.g. `0004-hashed-n-tuple-storage-layout`.
    var extensionName: String { get }
    /// The object root path relative to the storage root, validated as a safe relative path.
    func objectPath(for id: String) throws(OCFLStorageError) -> RelativePath
    /// The extension's `config.json` contents, or nil when the extension takes no configuration.
    var configJSON: [UInt8]? { get }
}

extension StorageLayout {
    /// Validates a computed object path; layouts such as 0006 can produce unusable paths for some identifiers.
    func checked(_ path: String, id: String) throws(OCFLStorageError) -> RelativePath {
        do {
            return try RelativePath(path)
        } catch {
            throw OCFLStorageError("E083", path: id,
                                   vi: "Sơ đồ \(extensionName) cho định danh '\(id)' một đường dẫn không hợp lệ: '\(path)'",
                                   en: "Layout \(extensionName) maps identifier '\(id)' to an unusable path: '\(path)'")
        }
    }
}

/// Reading a layout from a storage root's `ocfl_layout.json` and `extensions/<name>/config.json`.
public enum StorageLayouts {
    /// Extension names Kho can open.
    public static let supported = [
        FlatDirectLayout.name, HashedNTupleLayout.name, FlatOmitPrefixLayout.name, NTupleOmitPrefixLayout.name,
    ]

    /// The layout for an extension name and its parsed configuration (nil when there is no config file).
    public static func make(extensionName: String, config: [String: Any]?, path: String) throws(OCFLStorageError) -> any StorageLayout {
        let config = config ?? [:]
        func string(_ key: String) -> String? { config[key] as? String }
        func int(_ key: String) -> Int? { (config[key] as? NSNumberLike)?.intValue }
        func bool(_ key: String) -> Bool? { config[key] as? Bool }
        switch extensionName {
        case FlatDirectLayout.name:
            return FlatDirectLayout()
        case HashedNTupleLayout.name:
            let algorithmName = string("digestAlgorithm") ?? "sha256"
            guard let algorithm = DigestAlgorithm(rawValue: algorithmName) else {
                throw unsupported("digestAlgorithm \(algorithmName)", path)
            }
            return try HashedNTupleLayout(digestAlgorithm: algorithm, tupleSize: int("tupleSize") ?? 3,
                                          numberOfTuples: int("numberOfTuples") ?? 3,
                                          shortObjectRoot: bool("shortObjectRoot") ?? false)
        case FlatOmitPrefixLayout.name:
            guard let delimiter = string("delimiter"), !delimiter.isEmpty else {
                throw unsupported("delimiter (required)", path)
            }
            return FlatOmitPrefixLayout(delimiter: delimiter)
        case NTupleOmitPrefixLayout.name:
            return try NTupleOmitPrefixLayout(delimiter: string("delimiter") ?? ":", tupleSize: int("tupleSize") ?? 3,
                                              numberOfTuples: int("numberOfTuples") ?? 3,
                                              zeroPadding: string("zeroPadding") ?? "left",
                                              reverseObjectRoot: bool("reverseObjectRoot") ?? false)
        default:
            throw OCFLStorageError("KHO-OCFL-LAYOUT", path: path,
                                   vi: "Kho chưa hỗ trợ sơ đồ lưu trữ \(extensionName)",
                                   en: "Storage layout \(extensionName) is not supported")
        }
    }

    static func unsupported(_ what: String, _ path: String) -> OCFLStorageError {
        OCFLStorageError("KHO-OCFL-LAYOUT-CONFIG", path: path,
                         vi: "Cấu hình sơ đồ lưu trữ không hợp lệ: \(what)",
                         en: "Invalid storage layout configuration: \(what)")
    }
}

import KhoCore

/// Extension 0006: the identifier after the right-most delimiter becomes the folder name.
public struct FlatOmitPrefixLayout: StorageLayout {
    /// `0006-flat-omit-prefix-storage-layout`.
    public static let name = "0006-flat-omit-prefix-storage-layout"
    /// The registered extension name.
    public var extensionName: String { Self.name }
    /// Marks the end of the prefix; matched case-insensitively, right-most occurrence.
    public let delimiter: String

    /// A layout cutting at `delimiter`.
    public init(delimiter: String) {
        self.delimiter = delimiter
    }

    /// The configuration as written in `extensions/0006-…/config.json`.
    public var configJSON: [UInt8]? {
        StableJSON.object([("extensionName", .string(Self.name)), ("delimiter", .string(delimiter))]).bytes()
    }

    /// `namespace:12887296` → `12887296` with delimiter ":".
    public func objectPath(for id: String) throws(OCFLStorageError) -> RelativePath {
        try checked(try OmitPrefix.remainder(of: id, delimiter: delimiter, layout: Self.name), id: id)
    }
}

/// The prefix-omitting step shared by extensions 0006 and 0007.
enum OmitPrefix {
    /// Everything after the right-most (case-insensitive) delimiter; the whole id when there is none.
    static func remainder(of id: String, delimiter: String, layout: String) throws(OCFLStorageError) -> String {
        let haystack = Array(id.lowercased().utf8)
        let needle = Array(delimiter.lowercased().utf8)
        // Lower-casing ASCII keeps byte offsets; for other scripts fall back to exact matching.
        let caseFolded = haystack.count == id.utf8.count && needle.count == delimiter.utf8.count
        let hay = caseFolded ? haystack : Array(id.utf8)
        let pin = caseFolded ? needle : Array(delimiter.utf8)
        guard !pin.isEmpty, hay.count >= pin.count else { return id }
        var index = hay.count - pin.count
        while index >= 0 {
            if Array(hay[index..<index + pin.count]) == pin {
                let rest = Array(id.utf8)[(index + pin.count)...]
                if rest.isEmpty {
                    throw OCFLStorageError("E083", path: id,
                                           vi: "Định danh kết thúc bằng dấu phân cách '\(delimiter)' của sơ đồ \(layout)",
                                           en: "Identifier ends with the \(layout) delimiter '\(delimiter)'")
                }
                return String(decoding: rest, as: UTF8.self)
            }
            index -= 1
        }
        return id
    }
}

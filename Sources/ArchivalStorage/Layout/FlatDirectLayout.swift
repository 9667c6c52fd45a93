import KhoCore

/// Extension 0002: the object identifier is the folder name, unchanged.
public struct FlatDirectLayout: StorageLayout {
    /// `0002-flat-direct-storage-layout`.
    public static let name = "0002-flat-direct-storage-layout"
    /// The registered extension name.
    public var extensionName: String { Self.name }
    /// 0002 has no parameters, so no `config.json` is written.
    public var configJSON: [UInt8]? { nil }

    /// The flat-direct layout (no parameters).
    public init() {}

    /// The identifier itself; identifiers holding "/" (or "." / "..") cannot use this layout.
    public func objectPath(for id: String) throws(OCFLStorageError) -> RelativePath {
        if id.contains("/") {
            throw OCFLStorageError("E083", path: id,
                                   vi: "Định danh chứa '/' không dùng được với sơ đồ 0002",
                                   en: "Identifiers containing '/' cannot use layout 0002")
        }
        return try checked(id, id: id)
    }
}

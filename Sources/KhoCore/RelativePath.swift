/// A relative path that cannot escape the directory it is resolved against.
///
/// Used for OCFL logical and content paths, zip and tar entry names, BagIt manifest paths and METS hrefs.
/// The original bytes are kept; validation never rewrites a name.
public struct RelativePath: Sendable, Hashable, CustomStringConvertible {
    /// The path exactly as given, segments separated by "/".
    public let string: String

    /// Validates `string`: not empty, not absolute, no empty, "." or ".." segments, no NUL.
    public init(_ string: String) throws(KhoFailure) {
        func refuse(_ vi: String, _ en: String) -> KhoFailure {
            KhoFailure(rule: "KHO-PATH", path: string, vi: vi, en: en)
        }
        if string.isEmpty { throw refuse("Đường dẫn rỗng", "Empty path") }
        if string.utf8.contains(0) { throw refuse("Đường dẫn chứa ký tự NUL", "Path contains a NUL character") }
        if string.hasPrefix("/") { throw refuse("Đường dẫn tuyệt đối không được phép", "Absolute path not allowed") }
        for segment in string.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "": throw refuse("Đường dẫn có đoạn rỗng", "Path has an empty segment")
            case ".", "..": throw refuse("Đường dẫn chứa '.' hoặc '..'", "Path contains '.' or '..'")
            default: continue
            }
        }
        self.string = string
    }

    public var segments: [Substring] { string.split(separator: "/") }
    public var description: String { string }

    /// Byte-exact equality: NFC and NFD spellings of a name are different paths here.
    public static func == (lhs: RelativePath, rhs: RelativePath) -> Bool {
        UnicodeNames.sameBytes(lhs.string, rhs.string)
    }

    public func hash(into hasher: inout Hasher) {
        for byte in string.utf8 { hasher.combine(byte) }
    }
}

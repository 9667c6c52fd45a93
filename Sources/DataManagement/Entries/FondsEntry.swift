/// A fonds (phông lưu trữ): the records of one body, e.g. the fonds of a commune Party committee.
public struct FondsEntry: Sendable, Hashable, Codable {
    /// Mã phông.
    public var code: String
    /// Tên phông.
    public var name: String

    /// A fonds.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

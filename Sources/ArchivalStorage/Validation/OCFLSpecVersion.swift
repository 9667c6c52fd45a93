/// An OCFL specification version that Kho can validate against.
public enum OCFLSpecVersion: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case v1_0 = "1.0"
    case v1_1 = "1.1"

    /// The inventory `type` URI for this version.
    public var inventoryType: String { "https://ocfl.io/\(rawValue)/spec/#inventory" }

    /// The object conformance declaration file name, e.g. `0=ocfl_object_1.1`.
    public var objectDeclaration: String { "0=ocfl_object_\(rawValue)" }

    /// The storage root conformance declaration file name, e.g. `0=ocfl_1.1`.
    public var rootDeclaration: String { "0=ocfl_\(rawValue)" }

    /// The version whose inventory `type` is `uri`, if any.
    public init?(inventoryType uri: String) {
        guard let v = Self.allCases.first(where: { $0.inventoryType == uri }) else { return nil }
        self = v
    }

    /// Older versions sort first.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

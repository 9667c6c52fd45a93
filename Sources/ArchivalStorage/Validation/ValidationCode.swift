public import KhoCore

/// An OCFL validation code (`E001`…`E112`, `W001`…`W016`) with the spec's wording for each version.
public struct ValidationCode: Sendable, Hashable {
    /// The code as the spec writes it, e.g. `E040`.
    public let code: String

    /// Errors are MUST rules, warnings SHOULD rules.
    public var severity: Severity { code.hasPrefix("W") ? .warning : .error }

    /// A code known to the 1.0 or 1.1 tables; `nil` for anything else.
    public init?(_ code: String) {
        guard Self.index[code] != nil else { return nil }
        self.code = code
    }

    /// True when the given spec version's table lists this code.
    public func isDefined(in version: OCFLSpecVersion) -> Bool {
        guard let row = Self.index[code] else { return false }
        return version == .v1_0 ? row.en10 != nil : row.en11 != nil
    }

    /// The spec's English wording for `version` (falling back to the other version's table) and the Vietnamese rendering.
    public func message(for version: OCFLSpecVersion) -> BilingualMessage {
        guard let row = Self.index[code] else { return BilingualMessage(vi: code, en: code) }
        let en = (version == .v1_0 ? row.en10 ?? row.en11 : row.en11 ?? row.en10) ?? code
        return BilingualMessage(vi: row.vi, en: en)
    }

    /// Every code in either table, in order.
    public static var all: [ValidationCode] { table.compactMap { ValidationCode($0.code) } }

    private static let index: [String: (en10: String?, en11: String?, vi: String)] = {
        var map: [String: (en10: String?, en11: String?, vi: String)] = [:]
        for row in table { map[row.code] = (row.en10, row.en11, row.vi) }
        return map
    }()
}

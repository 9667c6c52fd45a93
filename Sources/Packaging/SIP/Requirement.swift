public import KhoCore

/// How strongly a specification asks for something (RFC 2119): MUST → error, SHOULD → warning, MAY → info.
public enum RequirementLevel: String, Sendable, Hashable, Codable {
    case must = "MUST"
    case should = "SHOULD"
    case may = "MAY"

    /// The severity a broken requirement of this level is reported with.
    public var severity: Severity {
        switch self {
        case .must: .error
        case .should: .warning
        case .may: .info
        }
    }
}

/// One numbered requirement of a specification (E-ARK CSIP/SIP, CSIP folder structure, TT05 in Kho).
public struct Requirement: Sendable, Hashable {
    /// The requirement ID as published, e.g. `CSIP59`, `SIP4`, `CSIPSTR4`, `TT05-PKG-001`.
    public var id: String
    /// MUST, SHOULD or MAY.
    public var level: RequirementLevel
    /// The published short title (English, as in the profile).
    public var title: String
    /// The METS XPath the profile gives for it, if any.
    public var xpath: String

    /// A requirement with its published ID, level and title.
    public init(_ id: String, _ level: RequirementLevel, _ title: String, xpath: String = "") {
        self.id = id
        self.level = level
        self.title = title
        self.xpath = xpath
    }
}

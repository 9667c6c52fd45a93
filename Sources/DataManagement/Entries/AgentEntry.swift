/// A PREMIS agent: the software that acted, or the person who approved.
public struct AgentEntry: Sendable, Hashable, Codable {
    /// Whether the agent is a program or a person.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A program, with its version.
        case software
        /// A person (archivist, approver).
        case person
    }

    /// Stable identifier (PREMIS agentIdentifierValue), e.g. `kho/0.1.0` or a user account.
    public var identifier: String
    /// Display name.
    public var name: String
    /// Software or person.
    public var kind: Kind
    /// Software version; nil for people.
    public var version: String?

    /// An agent.
    public init(identifier: String, name: String, kind: Kind, version: String? = nil) {
        self.identifier = identifier
        self.name = name
        self.kind = kind
        self.version = version
    }
}

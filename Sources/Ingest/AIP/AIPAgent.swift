/// A PREMIS agent (tác nhân): the software that built the AIP, an archivist who approved it, an agency.
public struct AIPAgent: Sendable, Hashable, Codable {
    /// What kind of agent it is (PREMIS `agentType`).
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Software, e.g. Kho itself.
        case software
        /// A person, e.g. the archivist who approved the ingest (người phê duyệt).
        case person
        /// An organization, e.g. the transferring Party committee.
        case organization
    }

    /// Local identifier value, unique in the AIP, used by events' `linkingAgentIdentifier`.
    public var identifier: String
    /// Name as shown to people, e.g. `Kho` or `Nguyễn Thị Hoa`.
    public var name: String
    /// Agent type.
    public var kind: Kind
    /// Software version (PREMIS `agentVersion`), e.g. `0.4.0`.
    public var version: String?
    /// A note, e.g. the person's function (`Trưởng phòng Lưu trữ`).
    public var note: String?

    /// An agent.
    public init(identifier: String, name: String, kind: Kind, version: String? = nil, note: String? = nil) {
        self.identifier = identifier
        self.name = name
        self.kind = kind
        self.version = version
        self.note = note
    }
}

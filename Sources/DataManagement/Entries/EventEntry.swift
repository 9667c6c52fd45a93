/// A PREMIS event to record: what happened, when, with what outcome, to which objects, by whom.
public struct EventEntry: Sendable, Hashable, Codable {
    /// PREMIS eventIdentifierValue (unique; a UUID).
    public var identifier: String
    /// Event type from the Library of Congress vocabulary.
    public var type: PremisEventType
    /// When it happened, ISO 8601 with offset (e.g. `2026-06-12T11:45:37+07:00`).
    public var dateTime: String
    /// Success, failure or warning.
    public var outcome: EventOutcome
    /// eventDetail: free text.
    public var detail: String?
    /// eventOutcomeDetailNote.
    public var outcomeDetail: String?
    /// Identifiers of the objects concerned (AIP object id, file paths, SIP id).
    public var linkingObjects: [String]
    /// The agent that acted.
    public var agent: AgentEntry?

    /// An event.
    public init(identifier: String, type: PremisEventType, dateTime: String, outcome: EventOutcome,
                detail: String? = nil, outcomeDetail: String? = nil, linkingObjects: [String] = [],
                agent: AgentEntry? = nil) {
        self.identifier = identifier
        self.type = type
        self.dateTime = dateTime
        self.outcome = outcome
        self.detail = detail
        self.outcomeDetail = outcomeDetail
        self.linkingObjects = linkingObjects
        self.agent = agent
    }
}

/// PREMIS eventOutcome.
public enum EventOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Thành công.
    case success
    /// Thất bại.
    case failure
    /// Cảnh báo.
    case warning
}

public import Foundation

/// A PREMIS event (sự kiện bảo quản) recorded in the AIP: what happened, when, with what outcome, to
/// which objects and by which agents.
public struct AIPEvent: Sendable, Hashable, Codable {
    /// Outcome of an event (PREMIS `eventOutcome`).
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Thành công.
        case success
        /// Có cảnh báo.
        case warning
        /// Thất bại.
        case failure
    }

    /// A link to an object with the object's role (LoC `eventRelatedObjectRole`).
    public struct LinkedObject: Sendable, Hashable, Codable {
        /// Identifier type, e.g. `URN` for an OBJID or `local` for an AIP path (see `AIPIdentifiers`).
        public var identifierType: String
        /// Identifier value.
        public var identifierValue: String
        /// Role, e.g. `source` or `outcome`; nil when none applies.
        public var role: String?

        /// A linked object.
        public init(identifierType: String, identifierValue: String, role: String? = nil) {
            self.identifierType = identifierType
            self.identifierValue = identifierValue
            self.role = role
        }
    }

    /// A link to an agent (by `AIPAgent.identifier`) with its role, e.g. `executing program`, `authorizer`.
    public struct LinkedAgent: Sendable, Hashable, Codable {
        /// The agent's identifier.
        public var identifier: String
        /// Role (LoC `eventRelatedAgentRole`): `executing program`, `implementer`, `authorizer`, `validator`.
        public var role: String?

        /// A linked agent.
        public init(identifier: String, role: String? = nil) {
            self.identifier = identifier
            self.role = role
        }
    }

    /// Event identifier (local, unique in the AIP), e.g. a UUID the pipeline gave the step.
    public var identifier: String
    /// Event type (LoC vocabulary).
    public var type: AIPEventType
    /// When it happened.
    public var dateTime: Date
    /// Outcome.
    public var outcome: Outcome
    /// What was done, e.g. `ClamAV 1.4 (daily 27500)`.
    public var detail: String?
    /// Outcome detail, e.g. the number of files checked or the rule broken.
    public var outcomeDetail: String?
    /// Objects concerned.
    public var linkingObjects: [LinkedObject]
    /// Agents involved.
    public var linkingAgents: [LinkedAgent]

    /// An event.
    public init(identifier: String, type: AIPEventType, dateTime: Date, outcome: Outcome, detail: String? = nil, outcomeDetail: String? = nil, linkingObjects: [LinkedObject] = [], linkingAgents: [LinkedAgent] = []) {
        self.identifier = identifier
        self.type = type
        self.dateTime = dateTime
        self.outcome = outcome
        self.detail = detail
        self.outcomeDetail = outcomeDetail
        self.linkingObjects = linkingObjects
        self.linkingAgents = linkingAgents
    }
}

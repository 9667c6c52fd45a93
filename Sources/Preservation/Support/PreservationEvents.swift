import DataManagement
import KhoCore
import Foundation

/// Builds the PREMIS events preservation records, with Kho as the executing software agent.
public struct PreservationEvents: Sendable {
    /// Kho's version, recorded in the agent.
    public var softwareVersion: String

    /// Events by Kho `softwareVersion`.
    public init(softwareVersion: String) {
        self.softwareVersion = softwareVersion
    }

    /// Kho as a PREMIS software agent (the same identifier Ingest uses).
    public var agent: AgentEntry {
        AgentEntry(identifier: "kho/\(softwareVersion)", name: "Kho \(softwareVersion)", kind: .software, version: softwareVersion)
    }

    /// An event now, linked to the object and the copy (`root:<name>`).
    public func event(_ type: PremisEventType, outcome: EventOutcome, objectID: String, rootName: String,
                      detail: String, outcomeDetail: String?, at date: Date = Date()) -> EventEntry {
        EventEntry(identifier: "urn:uuid:" + TimeOrderedUUID.make(at: date), type: type, dateTime: FixityTime.string(date),
                   outcome: outcome, detail: detail, outcomeDetail: outcomeDetail,
                   linkingObjects: [objectID, "root:" + rootName], agent: agent)
    }
}

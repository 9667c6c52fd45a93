/// What `Catalogue.record(aip:)` did.
public enum RecordOutcome: Sendable, Hashable {
    /// The version was new and is now in the catalogue.
    case recorded
    /// This object id and version were already recorded; nothing changed.
    case alreadyRecorded
}

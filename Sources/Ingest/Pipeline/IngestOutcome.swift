/// What `IngestPipeline.ingest` did with one package.
public enum IngestOutcome: Sendable, Hashable {
    /// Archived as a new AIP or a new version; the receipt says what was received.
    case accepted(IngestReceipt, receiptPaths: [String])
    /// The same package was already archived: nothing was written. `recovered` is true when an interrupted
    /// earlier run had committed it to storage and this run completed its catalogue record and receipt.
    case alreadyArchived(objectID: String, version: String, recovered: Bool)
    /// Refused: the package and its report are in `quarantine` (a folder under home/quarantine).
    case rejected(quarantine: String, report: IngestReport)

    /// True unless rejected.
    public var isSuccess: Bool {
        if case .rejected = self { return false }
        return true
    }
}

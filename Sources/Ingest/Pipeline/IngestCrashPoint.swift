import Foundation

/// Numbered points of the pipeline where a crash test may kill the process (`IngestOptions.crashAt`,
/// env `KHO_TEST_INGEST_CRASH_AT`), to show that re-running the same ingest completes with no partial or
/// duplicate AIP. Points 1–9 are the pipeline's own; 10 and above are passed to the OCFL writer as
/// `WriterOptions.crashAtStep` (step = point − 9).
enum IngestCrashPoint: Int, CaseIterable {
    /// The work area exists, nothing validated.
    case received = 1
    /// Validation finished.
    case validated = 2
    /// Formats identified and text extracted.
    case identified = 3
    /// AIP metadata written into the work area.
    case built = 4
    /// The pending catalogue record is written, before the OCFL commit.
    case pendingWritten = 5
    /// The OCFL version is committed, the catalogue not yet written.
    case committed = 6
    /// The transfer and the AIP version are written inside the catalogue transaction, not yet committed.
    case catalogueTransactionOpen = 7
    /// The catalogue has the AIP, no receipt yet.
    case catalogued = 8
    /// The receipt is written, the work area not yet removed.
    case receiptWritten = 9

    /// The first point handed to the OCFL writer.
    static let writerOffset = 9
}

extension IngestOptions {
    /// Kills the process (SIGKILL, no clean-up) when `point` is the configured crash point, after printing
    /// `KHO-TEST-CRASH-POINT ingest <n> <name>` on standard error as the OCFL writer's hook does.
    func crashIfRequested(_ point: IngestCrashPoint) {
        guard crashAt == point.rawValue else { return }
        FileHandle.standardError.write(Data("KHO-TEST-CRASH-POINT ingest \(point.rawValue) \(point)\n".utf8))
        kill(getpid(), SIGKILL)
    }

    /// The OCFL writer's crash step for the configured point, if it is one of the writer's.
    var writerCrashStep: Int? {
        guard let crashAt, crashAt > IngestCrashPoint.writerOffset else { return nil }
        return crashAt - IngestCrashPoint.writerOffset
    }
}

/// How the writer makes new versions durable and how much it does in parallel.
public struct WriterOptions: Sendable {
    /// How staged files reach the disk before the version is published.
    public enum Durability: Sendable {
        /// `fsyncEachFile` for a version of at most `automaticThreshold` new files, `syncFileSystem` above.
        case automatic
        /// One `syncfs` for the whole staged version (fast for thousands of small files).
        case syncFileSystem
        /// `fsync` of every file and folder, one by one.
        case fsyncEachFile
    }

    /// New-file count up to which `automatic` durability fsyncs file by file: a few large files are flushed
    /// precisely, while thousands of small ones are cheaper with one `syncfs` (which also flushes other writers'
    /// dirty pages on the same filesystem).
    public static let automaticThreshold = 64

    /// Durability strategy; `automatic` by default.
    public var durability: Durability
    /// Threads copying and hashing at once.
    public var workers: Int
    /// Read buffer size for streaming copies.
    public var bufferSize: Int
    /// Test hook: at this durable step the writer prints a marker to stderr and blocks, so a test can kill it.
    public var crashAtStep: Int?

    /// Defaults: automatic durability, 2 workers, 1 MiB buffers, no crash hook.
    public init(durability: Durability = .automatic, workers: Int = 2, bufferSize: Int = 1 << 20, crashAtStep: Int? = nil) {
        self.durability = durability
        self.workers = workers
        self.bufferSize = bufferSize
        self.crashAtStep = crashAtStep
    }
}

extension WriterOptions {
    /// The strategy used for a version bringing `newFiles` new files.
    func resolvedDurability(newFiles: Int) -> Durability {
        guard case .automatic = durability else { return durability }
        return newFiles <= Self.automaticThreshold ? .fsyncEachFile : .syncFileSystem
    }
}

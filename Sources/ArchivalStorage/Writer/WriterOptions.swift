/// How the writer makes new versions durable and how much it does in parallel.
public struct WriterOptions: Sendable {
    /// How staged files reach the disk before the version is published.
    public enum Durability: Sendable {
        /// One `syncfs` for the whole staged version (fast for thousands of small files).
        case syncFileSystem
        /// `fsync` of every file and folder, one by one.
        case fsyncEachFile
    }

    /// Durability strategy; `syncFileSystem` by default.
    public var durability: Durability
    /// Threads copying and hashing at once.
    public var workers: Int
    /// Read buffer size for streaming copies.
    public var bufferSize: Int
    /// Test hook: at this durable step the writer prints a marker to stderr and blocks, so a test can kill it.
    public var crashAtStep: Int?

    /// Defaults: syncfs, 2 workers, 1 MiB buffers, no crash hook.
    public init(durability: Durability = .syncFileSystem, workers: Int = 2, bufferSize: Int = 1 << 20, crashAtStep: Int? = nil) {
        self.durability = durability
        self.workers = workers
        self.bufferSize = bufferSize
        self.crashAtStep = crashAtStep
    }
}

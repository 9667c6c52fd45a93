/// How thoroughly `BagValidator` checks a bag.
public struct BagValidationOptions: Sendable, Hashable {
    /// Payload-Oxum and structure only, no digests (like `bagit.py --fast`).
    public var fast: Bool
    /// Hashing threads.
    public var threads: Int

    /// Full validation on 2 threads unless told otherwise.
    public init(fast: Bool = false, threads: Int = 2) {
        self.fast = fast
        self.threads = threads
    }
}

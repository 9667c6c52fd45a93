public import Foundation

/// Validates OCFL 1.0/1.1 objects and storage roots against the spec, reporting its E/W codes (trình kiểm tra OCFL).
///
/// `OCFLValidator(options: .init(checkDigests: true)).validate(objectAt: url)` returns a `ValidationReport`;
/// `isValid` means no error. Each object is checked against the spec version it declares.
public struct OCFLValidator: Sendable {
    /// What to check and how hard to work.
    public struct Options: Sendable {
        /// Hash every content file and compare with the manifest and fixity blocks (E092, E093).
        public var checkDigests: Bool
        /// With `checkDigests`, also compare the fixity block's values (E093, a MUST of the spec; on by
        /// default). Off: manifest digests only, one algorithm per file (a notice says fixity was skipped).
        public var checkFixity: Bool = true
        /// Number of threads hashing content in parallel.
        public var hashingThreads: Int
        /// Read size per worker buffer.
        public var bufferSize: Int
        /// Shared read throttle for the content hashing (the fixity sweep's `--rate`), if any.
        var rateLimiter: ByteRateLimiter?

        /// Options with digests checked on two threads by default.
        public init(checkDigests: Bool = true, hashingThreads: Int = 2, bufferSize: Int = 1 << 20, checkFixity: Bool = true) {
            self.checkDigests = checkDigests
            self.checkFixity = checkFixity
            self.hashingThreads = max(1, hashingThreads)
            self.bufferSize = max(4096, bufferSize)
        }
    }

    /// The options in force.
    public var options: Options

    /// A validator with `options`.
    public init(options: Options = Options()) { self.options = options }

    /// Validates the OCFL object whose root is `url`.
    public func validate(objectAt url: URL) -> ValidationReport {
        ObjectValidation(root: url.path, options: options).run()
    }

    /// Validates the storage root at `url` and every object found beneath it.
    public func validate(storageRootAt url: URL) -> ValidationReport {
        StorageRootValidation(root: url.path, options: options).run()
    }

    /// Validates `url` as a storage root if it holds a `0=ocfl_1.x` declaration, otherwise as an object.
    public func validate(at url: URL) -> ValidationReport {
        isStorageRoot(url) ? validate(storageRootAt: url) : validate(objectAt: url)
    }

    /// True when `url` holds a storage root declaration (`0=ocfl_1.0` or `0=ocfl_1.1`).
    public func isStorageRoot(_ url: URL) -> Bool {
        let names = DirectoryListing.entries(url.path)?.map(\.name) ?? []
        return names.contains { $0.hasPrefix("0=ocfl_") && !$0.hasPrefix("0=ocfl_object_") }
    }
}

import KhoCore
import Synchronization

/// What one object's validation established on its way, as data: which content files failed the root manifest's
/// digest, which are missing or unlisted, the inventory digests computed for the sidecar checks. A caller that
/// turns a validation into its own report (the fixity check's `full` mode) reads these instead of finding text.
struct ValidationFacts: Sendable {
    /// One content file that could not be read, or whose bytes do not match a digest an inventory claims.
    struct DigestFailure: Sendable {
        /// Relative to the object root.
        var path: String
        /// The digests computed, by algorithm; nil when the file could not be read.
        var computed: [DigestAlgorithm: String]?
        /// The root manifest's digest (lower case) when that claim is one that failed; nil when only other
        /// inventories' claims failed.
        var rootManifestDigest: String?
    }

    /// The root inventory's `digestAlgorithm`, as written.
    var rootDigestAlgorithm: String?
    /// Whether the root inventory was structurally usable (its manifest and versions could be read).
    var rootUsable = false
    /// The version names the root inventory lists, in order.
    var versionNames: [String] = []
    /// Inventory digests computed for the sidecar checks: folder (`""` for the object root, `v2`) → algorithm and
    /// lower-case hex. A folder is absent when its sidecar could not be checked (missing, malformed).
    var inventoryDigests: [String: (algorithm: String, digest: String)] = [:]
    /// Content files found that the root manifest does not list (E023), relative to the object root.
    var unlisted: [String] = []
    /// Root manifest content paths with no file (E092).
    var absent: [String] = []
    /// Content files that failed some digest claim or could not be read.
    var digestFailures: [DigestFailure] = []
    /// The root inventory's sha256 fixity value (lower case) of each path in `digestFailures` that has one.
    var fixitySha256: [String: String] = [:]
    /// Content files hashed and their bytes.
    var filesHashed = 0
    var bytesHashed: UInt64 = 0
}

/// Where the validator records `ValidationFacts`: one reference shared by the copies of `ObjectValidation` that
/// the checks of one object pass around.
final class ValidationFactSink: Sendable {
    private let facts = Mutex(ValidationFacts())

    /// Changes the facts.
    func update(_ body: (inout ValidationFacts) -> Void) { facts.withLock { body(&$0) } }

    /// The facts so far.
    var value: ValidationFacts { facts.withLock { $0 } }
}

import Foundation
import KhoCore

/// Re-reads every content file of one OCFL object copy and checks it against the inventory (kiểm tra tính toàn vẹn).
///
/// Finds altered, truncated, missing and unexpected files, damaged inventories and sidecars. `fixity` mode compares
/// the sha256 fixity values Kho records (the content digest where an object has none); `full` mode compares the
/// sha512 content digests and runs the complete OCFL validation. Never throws: whatever cannot be read is damage.
public struct ObjectFixityChecker: Sendable {
    /// What is compared.
    public let mode: FixityMode
    /// Threads hashing at once.
    public let threads: Int
    /// Shared throttle, if any.
    public let rateLimiter: ByteRateLimiter?
    /// Read size per thread.
    public let bufferSize: Int

    /// A checker hashing on `threads` threads, throttled by `rateLimiter` when given.
    public init(mode: FixityMode, threads: Int = 2, rateLimiter: ByteRateLimiter? = nil) {
        self.init(mode: mode, threads: threads, rateLimiter: rateLimiter, bufferSize: 1 << 20)
    }

    /// The same with a chosen read size per thread.
    public init(mode: FixityMode, threads: Int, rateLimiter: ByteRateLimiter?, bufferSize: Int) {
        self.mode = mode
        self.threads = max(1, threads)
        self.rateLimiter = rateLimiter
        self.bufferSize = max(4096, bufferSize)
    }

    /// Checks the object copy at `objectRoot`. `expectedSizes` maps sha256 (lower-case hex) to sizes in bytes, when
    /// known (from the catalogue), so that a shortened file is reported `truncated` rather than `altered`.
    public func check(objectAt objectRoot: String, expectedSizes: [String: UInt64] = [:]) -> ObjectFixityReport {
        var report = ObjectFixityReport(objectPath: objectRoot, mode: mode)
        guard FileSystem.isDirectory(objectRoot), let entries = try? FileSystem.entries(objectRoot) else {
            report.damage = [Damage(kind: .missing, path: "", detail: "object folder not found")]
            return report
        }
        let inventories = ObjectInventories(objectRoot: objectRoot, entries: entries)
        var damage = inventories.damage
        if let bytes = inventories.trusted, let inventory = try? FixityInventory.decode(bytes, path: objectRoot + "/inventory.json") {
            report.objectID = inventory.id
            let plan = ContentPlan(inventory: inventory, mode: mode, expectedSizes: expectedSizes,
                                   onDisk: ObjectFiles.list(objectRoot: objectRoot, sidecarName: "inventory.json." + inventories.algorithm.rawValue))
            damage += plan.unexpected.map { Damage(kind: .unexpected, path: $0, detail: "not in the manifest") }
            let verifier = ContentVerifier(threads: threads, bufferSize: bufferSize, rateLimiter: rateLimiter)
            let outcome = verifier.verify(plan.jobs, objectRoot: objectRoot)
            damage += plan.missing.map { Damage(kind: .missing, path: $0, detail: "listed in the manifest, not on disk") }
            damage += outcome.damage
            report.filesChecked = outcome.files
            report.bytesChecked = outcome.bytes
        }
        if mode == .full { damage += validationDamage(objectRoot: objectRoot, known: damage) }
        report.damage = damage.sorted { ($0.path.utf8.lexicographicallyPrecedes($1.path.utf8)) || ($0.path == $1.path && $0.kind.rawValue < $1.kind.rawValue) }
        return report
    }

    /// The OCFL validator's errors (structure only: digests were just checked) not already explained by damage found.
    private func validationDamage(objectRoot: String, known: [Damage]) -> [Damage] {
        let validator = OCFLValidator(options: .init(checkDigests: false, hashingThreads: threads, bufferSize: bufferSize))
        let report = validator.validate(objectAt: URL(fileURLWithPath: objectRoot))
        let explained = Set(known.map { ExactPath($0.path) })
        let inventoryDamaged = known.contains { $0.kind == .inventoryDamaged || $0.kind == .sidecarDamaged }
        var result: [Damage] = []
        for finding in report.errors {
            let path = finding.path.map { Self.relative($0, to: objectRoot) } ?? ""
            if explained.contains(ExactPath(path)) { continue }
            if inventoryDamaged && Self.inventoryCodes.contains(finding.code) { continue }
            result.append(Damage(kind: .invalid, path: path, detail: "\(finding.code): \(finding.message.en)"))
        }
        return result
    }

    /// Validator codes about inventories and sidecars, already reported as inventory or sidecar damage.
    private static let inventoryCodes: Set<String> = ["E033", "E034", "E058", "E060", "E061", "E063", "E064", "E066", "E040"]

    private static func relative(_ path: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// Which files to hash against which digests, and which are missing or unexpected.
struct ContentPlan {
    var jobs: [ContentJob] = []
    var missing: [String] = []
    var unexpected: [String] = []

    init(inventory: FixityInventory, mode: FixityMode, expectedSizes: [String: UInt64], onDisk: [ExactPath]) {
        let contentAlgorithm = DigestAlgorithm(rawValue: inventory.digestAlgorithm.lowercased()) ?? .sha512
        var sha256: [ExactPath: String] = [:]
        if contentAlgorithm != .sha256, let block = inventory.fixity["sha256"] {
            sha256.reserveCapacity(inventory.manifest.count)
            for (digest, paths) in block { for path in paths { sha256[ExactPath(path)] = digest.lowercased() } }
        }
        var expected: [ExactPath: Int] = [:]
        expected.reserveCapacity(inventory.manifest.count)
        var all: [ContentJob] = []
        for (digest, paths) in inventory.manifest {
            for path in paths {
                let key = ExactPath(path)
                let fixity = contentAlgorithm == .sha256 ? digest.lowercased() : sha256[key]
                let size = fixity.flatMap { expectedSizes[$0] }
                if mode == .fixity, let fixity {
                    all.append(ContentJob(path: path, algorithm: .sha256, expected: fixity, expectedSize: size))
                } else {
                    all.append(ContentJob(path: path, algorithm: contentAlgorithm, expected: digest.lowercased(), expectedSize: size))
                }
                expected[key] = all.count - 1
            }
        }
        var seen = [Bool](repeating: false, count: all.count)
        for path in onDisk {
            if let index = expected[path] {
                seen[index] = true
                jobs.append(all[index])
            } else {
                unexpected.append(path.string)
            }
        }
        for (index, job) in all.enumerated() where !seen[index] { missing.append(job.path) }
    }
}

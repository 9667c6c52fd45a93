import Foundation
import KhoCore
import Synchronization

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
        check(objectAt: objectRoot) { expectedSizes }
    }

    /// The same, with the sizes asked for only when some file's digest differs (a sweep then reads no catalogue rows
    /// for an intact copy: 20,000 rows for a 20,000-file object), and at most once.
    public func check(objectAt objectRoot: String, expectedSizes: () -> [String: UInt64]) -> ObjectFixityReport {
        var report = ObjectFixityReport(objectPath: objectRoot, mode: mode)
        guard FileSystem.isDirectory(objectRoot), let entries = try? FileSystem.entries(objectRoot) else {
            report.damage = [Damage(kind: .missing, path: "", detail: "object folder not found")]
            return report
        }
        var damage: [Damage]
        if mode == .full, let fused = FusedFullCheck(threads: threads, bufferSize: bufferSize, rateLimiter: rateLimiter)
            .check(objectRoot: objectRoot, entries: entries, expectedSizes: expectedSizes, report: &report) {
            // One validator pass hashed the content and checked the structure.
            damage = fused
        } else {
            // Inventories and content first, in their own scope: their memory is released before the validator runs.
            damage = mode == .fixity
                ? checkFixityMode(objectRoot: objectRoot, entries: entries, expectedSizes: expectedSizes, report: &report)
                : checkInventoriesAndContent(objectRoot: objectRoot, entries: entries, expectedSizes: expectedSizes(), report: &report)
            // Full mode on a copy whose root inventory cannot be trusted: the validator's structure findings added.
            if mode == .full { damage += validationDamage(objectRoot: objectRoot, known: damage) }
        }
        report.damage = damage.sorted {
            $0.path.utf8.lexicographicallyPrecedes($1.path.utf8)
                || ($0.path.utf8.elementsEqual($1.path.utf8) && $0.kind.rawValue < $1.kind.rawValue)
        }
        return report
    }

    /// Inventory and sidecar damage, then the content checked against the trusted inventory.
    private func checkInventoriesAndContent(objectRoot: String, entries: [(name: String, isDirectory: Bool)],
                                            expectedSizes: [String: UInt64], report: inout ObjectFixityReport) -> [Damage] {
        // The inventories are read and hashed while another thread lists the files.
        let listing = Mutex<[(path: ExactPath, inode: UInt64)]>([])
        let judged = Mutex<ObjectInventories?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let inventories = ObjectInventories(objectRoot: objectRoot, entries: entries, manifestDigests: true)
                judged.withLock { $0 = inventories }
            } else {
                let files = ObjectFiles.list(objectRoot: objectRoot)
                listing.withLock { $0 = files }
            }
        }
        guard let inventories = judged.withLock({ $0 }) else { return [] }
        var damage = inventories.damage
        guard let inventory = inventories.trustedInventory else { return damage }
        report.objectID = inventory.id
        let sidecarName = Array(("inventory.json." + inventories.algorithm.rawValue).utf8)
        let onDisk = listing.withLock { $0 }.filter { !ObjectFiles.isSidecar($0.path, name: sidecarName) }
        let plan = ContentPlan(inventory: inventory, expectedSizes: expectedSizes, onDisk: onDisk)
        damage += plan.unexpected.map { Damage(kind: .unexpected, path: $0, detail: "not in the manifest") }
        damage += plan.missing.map { Damage(kind: .missing, path: $0, detail: "listed in the manifest, not on disk") }
        let outcome = ContentVerifier(threads: threads, bufferSize: bufferSize, rateLimiter: rateLimiter).verify(plan.jobs, objectRoot: objectRoot)
        damage += outcome.damage
        report.filesChecked = outcome.files
        report.bytesChecked = outcome.bytes
        return damage
    }

    /// The OCFL validator's errors (structure only: digests were just checked) not already explained by damage found.
    private func validationDamage(objectRoot: String, known: [Damage]) -> [Damage] {
        let validator = OCFLValidator(options: .init(checkDigests: false, hashingThreads: threads, bufferSize: bufferSize))
        let report = validator.validate(objectAt: URL(fileURLWithPath: objectRoot))
        return Self.invalid(report.errors, objectRoot: objectRoot, known: known)
    }

    /// The validator's `errors` as `invalid` damage, leaving out those about a file already found damaged in `known`
    /// and, when an inventory or sidecar is damaged, those about inventories.
    static func invalid(_ errors: [Finding], objectRoot: String, known: [Damage]) -> [Damage] {
        let explained = Set(known.map { ExactPath($0.path) })
        let inventoryDamaged = known.contains { $0.kind == .inventoryDamaged || $0.kind == .sidecarDamaged }
        var result: [Damage] = []
        for finding in errors {
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

/// Which files to hash against which content digests (the two-pass `full` check), and which are missing or unexpected.
/// Fixity mode plans in one pass instead (`ObjectFixityChecker+Fixity.swift`).
struct ContentPlan {
    var jobs: [ContentJob] = []
    var missing: [String] = []
    var unexpected: [String] = []

    /// Jobs come in inode order: on a cold cache that is close to the order the files lie on disk.
    init(inventory: FixityInventory, expectedSizes: [String: UInt64], onDisk: [(path: ExactPath, inode: UInt64)]) {
        let contentAlgorithm = DigestAlgorithm(rawValue: inventory.digestAlgorithm.lowercased()) ?? .sha512
        let fixity256 = contentAlgorithm == .sha256 ? nil : inventory.fixity["sha256"]
        var expected: [ExactPath: Int] = [:]
        expected.reserveCapacity(inventory.manifest.count)
        var all: [ContentJob] = []
        all.reserveCapacity(inventory.manifest.count)
        // The sha256 of each path is only needed to look sizes up.
        var sha256: [ExactPath: String] = [:]
        if !expectedSizes.isEmpty, let fixity256 {
            for (digest, paths) in fixity256 { for path in paths { sha256[ExactPath(path)] = Inventory.lowercasedSharing(digest) } }
        }
        for (digest, paths) in inventory.manifest {
            let lower = Inventory.lowercasedSharing(digest)
            for path in paths {
                let key = ExactPath(path)
                let size = (contentAlgorithm == .sha256 ? lower : sha256[key]).flatMap { expectedSizes[$0] }
                all.append(ContentJob(path: path, algorithm: contentAlgorithm, expected: lower, expectedSize: size))
                expected[key] = all.count - 1
            }
        }
        var seen = [Bool](repeating: false, count: all.count)
        for (path, _) in onDisk.sorted(by: { $0.inode < $1.inode }) {
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

import Dispatch
import KhoCore
import Synchronization

extension ObjectFixityChecker {
    /// `fixity` mode: the content is listed and hashed in one pass while the first thread reads and judges the
    /// inventories and builds what each path must hash to; then each file found is matched by one lookup. The sizes
    /// are asked for only when some file differs, to tell a shortened file (`truncated`) from an `altered` one.
    /// Every file is still read whole and compared with its sha256 fixity value; missing, unexpected, unreadable,
    /// vanished files and the inventory and sidecar damage are found as in `full` mode's two-phase check.
    func checkFixityMode(objectRoot: String, entries: [(name: String, isDirectory: Bool)],
                         expectedSizes: () -> [String: UInt64], report: inout ObjectFixityReport) -> [Damage] {
        let judged = Mutex<(inventories: ObjectInventories, expected: ExpectedContent?)?>(nil)
        let walker = ContentWalker(threads: threads, bufferSize: bufferSize, rateLimiter: rateLimiter)
        let walked = walker.walk(objectRoot: objectRoot) {
            var inventories = ObjectInventories(objectRoot: objectRoot, entries: entries, manifestDigests: false)
            var expected = inventories.trustedInventory.map { ExpectedContent(inventory: $0) }
            if expected?.needsManifestDigests == true, let bytes = inventories.trusted,
               let full = try? FixityInventory.decode(bytes, path: objectRoot + "/inventory.json") {
                // Some content path has no sha256 fixity: its content digest is needed after all.
                expected = ExpectedContent(inventory: full)
            }
            // Only the id is used from here on: the paths and the bytes are freed on this thread, during the hashing.
            inventories.trustedInventory?.dropContent()
            inventories.trusted = nil
            judged.withLock { $0 = (inventories, expected) }
        }
        guard let (inventories, expected) = judged.withLock({ $0 }) else { return [] }
        var damage = inventories.damage
        guard let inventory = inventories.trustedInventory, let expected else { return damage }
        report.objectID = inventory.id
        let files = walked ?? []
        let sidecarName = Array(("inventory.json." + inventories.algorithm.rawValue).utf8)
        // Matched in as many slices as there are threads.
        let parts = max(1, min(threads, files.count / 2048 + 1))
        let matches = Mutex<[ExpectedContent.Match]>([])
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (files.count * part / parts)..<(files.count * (part + 1) / parts)
            let match = expected.match(files[range], sidecarName: sidecarName)
            matches.withLock { $0.append(match) }
        }
        var found = [Bool](repeating: false, count: expected.count)
        var mismatched: [ExpectedContent.Mismatch] = []
        var againNumbers: [Int] = []
        for match in matches.withLock({ $0 }) {
            damage += match.damage
            for index in match.found { found[index] = true }
            mismatched += match.mismatched
            againNumbers += match.again
            report.filesChecked += match.files
            report.bytesChecked += match.bytes
        }
        let needsSizes = !mismatched.isEmpty || againNumbers.contains { expected.algorithm($0) == .sha256 }
        let sizes = needsSizes ? ExpectedContent.rawSizes(expectedSizes()) : [:]
        damage += mismatched.map { expected.damage($0, sizes: sizes) }
        let again = againNumbers.map { expected.job($0, sizes: sizes) }
        for number in found.indices where !found[number] {
            damage.append(Damage(kind: .missing, path: expected.index.table.string(number), detail: "listed in the manifest, not on disk"))
        }
        if !again.isEmpty {
            let outcome = ContentVerifier(threads: threads, bufferSize: bufferSize, rateLimiter: rateLimiter).verify(again, objectRoot: objectRoot)
            damage += outcome.damage
            report.filesChecked += outcome.files
            report.bytesChecked += outcome.bytes
        }
        return damage
    }
}

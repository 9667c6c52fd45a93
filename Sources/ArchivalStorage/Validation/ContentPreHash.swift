import Dispatch
import Foundation
import KhoCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Content hashed while the inventory is still being parsed and checked (băm trước): every regular file under
/// the version folders, found by walking them through directory descriptors and opened by its bare name, hashed
/// with the algorithms the object most likely needs — its sidecar's, and sha256 when fixity values are checked
/// and the inventory names sha256. Without this the hashing threads would wait for the whole inventory check.
/// `ContentDigestCheck` compares each job's claims with these digests; whatever they do not cover (another
/// algorithm, a path outside the version folders, a file that could not be read) is hashed afterwards as before.
final class ContentPreHash: Sendable {
    /// What the walk hashed: paths relative to the object root, with lower-case hex digests.
    struct Digests: Sendable {
        /// The algorithms computed for every file, in order.
        var algorithms: [DigestAlgorithm]
        /// Hex digest bytes of one file, all algorithms.
        var stride: Int
        var paths: [UInt8] = []
        var ends: [UInt32] = []
        /// `stride` bytes per file: its hex digests, algorithms in order.
        var hex: [UInt8] = []
        /// Bytes read.
        var bytes: UInt64 = 0
        /// Jobs of the plan snapshot (`use`) whose every claim matched, checked as soon as they were hashed.
        var matched: [Int32] = []
        /// Jobs of the snapshot that did not match.
        var failed: [ContentDigestCheck.Failure] = []

        var count: Int { ends.count }

        func withPath<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let start = i == 0 ? 0 : Int(ends[i - 1])
            return paths.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<Int(ends[i])])) }
        }

        /// Calls `body` with the hex digest of file `i` for the algorithm at `slot` of `algorithms`.
        func withHex<R>(_ i: Int, slot: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            var start = i * stride
            for a in algorithms.prefix(slot) { start += a.hexLength }
            let end = start + algorithms[slot].hexLength
            return hex.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        }

    }

    /// At most this many files hashed before the claims are known are kept (about 300 bytes each); the rest are
    /// hashed later, as without a pre-hash.
    static let maximumFiles = 1 << 17

    private let algorithms: [DigestAlgorithm]
    private let rootFD: Int32
    private let bufferSize: Int
    private let limiter: ByteRateLimiter?
    private let queue: WalkQueue
    private let recorded = Atomic<Int>(0)
    private let results = Mutex<[Digests]>([])
    /// The root inventory's claims, once known: files hashed after that are checked at once, not kept.
    private let snapshot = Mutex<DigestPlan?>(nil)
    private let done = DispatchSemaphore(value: 0)
    private let workers: Int

    /// Starts hashing the files under the version folders among `entries` (the object root's) on threads of
    /// their own; nil when the sidecar names no algorithm Kho computes or there is no version folder.
    static func start(root: String, entries: [DirectoryEntry], inventory: [UInt8], options: OCFLValidator.Options) -> ContentPreHash? {
        guard options.checkDigests else { return nil }
        let named = entries.compactMap { e -> DigestAlgorithm? in
            guard e.kind == .file, e.name.hasPrefix("inventory.json.") else { return nil }
            return DigestAlgorithmName.parse(String(e.name.dropFirst("inventory.json.".count)))
        }
        guard named.count == 1, let main = named.first else { return nil }
        var algorithms = [main]
        if options.checkFixity, main != .sha256, Self.contains(inventory, "\"sha256\"") { algorithms.append(.sha256) }
        let versions = entries.filter { $0.kind == .directory && PathRules.versionNumber($0.name) != nil }.map(\.name)
        guard !versions.isEmpty else { return nil }
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        return ContentPreHash(rootFD: fd, versions: versions, algorithms: algorithms, options: options)
    }

    private init(rootFD: Int32, versions: [String], algorithms: [DigestAlgorithm], options: OCFLValidator.Options) {
        self.rootFD = rootFD
        self.algorithms = algorithms
        self.bufferSize = options.bufferSize
        self.limiter = options.rateLimiter
        self.queue = WalkQueue(versions.map { WalkItem(parent: nil, name: Array($0.utf8CString), path: Array($0.utf8), depth: 0) })
        self.workers = max(1, options.hashingThreads)
        for _ in 0..<workers {
            let thread = Thread { [self] in
                let found = self.work()
                self.results.withLock { $0.append(found) }
                self.done.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit { close(rootFD) }

    /// Hands the workers the claims known so far (`ContentDigestCheck.start`): from now on each file is compared
    /// as soon as it is hashed and only the outcome is kept.
    func use(_ plan: DigestPlan) { snapshot.withLock { $0 = plan } }

    /// Waits for every worker (call once) and returns the digests each found (not merged: no copy of them all).
    func wait() -> [Digests] {
        for _ in 0..<workers { done.wait() }
        return results.withLock { $0 }
    }

    /// True when `needle` (starting with a quote) occurs in `bytes`: `memchr` jumps from quote to quote.
    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        return bytes.withUnsafeBytes { b in
            n.withUnsafeBytes { k in
                guard let base = b.baseAddress, let key = k.baseAddress else { return false }
                var at = 0
                while at + n.count <= b.count {
                    guard let hit = memchr(base + at, Int32(first), b.count - at) else { return false }
                    at = base.distance(to: UnsafeRawPointer(hit))
                    if at + n.count <= b.count, memcmp(base + at, key, n.count) == 0 { return true }
                    at += 1
                }
                return false
            }
        }
    }

    private static let inventoryName = Array("inventory.json".utf8)
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19

    /// One worker: takes a folder, lists it, queues its subfolders and hashes its files, until none is left.
    private func work() -> Digests {
        var local = Digests(algorithms: algorithms, stride: algorithms.reduce(0) { $0 + $1.hexLength })
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 4096)
        defer { buffer.deallocate() }
        let digester = MultiDigester(algorithms)
        var bits: UInt8 = 0
        for algorithm in algorithms { bits |= UInt8(1) << UInt8(DigestAlgorithm.allCases.firstIndex(of: algorithm) ?? 0) }
        var plan: DigestPlan?
        var path: [UInt8] = []
        while let item = queue.next() {
            if plan == nil { plan = snapshot.withLock { $0 } }
            var children: [WalkItem] = []
            defer { queue.finish(adding: children) }
            let parent = item.parent?.fd ?? rootFD
            let fd = item.name.withUnsafeBufferPointer { name in
                name.baseAddress.map { openat(parent, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) } ?? -1
            }
            guard fd >= 0 else { continue }
            guard let stream = fdopendir(fd) else {
                close(fd)
                continue
            }
            let folder = DirectoryHandle(stream)
            while let entry = readdir(stream) {
                let name = UnsafeRawPointer(entry).advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self)
                let length = strlen(name)
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: length)
                if (length == 1 && bytes[0] == 0x2E) || (length == 2 && bytes[0] == 0x2E && bytes[1] == 0x2E) { continue }
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var st = stat()
                    guard fstatat(folder.fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                    type = (st.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (st.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
                }
                if type == Int32(DT_DIR) {
                    var path = item.path
                    path.append(0x2F)
                    path.append(contentsOf: bytes)
                    children.append(WalkItem(parent: folder, name: Array(UnsafeBufferPointer(start: name, count: length + 1)), path: path, depth: item.depth + 1))
                    continue
                }
                guard type == Int32(DT_REG) else { continue }
                // The version folder's own inventory and sidecar are not content.
                if item.depth == 0, bytes.starts(with: Self.inventoryName) { continue }
                // Digests are kept only until the claims are known, and for at most `maximumFiles` files.
                if plan == nil, recorded.wrappingAdd(1, ordering: .relaxed).oldValue >= Self.maximumFiles { continue }
                digester.reset()
                guard let size = hash(folder.fd, name, buffer, digester) else { continue }
                local.bytes += size
                path.removeAll(keepingCapacity: true)
                path.append(contentsOf: item.path)
                path.append(0x2F)
                path.append(contentsOf: bytes)
                let digests = digester.finalize()
                if let plan {
                    // Claims known: compare now; a file they do not cover is hashed again later.
                    guard let j = path.withUnsafeBufferPointer({ plan.job(for: $0) }),
                          plan.jobs[j].algorithms != 0, plan.jobs[j].algorithms & ~bits == 0 else { continue }
                    var allMatch = true
                    var c = Int(plan.jobs[j].firstClaim)
                    while c >= 0, allMatch {
                        if var hex = digests[plan.claims[c].algorithm] {
                            allMatch = hex.withUTF8 { plan.matches(c, $0) }
                        } else {
                            allMatch = false
                        }
                        c = Int(plan.claims[c].next)
                    }
                    if allMatch { local.matched.append(Int32(j)) } else { local.failed.append(.init(job: j, computed: digests)) }
                    continue
                }
                local.paths.append(contentsOf: path)
                local.ends.append(UInt32(local.paths.count))
                for algorithm in algorithms {
                    var hex = digests[algorithm] ?? String(repeating: "?", count: algorithm.hexLength)
                    hex.withUTF8 { local.hex.append(contentsOf: $0) }
                }
            }
        }
        return local
    }

    /// Reads and hashes one file; its size, or nil when it could not be read (it is then hashed later).
    private func hash(_ folder: Int32, _ name: UnsafePointer<CChar>, _ buffer: UnsafeMutableRawBufferPointer, _ digester: MultiDigester) -> UInt64? {
        let fd = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let chunk = min(buffer.count, 256 << 10)
        var size: UInt64 = 0
        while true {
            let n = read(fd, buffer.baseAddress, chunk)
            if n == 0 { return size }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            // A file larger than one read gets a larger read-ahead; small files skip the system call.
            #if canImport(Glibc)
            if size == 0 && n == chunk { _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL)) }
            #endif
            size += UInt64(n)
            limiter?.consume(n)
            var offset = 0
            while offset < n {
                let end = min(n, offset + (64 << 10))
                digester.update(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
                offset = end
            }
        }
    }
}

/// An open folder, closed when the last folder queued from it has been opened.
private final class DirectoryHandle: @unchecked Sendable {
    private let stream: OpaquePointer
    let fd: Int32

    init(_ stream: OpaquePointer) {
        self.stream = stream
        fd = dirfd(stream)
    }

    deinit { closedir(stream) }
}

/// A folder to walk: its name inside `parent` (the object root when nil) and its path from the object root.
private struct WalkItem: @unchecked Sendable {
    var parent: DirectoryHandle?
    /// Null-terminated.
    var name: [CChar]
    var path: [UInt8]
    /// 0 for a version folder.
    var depth: Int
}

/// The folders left to walk, shared by the workers; empty and idle means done.
private final class WalkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [WalkItem]
    private var active = 0

    init(_ items: [WalkItem]) { self.items = items }

    /// The next folder, or nil when none is left and no worker can add more.
    func next() -> WalkItem? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let item = items.popLast() {
                active += 1
                return item
            }
            if active == 0 { return nil }
            condition.wait()
        }
    }

    /// One folder done, with the subfolders it holds.
    func finish(adding children: [WalkItem]) {
        condition.lock()
        items += children.reversed()
        active -= 1
        condition.broadcast()
        condition.unlock()
    }
}

import KhoCore
import Synchronization

/// Verifies the SIZE and CHECKSUM a METS declares for each file: one streaming read per file
/// (every declared algorithm at once through `MultiDigester`), files spread over a few threads.
///
/// Codes: `KHO-FIX-MISSING`, `KHO-FIX-SIZE`, `KHO-FIX-CHECKSUM`, `KHO-FIX-READ`.
public struct FixityVerifier: Sendable {
    /// Files hashed at the same time (the brief's machines have two cores).
    public var threads: Int
    /// Read buffer per thread.
    public var bufferSize: Int

    /// A verifier using `threads` parallel readers.
    public init(threads: Int = 2, bufferSize: Int = 1 << 20) {
        self.threads = max(1, threads)
        self.bufferSize = bufferSize
    }

    /// Checks every declaration against the files in `tree`; returns one finding per problem, naming the file.
    public func verify(_ declared: [DeclaredFile], in tree: PackageTree) -> [Finding] {
        var findings: [Finding] = []
        var work: [(DeclaredFile, PackageTree.Entry)] = []
        for item in declared {
            guard let entry = tree.file(at: item.path) else {
                findings.append(Finding(
                    code: "KHO-FIX-MISSING", severity: .error,
                    message: BilingualMessage(
                        vi: "Tệp được khai báo trong \(item.declaredIn) không có trong gói: \(item.path)",
                        en: "File declared in \(item.declaredIn) is missing from the package: \(item.path)"),
                    path: item.path, location: "\(item.declaredIn):\(item.location)"))
                continue
            }
            if let size = item.size, size != entry.size {
                findings.append(Finding(
                    code: "KHO-FIX-SIZE", severity: .error,
                    message: BilingualMessage(
                        vi: "Kích thước tệp \(item.path) là \(entry.size) byte, METS khai báo \(size)",
                        en: "File \(item.path) is \(entry.size) bytes, METS declares \(size)"),
                    path: item.path, location: "\(item.declaredIn):\(item.location)"))
            }
            if !item.digests.isEmpty { work.append((item, entry)) }
        }
        // Big files first so the threads finish together.
        work.sort { $0.1.size > $1.1.size }
        findings += hash(work, tree: tree)
        return findings
    }

    private func hash(_ work: [(DeclaredFile, PackageTree.Entry)], tree: PackageTree) -> [Finding] {
        let next = Atomic<Int>(0)
        let collected = Mutex<[Finding]>([])
        let hasher = FileHasher(bufferSize: bufferSize)
        let workers = min(threads, max(1, work.count))
        let bufferSize = self.bufferSize
        let body: @Sendable (Int) -> Void = { _ in
            var local: [Finding] = []
            // One buffer per thread, reused for every file.
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 4096)
            defer { buffer.deallocate() }
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < work.count else { break }
                let (item, entry) = work[index]
                local += Self.check(item, entry: entry, tree: tree, hasher: hasher, buffer: buffer)
            }
            collected.withLock { $0 += local }
        }
        if workers == 1 {
            body(0)
        } else {
            DispatchShim.concurrentPerform(iterations: workers, body)
        }
        return collected.withLock { $0 }.sorted { ($0.path ?? "", $0.code) < ($1.path ?? "", $1.code) }
    }

    private static func check(_ item: DeclaredFile, entry: PackageTree.Entry, tree: PackageTree, hasher: FileHasher,
                              buffer: UnsafeMutableRawBufferPointer) -> [Finding] {
        let digest: FileDigest
        do {
            digest = try hasher.digest(fileAt: tree.fullPath(entry.path), algorithms: item.digests.keys, buffer: buffer)
        } catch {
            return [Finding(code: "KHO-FIX-READ", severity: .error, message: error.message,
                            path: item.path, location: "\(item.declaredIn):\(item.location)")]
        }
        var findings: [Finding] = []
        for (algorithm, expected) in item.digests.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let actual = digest.digests[algorithm] ?? ""
            if actual != expected.lowercased() {
                findings.append(Finding(
                    code: "KHO-FIX-CHECKSUM", severity: .error,
                    message: BilingualMessage(
                        vi: "Mã kiểm tra \(algorithm.metsName) của \(item.path) không khớp: tính được \(actual), METS khai báo \(expected)",
                        en: "\(algorithm.metsName) of \(item.path) does not match: computed \(actual), METS declares \(expected)"),
                    path: item.path, location: "\(item.declaredIn):\(item.location)"))
            }
        }
        return findings
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KhoCore

/// A large inventory.json read in parts, so that it is never in memory whole: the document with every version's
/// `state` object left out (written `{}`), and each state object read back from the file when its version block
/// is checked. An object of 20,000 files lists all of them in every version block, so after a few versions the
/// states are nearly all of the document (5 MB a version) and the rest (manifest, fixity) stays small.
///
/// Found by one pass over the file that follows strings and brackets only; anything it does not expect (a key
/// with an escape, a repeated `versions` or `state`, unbalanced brackets) leaves the file to be read whole, so the
/// full parser says what is wrong, with the same byte offsets as always.
struct InventorySplit: Sendable {
    /// Files smaller than this are read whole: below it the compact states cost about what the split saves, and
    /// the pass over the file is time an object of one version (13 MB for 20,000 files) need not spend.
    /// `KHO_OCFL_SPLIT_FROM` (bytes) sets another size, for tests and measurements.
    static let minimumSize: Int = getenv("KHO_OCFL_SPLIT_FROM").flatMap { Int(String(cString: $0)) } ?? (16 << 20)
    /// The same for a version directory's inventory, read while the root's (compact) and the digest plan are
    /// held: splitting it from a lower size keeps the peak of a two-version object down too.
    static let minimumSizeInVersion = min(minimumSize, 4 << 20)

    let path: String
    /// The file's size.
    let size: Int
    /// The document with each version's state object replaced by `{}`.
    let skeleton: [UInt8]
    /// Version name → byte range of its state object in the file.
    let stateRanges: [String: Range<Int>]
    /// The file's sha512 (the usual inventory digest), taken during the pass.
    let sha512: String

    /// The bytes of the state object of `version`, when it was left out of the skeleton; `nil` if not or unreadable.
    func stateBytes(_ version: String) -> [UInt8]? {
        guard let range = stateRanges[version] else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < range.count {
                let n = pread(fd, base + count, range.count - count, off_t(range.lowerBound + count))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { failed = true; return }
                count += n
            }
        }
        return failed ? nil : bytes
    }

    /// The lower-case hex digest of the whole file with `algorithm` (read again unless it is sha512).
    func digest(_ algorithm: DigestAlgorithm) -> String? {
        if algorithm == .sha512 { return sha512 }
        let hasher = MultiDigester([algorithm])
        guard Self.readChunks(path, { hasher.update(UnsafeRawBufferPointer($0)); return true }) else { return nil }
        return hasher.finalize()[algorithm]
    }

    /// Scans the file at `path`; `nil` when it is small, unreadable, or not laid out as expected.
    static func scan(_ path: String, minimumSize: Int = minimumSize) -> InventorySplit? {
        var st = stat()
        guard stat(path, &st) == 0, Int(st.st_size) >= minimumSize else { return nil }
        var scanner = Scanner()
        let hasher = MultiDigester([.sha512])
        var offset = 0
        let ok = readChunks(path) { chunk in
            hasher.update(UnsafeRawBufferPointer(chunk))
            let n = chunk.count
            var i = 0
            while i < n {
                // Inside a state object (most of the file), the manifest or fixity, only strings and bracket depth matter.
                if scanner.skipping {
                    i = scanner.skipState(chunk, from: i, offset: offset)
                    continue
                }
                // Inside a value string (nearly all other bytes: paths and digests) only a quote or a backslash matters.
                if scanner.inString && scanner.keyDepth == 0 && !scanner.escape {
                    while i < n, chunk[i] != 0x22, chunk[i] != 0x5C { i += 1 }
                    if i == n { break }
                }
                guard scanner.step(chunk[i], at: offset + i) else { return false }
                i += 1
            }
            offset += n
            return true
        }
        guard ok, scanner.finished, !scanner.tooDeep, offset == Int(st.st_size), !scanner.states.isEmpty,
              let skeleton = skeleton(path, size: offset, leaving: scanner.states.values.sorted { $0.lowerBound < $1.lowerBound })
        else { return nil }
        return InventorySplit(path: path, size: offset, skeleton: skeleton, stateRanges: scanner.states,
                              sha512: hasher.finalize()[.sha512] ?? "")
    }

    /// The file without the byte ranges `states` (sorted), each written `{}`, read in one buffer of its exact size.
    private static func skeleton(_ path: String, size: Int, leaving states: [Range<Int>]) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var gaps: [Range<Int>] = []
        var from = 0
        for r in states {
            gaps.append(from..<r.lowerBound)
            from = r.upperBound
        }
        gaps.append(from..<size)
        let total = gaps.reduce(0) { $0 + $1.count } + 2 * states.count
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            for (k, gap) in gaps.enumerated() {
                var done = 0
                while done < gap.count {
                    let n = pread(fd, base + count + done, gap.count - done, off_t(gap.lowerBound + done))
                    if n < 0, errno == EINTR { continue }
                    if n <= 0 { failed = true; return }
                    done += n
                }
                count += done
                if k < states.count {
                    base[count] = UInt8(ascii: "{")
                    base[count + 1] = UInt8(ascii: "}")
                    count += 2
                }
            }
        }
        return failed || bytes.count != total ? nil : bytes
    }

    /// Reads the file 1 MiB at a time; false on a read error or when `body` stops.
    private static func readChunks(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let chunk = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, chunk)
            if n < 0, errno == EINTR { continue }
            if n < 0 { return false }
            if n == 0 { return true }
            guard body(UnsafeBufferPointer(start: buffer, count: n)) else { return false }
        }
    }
}

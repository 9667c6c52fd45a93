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

    /// Follows strings and brackets byte by byte, noting where each `versions.<name>.state` object lies.
    private struct Scanner {
        /// Open containers: `{` or `[`, and for objects whether a key comes next.
        var stack: [(kind: UInt8, expectKey: Bool)] = []
        var inString = false
        var escape = false
        /// The string being read is a key at this depth (1…3), collected in `key`.
        var keyDepth = 0
        var key: [UInt8] = []
        /// Keys of the current members at depths 1…3.
        var path: [[UInt8]] = [[], [], [], []]
        /// After `:` of a `versions.<name>.state` member: its value starts at the next non-space byte.
        var stateValueNext = false
        /// Start of the state object being skipped, and the depth it opened.
        var stateStart: Int?
        var versionsSeen = false
        var versionNames: Set<[UInt8]> = []
        var stateSeenInBlock = false
        var states: [String: Range<Int>] = [:]

        /// After `:` of another top-level member (manifest, fixity…): a container value is skipped as a whole.
        var otherValueNext = false
        var skippingOther = false
        var skipping: Bool { stateStart != nil || skippingOther }
        /// Inside the state object being skipped: bracket depth below it, and string state.
        var skipDepth = 0
        var skipString = false
        var skipEscape = false
        var tooDeep = false

        /// Skips bytes of the state object from `i` on, to its end or the end of `chunk`; returns where it stopped.
        /// Bracket kinds are not matched here: a state that is not well-formed fails its own parse later.
        mutating func skipState(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int, offset: Int) -> Int {
            var i = start
            let n = chunk.count
            while i < n {
                let c = chunk[i]
                if skipString {
                    if skipEscape {
                        skipEscape = false
                    } else if c == 0x5C {
                        skipEscape = true
                    } else if c == 0x22 {
                        skipString = false
                    } else {
                        // The rest of an ordinary run of string bytes.
                        i += 1
                        while i < n, chunk[i] != 0x22, chunk[i] != 0x5C { i += 1 }
                        continue
                    }
                } else if c == 0x22 {
                    skipString = true
                } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                    skipDepth += 1
                    // As deep as the full parser refuses: leave the file to it.
                    if skipDepth > 500 { tooDeep = true }
                } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                    skipDepth -= 1
                    if skipDepth == 0 {
                        // The state object's own closing brace: back to the full scanner's view, one level up.
                        _ = stack.popLast()
                        if let begin = stateStart { states[String(decoding: path[2], as: UTF8.self)] = begin..<(offset + i + 1) }
                        stateStart = nil
                        skippingOther = false
                        return i + 1
                    }
                }
                i += 1
            }
            return i
        }
        var finished: Bool { stack.isEmpty && !inString && !skipping && versionsSeen }

        /// Takes byte `c` at file offset `at`; false when the layout is not the expected one.
        mutating func step(_ c: UInt8, at: Int) -> Bool {
            if inString {
                if escape { escape = false; return keyDepth == 0 }
                if c == 0x5C {
                    escape = true
                    return keyDepth == 0  // keys this reads must be written without escapes
                }
                if c == 0x22 {
                    inString = false
                    if keyDepth > 0 { return endKey() }
                    return true
                }
                if keyDepth > 0 { key.append(c) }
                return true
            }
            switch c {
            case 0x20, 0x0A, 0x0D, 0x09: return true
            default: break
            }
            if stateValueNext || otherValueNext {
                if c == UInt8(ascii: "{") || (otherValueNext && c == UInt8(ascii: "[")) {
                    if stateValueNext { stateStart = at } else { skippingOther = true }
                    skipDepth = 1
                    skipString = false
                    skipEscape = false
                }
                stateValueNext = false
                otherValueNext = false
            }
            switch c {
            case 0x22:
                inString = true
                keyDepth = 0
                if let top = stack.last, top.kind == UInt8(ascii: "{"), top.expectKey {
                    stack[stack.count - 1].expectKey = false
                    if stack.count <= 3 {
                        keyDepth = stack.count
                        key.removeAll(keepingCapacity: true)
                    }
                }
                return true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < 500 else { return false }
                stack.append((c, c == UInt8(ascii: "{")))
                if stack.count == 3, c == UInt8(ascii: "{"), isVersionsMember(depth: 2) { stateSeenInBlock = false }
                return true
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard let top = stack.popLast(), top.kind == (c == UInt8(ascii: "}") ? UInt8(ascii: "{") : UInt8(ascii: "[")) else { return false }
                return true
            case UInt8(ascii: ","):
                if let top = stack.last, top.kind == UInt8(ascii: "{") { stack[stack.count - 1].expectKey = true }
                return true
            case UInt8(ascii: ":"):
                if stack.count == 1, path[1] != Array("versions".utf8) { otherValueNext = true }
                if stack.count == 3, isVersionsMember(depth: 2), path[3] == Array("state".utf8),
                   stack[1].kind == UInt8(ascii: "{"), stack[2].kind == UInt8(ascii: "{") {
                    stateValueNext = true
                }
                return true
            default:
                return true
            }
        }

        /// Whether the open container at `depth` (1-based) is a member of the top-level `versions`.
        private func isVersionsMember(depth: Int) -> Bool {
            stack.count >= depth && stack[0].kind == UInt8(ascii: "{") && path[1] == Array("versions".utf8)
        }

        /// A key at `keyDepth` ended: records it; refuses a repeated `versions`, version name or `state`.
        private mutating func endKey() -> Bool {
            let d = keyDepth
            keyDepth = 0
            path[d] = key
            for deeper in (d + 1)..<path.count { path[deeper] = [] }
            switch d {
            case 1 where key == Array("versions".utf8):
                if versionsSeen { return false }
                versionsSeen = true
            case 2 where path[1] == Array("versions".utf8):
                if !versionNames.insert(key).inserted { return false }
            case 3 where path[1] == Array("versions".utf8) && key == Array("state".utf8):
                if stateSeenInBlock { return false }
                stateSeenInBlock = true
            default: break
            }
            return true
        }
    }
}

/// Where an inventory's bytes come from: read whole, or split (large inventories).
struct InventorySource: Sendable {
    let path: String
    /// The file, when read whole.
    let bytes: [UInt8]?
    /// The file in parts, when large.
    let split: InventorySplit?

    /// Opens the inventory at `path`: split from `splitFrom` bytes on when laid out as expected, else read whole;
    /// `nil` when unreadable.
    init?(path: String, splitFrom: Int = InventorySplit.minimumSize) {
        self.path = path
        if let split = InventorySplit.scan(path, minimumSize: splitFrom) {
            self.split = split
            bytes = nil
        } else if let bytes = DirectoryListing.readFile(path) {
            self.bytes = bytes
            split = nil
        } else {
            return nil
        }
    }

    /// The whole file (read now when split).
    func wholeBytes() -> [UInt8]? { bytes ?? DirectoryListing.readFile(path) }
}

/// Byte comparison of two files, 1 MiB at a time.
enum FilePairComparison {
    /// True when the files at `a` and `b` both open and hold the same bytes.
    static func same(_ a: String, _ b: String) -> Bool {
        let fa = open(a, O_RDONLY | O_CLOEXEC)
        guard fa >= 0 else { return false }
        defer { close(fa) }
        let fb = open(b, O_RDONLY | O_CLOEXEC)
        guard fb >= 0 else { return false }
        defer { close(fb) }
        var sa = stat(), sb = stat()
        guard fstat(fa, &sa) == 0, fstat(fb, &sb) == 0, sa.st_size == sb.st_size else { return false }
        let chunk = 1 << 20
        let x = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        let y = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { x.deallocate(); y.deallocate() }
        while true {
            let n = fill(fa, x)
            guard n >= 0, fill(fb, y) == n else { return false }
            if n == 0 { return true }
            guard let p = x.baseAddress, let q = y.baseAddress, memcmp(p, q, n) == 0 else { return false }
        }
    }

    /// Reads until `buffer` is full or the file ends; -1 on a read error.
    private static func fill(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        var got = 0
        while got < buffer.count {
            guard let base = buffer.baseAddress else { return -1 }
            let n = read(fd, base + got, buffer.count - got)
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            got += n
        }
        return got
    }
}

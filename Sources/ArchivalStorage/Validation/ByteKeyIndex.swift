/// An open-addressing hash index from byte strings to small integer ids. The keys live elsewhere (a
/// `JSONTape`, a `PathList`); the owner compares them through a closure, so 20,000 paths cost 8 bytes each
/// here instead of a String and a dictionary entry.
struct ByteKeyIndex: Sendable {
    /// `(hash << 32) | (id + 1)`; 0 is an empty slot.
    private var slots: [UInt64]
    private(set) var count = 0

    /// An index sized for about `expected` keys (it grows when needed).
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
    }

    /// A per-process random seed, so that a crafted inventory cannot aim for collisions.
    private static let seed = UInt64.random(in: 1...UInt64.max)

    /// A fast 64-bit mixing hash of `key`, 8 bytes at a time; with `foldingCase` ASCII letters hash alike in
    /// either case (hex digests compare without case; other bytes may only collide, equality stays exact).
    @inline(__always) static func hash(_ key: UnsafeBufferPointer<UInt8>, foldingCase: Bool = false) -> UInt32 {
        let fold: UInt64 = foldingCase ? 0x2020_2020_2020_2020 : 0
        var h = seed ^ (UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15)
        guard let base = key.baseAddress else { return UInt32(truncatingIfNeeded: h >> 32) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= key.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | fold
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < key.count {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < key.count {
                w |= UInt64(base[i] | UInt8(truncatingIfNeeded: fold)) << shift
                shift += 8
                i += 1
            }
            h = (h ^ w) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return UInt32(truncatingIfNeeded: h)
    }

    /// The first id whose key `matches`, among those stored with `hash`.
    func find(hash: UInt32, _ matches: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        var i = Int(hash) & mask
        while true {
            let s = slots[i]
            if s == 0 { return nil }
            if UInt32(truncatingIfNeeded: s >> 32) == hash, matches(Int(UInt32(truncatingIfNeeded: s)) - 1) {
                return Int(UInt32(truncatingIfNeeded: s)) - 1
            }
            i = (i + 1) & mask
        }
    }

    /// Stores `id` unless a key that `matches` is already there; returns that earlier id, or `nil` when inserted.
    @discardableResult
    mutating func insert(_ id: Int, hash: UInt32, replacing: Bool = false, _ matches: (Int) -> Bool) -> Int? {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let mask = slots.count - 1
        var i = Int(hash) & mask
        while true {
            let s = slots[i]
            if s == 0 {
                slots[i] = UInt64(hash) << 32 | UInt64(id + 1)
                count += 1
                return nil
            }
            if UInt32(truncatingIfNeeded: s >> 32) == hash {
                let old = Int(UInt32(truncatingIfNeeded: s)) - 1
                if matches(old) {
                    if replacing { slots[i] = UInt64(hash) << 32 | UInt64(id + 1) }
                    return old
                }
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for s in old where s != 0 {
            var i = Int(UInt32(truncatingIfNeeded: s >> 32)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}

/// String nodes of one `JSONTape` indexed by their bytes: id `k` is `nodes[k]`.
struct TapeStringIndex: Sendable {
    let tape: JSONTape
    /// The indexed string nodes, by id.
    let nodes: [UInt32]
    private var index: ByteKeyIndex
    private let foldingCase: Bool
    /// Whether a repeated key maps to its last id.
    let lastWins: Bool
    /// The ids whose key repeats an earlier id's, in increasing order (found while indexing, so that finding
    /// repeated paths needs no second lookup of every key).
    private(set) var repeatedIDs: [Int] = []

    /// Indexes `nodes` of `tape`; with `lastWins` a repeated key maps to its last id, else to its first.
    init(_ tape: JSONTape, nodes: [UInt32], foldingCase: Bool = false, lastWins: Bool = false) {
        self.tape = tape
        self.nodes = nodes
        self.foldingCase = foldingCase
        self.lastWins = lastWins
        var index = ByteKeyIndex(expected: nodes.count)
        var repeated: [Int] = []
        for (id, node) in nodes.enumerated() {
            tape.withBytes(Int(node)) { key in
                let h = ByteKeyIndex.hash(key, foldingCase: foldingCase)
                let earlier = index.insert(id, hash: h, replacing: lastWins) { other in
                    tape.withBytes(Int(nodes[other])) { Self.same($0, key, foldingCase) }
                }
                if earlier != nil { repeated.append(id) }
            }
        }
        self.index = index
        self.repeatedIDs = repeated
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, _ folding: Bool) -> Bool {
        folding ? JSONTape.asciiCaseInsensitiveEqual(a, b) : Bytes.equal(a, b)
    }

    /// Number of distinct keys.
    var count: Int { index.count }

    /// The id stored for `key`.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = ByteKeyIndex.hash(key, foldingCase: foldingCase)
        return index.find(hash: h) { id in tape.withBytes(Int(nodes[id])) { Self.same($0, key, foldingCase) } }
    }

    /// The id stored for string node `j` of `other`.
    func find(node j: Int, of other: JSONTape) -> Int? { other.withBytes(j) { find($0) } }

    /// The id stored for `text`.
    func find(_ text: String) -> Int? {
        var t = text
        return t.withUTF8 { find($0) }
    }
}

/// Relative paths in one byte buffer (the content files found on disk), with an index by bytes.
struct PathList: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [UInt32] = []
    private var index = ByteKeyIndex(expected: 64)

    var count: Int { ends.count }

    /// Appends `path` (the index keeps its first occurrence).
    mutating func append(_ path: String) {
        var p = path
        p.withUTF8 { append($0) }
    }

    /// Appends the bytes of a path.
    mutating func append(_ path: UnsafeBufferPointer<UInt8>) {
        let id = ends.count
        bytes.append(contentsOf: path)
        ends.append(UInt32(bytes.count))
        let h = ByteKeyIndex.hash(path)
        // Only the index changes while it compares keys, so the buffers are read through local references.
        let b = bytes, e = ends
        index.insert(id, hash: h) { other in Self.slice(b, e, other) { Bytes.equal($0, path) } }
    }

    private static func slice<R>(_ bytes: [UInt8], _ ends: [UInt32], _ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = i == 0 ? 0 : Int(ends[i - 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<Int(ends[i])])) }
    }

    /// Calls `body` with the bytes of path `i`.
    func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { Self.slice(bytes, ends, i, body) }

    /// Path `i` as a String.
    func string(_ i: Int) -> String { withBytes(i) { String(decoding: $0, as: UTF8.self) } }

    /// True when a path with the bytes `key` is in the list.
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        index.find(hash: ByteKeyIndex.hash(key)) { other in withBytes(other) { Bytes.equal($0, key) } } != nil
    }
}

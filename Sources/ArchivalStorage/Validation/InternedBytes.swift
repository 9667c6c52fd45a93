/// Byte strings stored once each in one arena, with ids in first-seen order and an index by bytes: the logical
/// paths of many versions of an object, which mostly repeat from one version to the next, cost their bytes once.
struct InternedBytes: Sendable {
    private(set) var arena: [UInt8] = []
    private var ends: [UInt32] = []
    private var index: ByteKeyIndex
    /// Whether keys compare ignoring ASCII case (hex digests); such keys are stored lower-cased.
    let foldingCase: Bool

    init(expected: Int, foldingCase: Bool = false) {
        index = ByteKeyIndex(expected: expected)
        self.foldingCase = foldingCase
    }

    /// Number of distinct keys.
    var count: Int { ends.count }

    /// The id of `key`, storing it when new.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let h = ByteKeyIndex.hash(key, foldingCase: foldingCase)
        if let id = find(key, hash: h) { return id }
        let id = ends.count
        if foldingCase {
            for b in key { arena.append(JSONTape.lower(b)) }
        } else {
            arena.append(contentsOf: key)
        }
        ends.append(UInt32(arena.count))
        index.insert(id, hash: h) { _ in false }
        return id
    }

    /// The id of `key`, when stored.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        find(key, hash: ByteKeyIndex.hash(key, foldingCase: foldingCase))
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        index.find(hash: hash) { id in
            withBytes(id) { foldingCase ? JSONTape.asciiCaseInsensitiveEqual($0, key) : Bytes.equal($0, key) }
        }
    }

    /// Calls `body` with the bytes of key `id`.
    func withBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = id == 0 ? 0 : Int(ends[id - 1])
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<Int(ends[id])])) }
    }

    /// Key `id` as a String.
    func string(_ id: Int) -> String { withBytes(id) { String(decoding: $0, as: UTF8.self) } }
}

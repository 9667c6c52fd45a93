#if canImport(Glibc)
import Glibc
#endif

/// A set of paths compared by their exact bytes, each numbered in the order it was added: all the bytes in one
/// array, an open-addressed table of numbers beside them. For the 20,000 paths of an inventory it costs no object
/// per path and no reference counting per lookup (a `Dictionary<ExactPath, Int>` spent more time retaining and
/// releasing its keys than hashing them). NFC and NFD spellings are different paths.
struct PathTable {
    /// Every path's bytes, one after another.
    private(set) var bytes: [UInt8] = []
    /// Where path `n` starts in `bytes`; path `n` ends where `n + 1` starts.
    private var starts: [Int] = [0]
    /// Path number + 1 per slot, 0 for an empty slot; the length is a power of two at least twice the count.
    private var slots: [Int32]
    private var hashes: [UInt32] = []

    var count: Int { starts.count - 1 }

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        starts.reserveCapacity(capacity + 1)
        hashes.reserveCapacity(capacity)
    }

    /// The bytes of path `number`.
    func path(_ number: Int) -> ArraySlice<UInt8> { bytes[starts[number]..<starts[number + 1]] }

    /// Path `number` as text (for messages; invalid UTF-8 is replaced).
    func string(_ number: Int) -> String { String(decoding: path(number), as: UTF8.self) }

    /// Eight bytes at a time, multiply and shift: enough to spread paths (which share long prefixes), and several
    /// times cheaper than a byte-at-a-time hash on 100-byte paths.
    private static func hash(_ path: UnsafeRawBufferPointer) -> UInt32 {
        var value: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(path.count)
        var offset = 0
        while offset + 8 <= path.count {
            value = (value ^ path.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            value ^= value >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < path.count {
            tail |= UInt64(path[offset]) << shift
            shift += 8
            offset += 1
        }
        value = (value ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 29
        return UInt32(truncatingIfNeeded: value)
    }

    /// The number of `path`, nil when it was never added.
    func number(of path: UnsafeRawBufferPointer) -> Int? {
        let hash = Self.hash(path)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return bytes.withUnsafeBytes { all in
            while true {
                let stored = Int(slots[slot])
                if stored == 0 { return nil }
                let number = stored - 1
                if hashes[number] == hash, starts[number + 1] - starts[number] == path.count,
                   Self.equal(all, from: starts[number], path) {
                    return number
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func equal(_ all: UnsafeRawBufferPointer, from start: Int, _ path: UnsafeRawBufferPointer) -> Bool {
        guard !path.isEmpty else { return true }
        guard let stored = all.baseAddress, let wanted = path.baseAddress else { return false }
        return memcmp(stored + start, wanted, path.count) == 0
    }

    func number(of path: [UInt8]) -> Int? { path.withUnsafeBytes { number(of: $0) } }

    func number(of path: String) -> Int? {
        var path = path
        return path.withUTF8 { number(of: UnsafeRawBufferPointer($0)) }
    }

    /// Adds `path` and returns its number; a path already there keeps its number (`added` false).
    @discardableResult
    mutating func add(_ path: UnsafeRawBufferPointer) -> (number: Int, added: Bool) {
        if let known = number(of: path) { return (known, false) }
        if (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(path)
        let number = count
        bytes.append(contentsOf: path)
        starts.append(bytes.count)
        hashes.append(hash)
        insert(number, hash: hash)
        return (number, true)
    }

    @discardableResult
    mutating func add(_ path: String) -> (number: Int, added: Bool) {
        var path = path
        return path.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    private mutating func insert(_ number: Int, hash: UInt32) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(number + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for number in 0..<count { insert(number, hash: hashes[number]) }
    }
}

/// Writes pretty JSON (two-space indent) straight into a byte buffer; keys are written in the order given,
/// so callers sort them (by bytes) for stable output.
struct JSONByteWriter {
    private var out: [UInt8] = []
    /// Per open container: has it had a member yet?
    private var open: [Bool] = []
    private var afterKey = false

    /// A writer whose buffer starts at `capacity` bytes, so a large inventory is not reallocated while written.
    init(capacity: Int = 1 << 16) {
        out.reserveCapacity(capacity)
    }

    /// A writer for one value that sits after a key `depth` containers deep, indented exactly as a whole-document
    /// writer would indent it there, so the bytes can later be spliced in with `raw(_:)`.
    init(valueAtDepth depth: Int, capacity: Int) {
        out.reserveCapacity(capacity)
        open = Array(repeating: true, count: depth)
        afterKey = true
    }

    /// A value already encoded (by a `valueAtDepth` writer at this depth), copied through unchanged.
    mutating func raw(_ bytes: [UInt8]) {
        beforeValue()
        out.append(contentsOf: bytes)
    }

    /// The bytes written so far, without a final newline (for a `valueAtDepth` writer).
    func fragment() -> [UInt8] {
        out.withUnsafeBufferPointer { Array($0) }  // a copy of exactly this size, not the reserved capacity
    }

    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard !open.isEmpty else { return }
        if open[open.count - 1] { out.append(UInt8(ascii: ",")) }
        open[open.count - 1] = true
        newline()
    }

    private mutating func newline() {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: open.count * 2))
    }

    mutating func beginObject() {
        beforeValue()
        out.append(UInt8(ascii: "{"))
        open.append(false)
    }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() {
        beforeValue()
        out.append(UInt8(ascii: "["))
        open.append(false)
    }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ byte: UInt8) {
        let hadMembers = open.removeLast()
        if hadMembers { newline() }
        out.append(byte)
    }

    mutating func key(_ name: String) {
        beforeValue()
        StableJSON.writeString(name, into: &out)
        out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
        afterKey = true
    }

    mutating func string(_ text: String) {
        beforeValue()
        StableJSON.writeString(text, into: &out)
    }

    /// An object of sorted keys, each with its sorted array of strings.
    mutating func pathMap(_ map: [String: [String]]) {
        beginObject()
        for key in map.keys.sorted(by: StableJSON.byteOrder) {
            self.key(key)
            beginArray()
            for value in (map[key] ?? []).sorted(by: StableJSON.byteOrder) { string(value) }
            endArray()
        }
        endObject()
    }

    /// `pathMap(_:)`, handing the bytes to `output` whenever more than `drainSize` are buffered.
    mutating func pathMap(_ map: [String: [String]], draining output: InventoryOutput) throws(OCFLStorageError) {
        beginObject()
        for key in map.keys.sorted(by: StableJSON.byteOrder) {
            self.key(key)
            beginArray()
            if let values = map[key] {
                if values.count == 1 { string(values[0]) } else { for value in values.sorted(by: StableJSON.byteOrder) { string(value) } }
            }
            endArray()
            if out.count > Self.drainSize { try drain(into: output) }
        }
        endObject()
    }

    /// Buffered bytes above which `pathMap(_:draining:)` writes them out.
    static let drainSize = 1 << 20

    /// Hands the buffered bytes to `output` and empties the buffer (keeping its capacity).
    mutating func drain(into output: InventoryOutput) throws(OCFLStorageError) {
        var failure: OCFLStorageError?
        out.withUnsafeBytes { bytes in
            do throws(OCFLStorageError) { try output.emit(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
        out.removeAll(keepingCapacity: true)
    }

    /// The document with a final newline.
    @discardableResult
    mutating func finish() -> [UInt8] {
        out.append(0x0A)
        return out
    }
}

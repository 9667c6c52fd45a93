/// A path as a dictionary key compared by its UTF-8 bytes: NFC and NFD spellings are different keys
/// (unlike `String`), and hashing feeds the bytes in one call rather than one byte at a time.
struct PathKey: Hashable, Sendable {
    /// The path exactly as written.
    let string: String

    init(_ string: String) {
        var s = string
        s.makeContiguousUTF8()
        self.string = s
    }

    static func == (a: PathKey, b: PathKey) -> Bool {
        var x = a.string, y = b.string
        guard x.utf8.count == y.utf8.count else { return false }
        return x.withUTF8 { px in y.withUTF8 { py in px.elementsEqual(py) } }
    }

    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

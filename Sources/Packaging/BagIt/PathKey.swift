/// Exact path bytes as a dictionary key, hashed in one call instead of byte by byte.
struct PathKey: Hashable {
    /// The path bytes.
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

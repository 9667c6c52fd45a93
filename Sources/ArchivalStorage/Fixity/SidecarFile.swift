import KhoCore

/// An inventory sidecar (`inventory.json.sha512`): one line, the inventory's hex digest, a space or tab, `inventory.json`.
enum SidecarFile {
    /// What a sidecar file holds.
    enum State: Equatable {
        case missing
        case malformed
        /// The digest, lower-cased.
        case digest(String)

        var digest: String? {
            if case .digest(let value) = self { return value }
            return nil
        }
    }

    /// Reads and parses the sidecar at `path` for `algorithm`.
    static func read(_ path: String, algorithm: DigestAlgorithm) -> State {
        guard FileSystem.exists(path) else { return .missing }
        guard let bytes = try? FileSystem.readFile(path), bytes.count < 4096 else { return .malformed }
        return parse(bytes, algorithm: algorithm)
    }

    /// Parses sidecar bytes: exactly two fields, a digest of the right length in hex and the name `inventory.json`.
    static func parse(_ bytes: [UInt8], algorithm: DigestAlgorithm) -> State {
        let fields = bytes.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard fields.count == 2, Array(fields[1]) == Array("inventory.json".utf8), fields[0].count == algorithm.hexLength,
              fields[0].allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) })
        else { return .malformed }
        return .digest(String(decoding: fields[0], as: UTF8.self).lowercased())
    }

    /// The bytes Kho writes for a sidecar.
    static func bytes(digest: String) -> [UInt8] {
        Array("\(digest) inventory.json\n".utf8)
    }
}

import KhoCore

/// Extension 0004 (Kho's default): digest of the identifier split into n tuples, then the full (or remaining) digest.
public struct HashedNTupleLayout: StorageLayout {
    /// `0004-hashed-n-tuple-storage-layout`.
    public static let name = "0004-hashed-n-tuple-storage-layout"
    /// The registered extension name.
    public var extensionName: String { Self.name }
    /// Algorithm applied to the UTF-8 identifier.
    public let digestAlgorithm: DigestAlgorithm
    /// Characters per tuple.
    public let tupleSize: Int
    /// Number of tuple folders.
    public let numberOfTuples: Int
    /// When true the last folder holds only the digest's unused remainder.
    public let shortObjectRoot: Bool

    /// Checks the parameter constraints of the extension.
    public init(digestAlgorithm: DigestAlgorithm = .sha256, tupleSize: Int = 3, numberOfTuples: Int = 3, shortObjectRoot: Bool = false) throws(OCFLStorageError) {
        let hexLength = digestAlgorithm.hexLength
        guard (0...32).contains(tupleSize), (0...32).contains(numberOfTuples), (tupleSize == 0) == (numberOfTuples == 0),
              tupleSize * numberOfTuples <= hexLength,
              !(shortObjectRoot && tupleSize * numberOfTuples == hexLength) else {
            throw StorageLayouts.unsupported("tupleSize \(tupleSize) × numberOfTuples \(numberOfTuples)", Self.name)
        }
        self.digestAlgorithm = digestAlgorithm
        self.tupleSize = tupleSize
        self.numberOfTuples = numberOfTuples
        self.shortObjectRoot = shortObjectRoot
    }

    /// The configuration as written in `extensions/0004-…/config.json`.
    public var configJSON: [UInt8]? {
        // Numbers and booleans are written as JSON literals, so this one is built by hand.
        let text = """
            {
              "digestAlgorithm": "\(digestAlgorithm.rawValue)",
              "extensionName": "\(Self.name)",
              "numberOfTuples": \(numberOfTuples),
              "shortObjectRoot": \(shortObjectRoot),
              "tupleSize": \(tupleSize)
            }

            """
        return Array(text.utf8)
    }

    /// `abc/def/ghi/abcdefghi…` for the default parameters.
    public func objectPath(for id: String) throws(OCFLStorageError) -> RelativePath {
        let digester = MultiDigester([digestAlgorithm])
        Array(id.utf8).withUnsafeBytes { digester.update($0) }
        let digest = Array((digester.finalize()[digestAlgorithm] ?? "").utf8)
        var segments: [String] = []
        for index in 0..<numberOfTuples {
            let start = index * tupleSize
            segments.append(String(decoding: digest[start..<start + tupleSize], as: UTF8.self))
        }
        let used = tupleSize * numberOfTuples
        segments.append(String(decoding: shortObjectRoot ? digest[used...] : digest[...], as: UTF8.self))
        return try checked(segments.joined(separator: "/"), id: id)
    }
}

import KhoCore

/// Extension 0007: prefix omitted, padded (and optionally reversed) id split into tuples, then the id.
public struct NTupleOmitPrefixLayout: StorageLayout {
    /// `0007-n-tuple-omit-prefix-storage-layout`.
    public static let name = "0007-n-tuple-omit-prefix-storage-layout"
    /// The registered extension name.
    public var extensionName: String { Self.name }
    /// Marks the end of the prefix (right-most, case-insensitive).
    public let delimiter: String
    /// Characters per tuple (1…32).
    public let tupleSize: Int
    /// Number of tuple folders (1…32).
    public let numberOfTuples: Int
    /// `left` or `right` zero padding.
    public let zeroPadding: String
    /// Reverse the padded id before cutting tuples.
    public let reverseObjectRoot: Bool

    /// Checks the parameter constraints of the extension.
    public init(delimiter: String = ":", tupleSize: Int = 3, numberOfTuples: Int = 3, zeroPadding: String = "left", reverseObjectRoot: Bool = false) throws(OCFLStorageError) {
        guard !delimiter.isEmpty, (1...32).contains(tupleSize), (1...32).contains(numberOfTuples),
              zeroPadding == "left" || zeroPadding == "right" else {
            throw StorageLayouts.unsupported("delimiter/tupleSize/numberOfTuples/zeroPadding", Self.name)
        }
        self.delimiter = delimiter
        self.tupleSize = tupleSize
        self.numberOfTuples = numberOfTuples
        self.zeroPadding = zeroPadding
        self.reverseObjectRoot = reverseObjectRoot
    }

    /// The configuration as written in `extensions/0007-…/config.json`.
    public var configJSON: [UInt8]? {
        let text = """
            {
              "delimiter": "\(delimiter)",
              "extensionName": "\(Self.name)",
              "numberOfTuples": \(numberOfTuples),
              "reverseObjectRoot": \(reverseObjectRoot),
              "tupleSize": \(tupleSize),
              "zeroPadding": "\(zeroPadding)"
            }

            """
        return Array(text.utf8)
    }

    /// `namespace:12887296` → `6927/8821/12887296` with tupleSize 4, numberOfTuples 2, reversed.
    public func objectPath(for id: String) throws(OCFLStorageError) -> RelativePath {
        let remainder = try OmitPrefix.remainder(of: id, delimiter: delimiter, layout: Self.name)
        var characters = Array(remainder)
        let width = tupleSize * numberOfTuples
        if characters.count < width {
            let padding = [Character](repeating: "0", count: width - characters.count)
            characters = zeroPadding == "left" ? padding + characters : characters + padding
        }
        if reverseObjectRoot { characters.reverse() }
        var segments: [String] = []
        for index in 0..<numberOfTuples {
            segments.append(String(characters[index * tupleSize..<(index + 1) * tupleSize]))
        }
        segments.append(remainder)
        return try checked(segments.joined(separator: "/"), id: id)
    }
}

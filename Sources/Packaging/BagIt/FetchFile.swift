import KhoCore

/// The fetch file `fetch.txt` (RFC 8493 §2.2.3): payload files to be downloaded. Kho never downloads;
/// a listed file that is absent makes the bag incomplete.
public struct FetchFile: Sendable {
    /// One `url length filepath` line.
    public struct Entry: Sendable {
        /// The absolute URL, as written.
        public var url: String
        /// The length in octets, nil for `-`.
        public var length: Int64?
        /// The payload path, percent-decoded, exact bytes.
        public var path: [UInt8]
        /// The line it came from.
        public var line: Int
    }

    /// Well-formed entries in file order.
    public var entries: [Entry]

    /// Parses `fetch.txt`; malformed lines are reported and skipped.
    public static func parse(_ bytes: [UInt8], declaration: BagDeclaration, findings: inout BagFindings) -> FetchFile {
        let file = "fetch.txt"
        let text = TagFileText(bytes)
        TagFileChecks.encoding(text, file: file, declaration: declaration, findings: &findings)
        var entries: [Entry] = []
        for line in text.lines where !line.bytes.isEmpty {
            let bytes = line.bytes
            guard let gap1 = bytes.firstIndex(where: \.isLinearWhitespace),
                  let lengthStart = bytes[gap1...].firstIndex(where: { !$0.isLinearWhitespace }),
                  let gap2 = bytes[lengthStart...].firstIndex(where: \.isLinearWhitespace),
                  let pathStart = bytes[gap2...].firstIndex(where: { !$0.isLinearWhitespace }) else {
                findings.add(.fetchLine, .error, path: file, line: line.number,
                             vi: "dòng không có dạng 'url độ-dài đường-dẫn'", en: "line is not 'url length filepath'")
                continue
            }
            let url = BagPath.display(bytes[bytes.startIndex..<gap1])
            if !isAbsoluteURI(url) {
                findings.add(.fetchURL, .error, path: file, line: line.number,
                             vi: "'\(url)' không phải URI tuyệt đối", en: "'\(url)' is not an absolute URI")
            }
            let lengthText = BagPath.display(bytes[lengthStart..<gap2])
            var length: Int64?
            if lengthText != "-" {
                length = lengthText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? Int64(lengthText) : nil
                if length == nil {
                    findings.add(.fetchLength, .error, path: file, line: line.number,
                                 vi: "độ dài '\(lengthText)' phải là số hoặc '-'", en: "length '\(lengthText)' must be digits or '-'")
                }
            }
            let path = BagPath.percentDecode(bytes[pathStart...])
            if let problem = BagPath.safetyProblem(path) {
                findings.add(.pathUnsafe, .error, path: file, line: line.number,
                             vi: "đường dẫn '\(BagPath.display(path))' không an toàn: \(problem.vi)",
                             en: "unsafe path '\(BagPath.display(path))': \(problem.en)")
                continue
            }
            if !BagPath.isPayload(path) {
                findings.add(.fetchTagFile, .error, path: file, line: line.number,
                             vi: "fetch.txt liệt kê '\(BagPath.display(path))' không thuộc data/",
                             en: "fetch.txt lists '\(BagPath.display(path))' outside data/ (a tag file)")
                continue
            }
            entries.append(Entry(url: url, length: length, path: path, line: line.number))
        }
        return FetchFile(entries: entries)
    }

    /// `scheme:rest` with an RFC 3986 scheme and no whitespace.
    static func isAbsoluteURI(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < bytes.count else { return false }
        guard let first = bytes.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A else { return false }
        let schemeOK = bytes[1..<colon].allSatisfy { byte in
            let lower = byte | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
        }
        return schemeOK && !bytes.contains(where: { $0 <= 0x20 })
    }
}

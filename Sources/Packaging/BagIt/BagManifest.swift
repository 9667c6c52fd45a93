public import KhoCore

/// A payload manifest `manifest-ALG.txt` or a tag manifest `tagmanifest-ALG.txt` (RFC 8493 §2.1.3, §2.2.1).
public struct BagManifest: Sendable {
    /// Payload manifest or tag manifest.
    public enum Kind: String, Sendable {
        /// `manifest-ALG.txt`
        case payload = "manifest"
        /// `tagmanifest-ALG.txt`
        case tag = "tagmanifest"
    }

    /// One `checksum filepath` line.
    public struct Entry: Sendable {
        /// The path relative to the bag, percent-decoded, exact bytes.
        public var path: [UInt8]
        /// The checksum, lower-cased.
        public var checksum: String
        /// The line it came from.
        public var line: Int
        /// The path as written, when percent-decoding changed it (for bags whose tool did not encode `%`).
        public var literalPath: [UInt8]?
    }

    /// Which kind of manifest.
    public var kind: Kind
    /// The algorithm from the file name.
    public var algorithm: DigestAlgorithm
    /// The file name, e.g. `manifest-sha256.txt`.
    public var fileName: String
    /// Entries in file order, malformed lines and duplicates left out.
    public var entries: [Entry]

    /// Parses the manifest bytes; lines that break a rule are reported and skipped.
    public static func parse(_ bytes: [UInt8], kind: Kind, algorithm: DigestAlgorithm, fileName: String,
                             declaration: BagDeclaration, findings: inout BagFindings) -> BagManifest {
        let text = TagFileText(bytes)
        TagFileChecks.encoding(text, file: fileName, declaration: declaration, findings: &findings)
        var entries: [Entry] = []
        entries.reserveCapacity(text.lines.count)
        var seen: Set<PathKey> = []
        seen.reserveCapacity(text.lines.count)
        for line in text.lines {
            if line.bytes.isEmpty {
                if line.number != text.lines.count {
                    findings.add(.manifestBlankLine, .warning, path: fileName, line: line.number,
                                 vi: "dòng trống trong bảng kê", en: "blank line in manifest")
                }
                continue
            }
            guard let entry = parseLine(line, kind: kind, algorithm: algorithm, fileName: fileName, findings: &findings) else { continue }
            if !seen.insert(PathKey(entry.path)).inserted {
                findings.add(.manifestDuplicateEntry, .error, path: fileName, line: line.number,
                             vi: "'\(BagPath.display(entry.path))' được liệt kê nhiều lần",
                             en: "'\(BagPath.display(entry.path))' is listed more than once")
                continue
            }
            entries.append(entry)
        }
        return BagManifest(kind: kind, algorithm: algorithm, fileName: fileName, entries: entries)
    }

    private static func parseLine(_ line: TagFileText.Line, kind: Kind, algorithm: DigestAlgorithm, fileName: String,
                                  findings: inout BagFindings) -> Entry? {
        let bytes = line.bytes
        guard let gap = bytes.firstIndex(where: \.isLinearWhitespace),
              let pathStart = bytes[gap...].firstIndex(where: { !$0.isLinearWhitespace }) else {
            findings.add(.manifestLine, .error, path: fileName, line: line.number,
                         vi: "dòng không có dạng 'checksum đường-dẫn'", en: "line is not 'checksum filepath'")
            return nil
        }
        let checksumBytes = bytes[bytes.startIndex..<gap]
        let isHex = checksumBytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
        if !isHex || checksumBytes.count != algorithm.hexLength {
            findings.add(.manifestChecksumFormat, .error, path: fileName, line: line.number,
                         vi: "giá trị băm không phải \(algorithm.hexLength) chữ số hex",
                         en: "checksum is not \(algorithm.hexLength) hex digits")
            return nil
        }
        var raw = Array(bytes[pathStart...])
        if kind == .payload, raw.first == UInt8(ascii: "*"), BagPath.isPayload(Array(raw.dropFirst())) {
            findings.add(.manifestMd5sumStar, .warning, path: fileName, line: line.number,
                         vi: "dấu '*' kiểu md5sum trước đường dẫn: túi sẽ không qua kiểm tra nghiêm ngặt",
                         en: "md5sum-style '*' before the path: the bag will fail strict validation")
            raw.removeFirst()
        }
        var path = BagPath.percentDecode(raw)
        var literalPath = path == raw ? nil : raw
        if path.starts(with: [UInt8(ascii: "."), UInt8(ascii: "/")]) {
            findings.add(.manifestDotSlash, .info, path: fileName, line: line.number,
                         vi: "đường dẫn bắt đầu bằng './'", en: "path starts with './'")
            path.removeFirst(2)
            literalPath = literalPath.map { Array($0.dropFirst(2)) }
        }
        if let problem = BagPath.safetyProblem(path) {
            findings.add(.pathUnsafe, .error, path: fileName, line: line.number,
                         vi: "đường dẫn '\(BagPath.display(path))' không an toàn: \(problem.vi)",
                         en: "unsafe path '\(BagPath.display(path))': \(problem.en)")
            return nil
        }
        switch kind {
        case .payload where !BagPath.isPayload(path):
            findings.add(.manifestOutsidePayload, .error, path: fileName, line: line.number,
                         vi: "bảng kê dữ liệu liệt kê '\(BagPath.display(path))' nằm ngoài data/",
                         en: "payload manifest lists '\(BagPath.display(path))' outside data/")
            return nil
        case .tag where BagPath.isPayload(path) || path.elementsEqual(Array("data".utf8)):
            findings.add(.tagManifestListsPayload, .error, path: fileName, line: line.number,
                         vi: "bảng kê thẻ liệt kê tệp dữ liệu '\(BagPath.display(path))'",
                         en: "tag manifest lists payload file '\(BagPath.display(path))'")
            return nil
        default:
            break
        }
        let checksum = String(decoding: checksumBytes.map { $0 >= 0x41 && $0 <= 0x46 ? $0 | 0x20 : $0 }, as: UTF8.self)
        return Entry(path: path, checksum: checksum, line: line.number, literalPath: literalPath)
    }

    /// `(kind, algorithm name)` when `name` is a manifest file name, whatever the algorithm.
    public static func classify(_ name: String) -> (kind: Kind, algorithmName: String)? {
        guard name.hasSuffix(".txt") else { return nil }
        for kind in [Kind.tag, Kind.payload] {
            let prefix = kind.rawValue + "-"
            if name.hasPrefix(prefix) {
                let algorithm = String(name.dropFirst(prefix.count).dropLast(4))
                return algorithm.isEmpty ? nil : (kind, algorithm)
            }
        }
        return nil
    }

    /// Serializes entries (sorted by path bytes) as `checksum  path` lines with LF endings.
    public static func render(_ entries: [(path: [UInt8], checksum: String)]) -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries.sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) {
            out += Array(entry.checksum.utf8)
            out += [0x20, 0x20]
            out += BagPath.percentEncode(entry.path)
            out.append(0x0A)
        }
        return out
    }
}

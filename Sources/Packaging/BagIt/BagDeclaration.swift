import KhoCore

/// The bag declaration `bagit.txt` (RFC 8493 §2.1.1): version and tag file encoding.
public struct BagDeclaration: Sendable, Hashable {
    /// Major version (the `1` of `1.0`).
    public var major: Int
    /// Minor version.
    public var minor: Int
    /// The declared `Tag-File-Character-Encoding`.
    public var encoding: String

    /// The version as written, `M.N`.
    public var version: String { "\(major).\(minor)" }
    /// True for versions before 1.0, whose relaxed rules Kho still accepts (0.93–0.97).
    public var isLegacy: Bool { major < 1 }
    /// True when the encoding is UTF-8 (any spelling).
    public var isUTF8: Bool {
        let folded = encoding.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        return folded == "utf8"
    }

    /// The declaration Kho writes and assumes when `bagit.txt` is unreadable.
    public static let current = BagDeclaration(major: 1, minor: 0, encoding: "UTF-8")

    /// Creates a declaration.
    public init(major: Int, minor: Int, encoding: String) {
        self.major = major
        self.minor = minor
        self.encoding = encoding
    }

    /// The exact bytes of a 1.0 `bagit.txt`.
    public var fileBytes: [UInt8] {
        Array("BagIt-Version: \(version)\nTag-File-Character-Encoding: \(encoding)\n".utf8)
    }

    /// Versions published by the Library of Congress drafts and RFC 8493.
    static let knownVersions: Set<String> = ["0.93", "0.94", "0.95", "0.96", "0.97", "1.0"]

    /// Parses `bytes` of `bagit.txt`, recording findings; returns nil when no version can be read.
    public static func parse(_ bytes: [UInt8], findings: inout BagFindings) -> BagDeclaration? {
        let file = "bagit.txt"
        let text = TagFileText(bytes)
        if text.hadBOM {
            findings.add(.declarationBOM, .error, path: file, line: 1,
                         vi: "bagit.txt không được bắt đầu bằng BOM", en: "bagit.txt must not begin with a byte order mark")
        }
        if !text.isValidUTF8 {
            findings.add(.encodingInvalid, .error, path: file,
                         vi: "bagit.txt phải mã hoá UTF-8", en: "bagit.txt must be encoded in UTF-8")
        }
        var lines = text.lines
        while let last = lines.last, last.bytes.isEmpty { lines.removeLast() }
        guard lines.count >= 2 else {
            findings.add(.declarationFormat, .error, path: file,
                         vi: "bagit.txt phải có đúng hai dòng", en: "bagit.txt must have exactly two lines")
            return nil
        }
        guard let versionField = field(lines[0]), versionField.label.lowercased() == "bagit-version" else {
            findings.add(.declarationFormat, .error, path: file, line: 1,
                         vi: "dòng 1 phải là 'BagIt-Version: M.N'", en: "line 1 must be 'BagIt-Version: M.N'")
            return nil
        }
        let parts = versionField.value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            findings.add(.declarationVersion, .error, path: file, line: 1,
                         vi: "phiên bản '\(versionField.value)' không có dạng M.N",
                         en: "version '\(versionField.value)' is not of the form M.N")
            return nil
        }
        var declaration = BagDeclaration(major: major, minor: minor, encoding: "UTF-8")
        if !knownVersions.contains(declaration.version) {
            findings.add(.declarationVersion, .warning, path: file, line: 1,
                         vi: "phiên bản BagIt \(declaration.version) không được Kho biết đến",
                         en: "BagIt version \(declaration.version) is not one Kho knows")
        }
        let strictness: Severity = declaration.isLegacy ? .warning : .error
        if lines.count > 2 {
            findings.add(.declarationFormat, strictness, path: file, line: 3,
                         vi: "bagit.txt có nhiều hơn hai dòng", en: "bagit.txt has more than two lines")
        }
        guard let encodingField = field(lines[1]), encodingField.label.lowercased() == "tag-file-character-encoding" else {
            findings.add(.declarationFormat, .error, path: file, line: 2,
                         vi: "dòng 2 phải là 'Tag-File-Character-Encoding: ENCODING'",
                         en: "line 2 must be 'Tag-File-Character-Encoding: ENCODING'")
            return declaration
        }
        declaration.encoding = encodingField.value
        for (field, line) in [(versionField, 1), (encodingField, 2)] where !field.exact {
            findings.add(.declarationWhitespace, strictness, path: file, line: line,
                         vi: "khoảng trắng thừa quanh dấu ':' hoặc giá trị của '\(field.label)'",
                         en: "extra whitespace around the colon or value of '\(field.label)'")
        }
        if !declaration.isUTF8 {
            findings.add(.declarationEncoding, .warning, path: file, line: 2,
                         vi: "bảng mã '\(declaration.encoding)' không phải UTF-8; Kho đọc tên tệp như chuỗi byte",
                         en: "encoding '\(declaration.encoding)' is not UTF-8; Kho reads file names as bytes")
        }
        return declaration
    }

    /// `label: value` with `exact` true when written exactly as the ABNF says (one space, no padding).
    private static func field(_ line: TagFileText.Line) -> (label: String, value: String, exact: Bool)? {
        guard let colon = line.bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let rawLabel = line.bytes[line.bytes.startIndex..<colon]
        let rawValue = line.bytes[(colon + 1)...]
        let label = rawLabel.trimmingLinearWhitespace()
        let value = rawValue.trimmingLinearWhitespace()
        let exact = label.count == rawLabel.count && rawValue.count == value.count + 1 && rawValue.first == 0x20
        return (BagPath.display(label), BagPath.display(value), exact)
    }
}

import KhoCore

/// The bag metadata `bag-info.txt` (RFC 8493 §2.2.2): ordered, repeatable `label: value` elements.
public struct BagInfo: Sendable, Hashable {
    /// One metadata element.
    public struct Element: Sendable, Hashable, Codable {
        /// The label, e.g. `Source-Organization`.
        public var label: String
        /// The value; continuation lines are joined with a line feed.
        public var value: String
        /// The line where the element starts (0 for elements built in code).
        public var line: Int

        /// Creates an element.
        public init(label: String, value: String, line: Int = 0) {
            self.label = label
            self.value = value
            self.line = line
        }
    }

    /// Elements in file order (order MUST be preserved).
    public var elements: [Element]

    /// Creates metadata from elements.
    public init(elements: [Element]) {
        self.elements = elements
    }

    /// Every value of a label, compared case-insensitively as the RFC asks for reserved labels.
    public func values(_ label: String) -> [String] {
        let key = label.lowercased()
        return elements.filter { $0.label.lowercased() == key }.map(\.value)
    }

    /// `Payload-Oxum` as (octets, streams), when present once and well formed.
    public var payloadOxum: (octets: Int64, streams: Int64)? {
        let values = values("Payload-Oxum")
        guard values.count == 1 else { return nil }
        return Self.parseOxum(values[0])
    }

    /// Parses `OctetCount.StreamCount`.
    static func parseOxum(_ value: String) -> (octets: Int64, streams: Int64)? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              let octets = Int64(parts[0]), let streams = Int64(parts[1]) else { return nil }
        return (octets, streams)
    }

    /// The text of a `bag-info.txt` with LF endings; values with line feeds become continuation lines.
    public var fileBytes: [UInt8] {
        var text = ""
        for element in elements {
            let value = element.value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
            text += "\(element.label): \(value)\n"
        }
        return Array(text.utf8)
    }

    /// Reserved elements that SHOULD NOT be repeated (§2.2.2).
    static let notRepeated = ["bagging-date", "bag-size", "bag-group-identifier", "bag-count"]

    /// Parses `bag-info.txt`, recording findings for malformed lines and reserved elements.
    public static func parse(_ bytes: [UInt8], declaration: BagDeclaration, findings: inout BagFindings) -> BagInfo {
        let file = "bag-info.txt"
        let text = TagFileText(bytes)
        TagFileChecks.encoding(text, file: file, declaration: declaration, findings: &findings)
        let strictness: Severity = declaration.isLegacy ? .warning : .error
        var elements: [Element] = []
        for line in text.lines {
            if line.bytes.isEmpty { continue }
            if let first = line.bytes.first, first.isLinearWhitespace {
                guard !elements.isEmpty else {
                    findings.add(.infoLine, .error, path: file, line: line.number,
                                 vi: "dòng tiếp nối không có nhãn phía trước", en: "continuation line without a preceding label")
                    continue
                }
                elements[elements.count - 1].value += "\n" + BagPath.display(line.bytes.trimmingLinearWhitespace())
                continue
            }
            guard let colon = line.bytes.firstIndex(of: UInt8(ascii: ":")) else {
                findings.add(.infoLine, strictness, path: file, line: line.number,
                             vi: "dòng không có dạng 'nhãn: giá trị'", en: "line is not 'label: value'")
                continue
            }
            let rawLabel = line.bytes[line.bytes.startIndex..<colon]
            let label = rawLabel.trimmingLinearWhitespace()
            if label.count != rawLabel.count {
                findings.add(.infoLabelWhitespace, strictness, path: file, line: line.number,
                             vi: "nhãn '\(BagPath.display(label))' có khoảng trắng ở đầu hoặc cuối",
                             en: "label '\(BagPath.display(label))' starts or ends with whitespace")
            }
            let value = line.bytes[(colon + 1)...].trimmingLinearWhitespace()
            elements.append(Element(label: BagPath.display(label), value: BagPath.display(value), line: line.number))
        }
        let info = BagInfo(elements: elements)
        checkReserved(info, file: file, findings: &findings)
        return info
    }

    private static func checkReserved(_ info: BagInfo, file: String, findings: inout BagFindings) {
        let oxums = info.elements.filter { $0.label.lowercased() == "payload-oxum" }
        if oxums.count > 1 {
            findings.add(.infoOxumRepeated, .error, path: file, line: oxums[1].line,
                         vi: "Payload-Oxum xuất hiện nhiều lần", en: "Payload-Oxum appears more than once")
        }
        for oxum in oxums where parseOxum(oxum.value) == nil {
            findings.add(.infoOxumFormat, .error, path: file, line: oxum.line,
                         vi: "Payload-Oxum '\(oxum.value)' không có dạng SốByte.SốTệp",
                         en: "Payload-Oxum '\(oxum.value)' is not OctetCount.StreamCount")
        }
        for label in notRepeated {
            let found = info.elements.filter { $0.label.lowercased() == label }
            if found.count > 1 {
                findings.add(.infoRepeated, .warning, path: file, line: found[1].line,
                             vi: "'\(found[1].label)' không nên lặp lại", en: "'\(found[1].label)' should not be repeated")
            }
        }
        for date in info.elements where date.label.lowercased() == "bagging-date" && !isISODate(date.value) {
            findings.add(.infoDateFormat, .warning, path: file, line: date.line,
                         vi: "Bagging-Date '\(date.value)' không có dạng YYYY-MM-DD",
                         en: "Bagging-Date '\(date.value)' is not YYYY-MM-DD")
        }
        for count in info.elements where count.label.lowercased() == "bag-count" && !isBagCount(count.value) {
            findings.add(.infoBagCount, .warning, path: file, line: count.line,
                         vi: "Bag-Count '\(count.value)' không có dạng 'N of T'", en: "Bag-Count '\(count.value)' is not 'N of T'")
        }
    }

    static func isISODate(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { index, byte in index == 4 || index == 7 || (byte >= 0x30 && byte <= 0x39) }
    }

    static func isBagCount(_ value: String) -> Bool {
        let parts = value.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[1] == "of", Int(parts[0]) != nil else { return false }
        return parts[2] == "?" || Int(parts[2]) != nil
    }
}

import KhoCore

/// Which METS document of a package is being checked: some CSIP requirements apply to the package METS only.
public enum METSRole: Sendable, Hashable {
    /// The root `METS.xml`.
    case package
    /// A representation's `METS.xml`, with its folder (e.g. `representations/rep1`).
    case representation(folder: String)
}

/// Collects findings for one METS document, taking each requirement's level from the catalog.
struct FindingCollector {
    /// Package-relative path of the document being checked.
    var path: String
    var findings: [Finding] = []

    /// Reports requirement `id` at its catalog level (or `severity` if given), with a bilingual message.
    mutating func report(_ id: String, _ vi: String, _ en: String, at element: METSElement? = nil, path: String? = nil, severity: Severity? = nil) {
        let level = severity ?? RequirementCatalog.requirement(id)?.level.severity ?? .error
        let title = RequirementCatalog.requirement(id)?.title
        let english = title.map { "\(en) [\($0)]" } ?? en
        findings.append(Finding(code: id, severity: level, message: BilingualMessage(vi: vi, en: english),
                                path: path ?? self.path, location: element.map(Self.location)))
    }

    /// `xpath (line n)`.
    static func location(_ element: METSElement) -> String {
        element.line > 0 ? "\(element.xpath) (line \(element.line))" : element.xpath
    }

    /// Reports `id` when `element` lacks a non-empty attribute.
    mutating func require(_ id: String, _ attribute: String, namespace: String? = nil, prefix: String = "", on element: METSElement) {
        let value = element.attribute(attribute, namespace: namespace) ?? ""
        if value.trimmingSpaces.isEmpty {
            let qualified = prefix.isEmpty ? attribute : "\(prefix):\(attribute)"
            report(id, "Thiếu thuộc tính @\(qualified) trên <\(element.name)>",
                   "Missing attribute @\(qualified) on <\(element.name)>", at: element)
        }
    }

    /// Reports `id` when an attribute is present but not an xs:dateTime.
    mutating func requireDateTime(_ id: String, _ attribute: String, on element: METSElement, optional: Bool = false) {
        guard let value = element.attribute(attribute) else {
            if !optional { require(id, attribute, on: element) }
            return
        }
        if !XSDateTime.isValid(value) {
            report(id, "@\(attribute)=\"\(value)\" không phải ngày giờ xs:dateTime",
                   "@\(attribute)=\"\(value)\" is not an xs:dateTime", at: element)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// The lexical form of `xs:dateTime`: `YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?`.
enum XSDateTime {
    /// True when `value` is a lexically valid xs:dateTime.
    static func isValid(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var number = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 48 && byte <= 57 else { return nil }
                number = number * 10 + Int(byte - 48)
            }
            index += count
            return number
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits(4) != nil, expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
              let day = digits(2), expect(UInt8(ascii: "T")), let hour = digits(2), expect(UInt8(ascii: ":")),
              let minute = digits(2), expect(UInt8(ascii: ":")), let second = digits(2)
        else { return false }
        guard (1...12).contains(month), (1...31).contains(day), hour <= 24, minute <= 59, second <= 60 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            if index == start { return false }
        }
        if index == bytes.count { return true }
        if bytes[index] == UInt8(ascii: "Z") { return index + 1 == bytes.count }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return false }
        index += 1
        guard let zoneHour = digits(2), expect(UInt8(ascii: ":")), let zoneMinute = digits(2) else { return false }
        return index == bytes.count && zoneHour <= 14 && zoneMinute <= 59
    }
}

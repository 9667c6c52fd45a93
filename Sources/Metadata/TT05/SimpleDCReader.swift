import Foundation
import KhoCore

/// Reads a flat TT05 `<simpledc>` element tolerantly: any order, empty elements, unknown elements and
/// duplicates are collected and reported, never fatal.
struct SimpleDCReader {
    /// Trimmed texts of each element, in document order.
    private(set) var values: [String: [String]] = [:]
    /// Locations and structural findings.
    private(set) var source: TT05Source

    /// Reads `document` whose known fields are `fields`; findings use `prefix` (`TT05-DOS`, `TT05-DOC`).
    init(document: XMLDocument, fields: [TT05Field], prefix: String, recordName: (vi: String, en: String)) {
        let root = document.root
        source = TT05Source(name: document.sourceName, rootXPath: root.xpath, rootLine: root.line, elements: [:], readFindings: [])
        let known = Dictionary(uniqueKeysWithValues: fields.map { ($0.element, $0) })
        func note(_ code: String, _ severity: Severity, vi: String, en: String, at element: XMLElement) {
            source.readFindings.append(Finding(code: code, severity: severity, message: BilingualMessage(vi: vi, en: en),
                                               path: document.sourceName, location: XMLLocation.describe(xpath: element.xpath, line: element.line)))
        }
        if root.name != "simpledc" {
            note("\(prefix)-ROOT", .error,
                 vi: "Bản ghi \(recordName.vi) phải có phần tử gốc <simpledc>, tìm thấy <\(root.name)>",
                 en: "A \(recordName.en) record must have the root element <simpledc>, found <\(root.name)>", at: root)
        }
        if let uri = root.namespaceURI {
            note("\(prefix)-NAMESPACE", .warning,
                 vi: "<simpledc> theo TT05 không có không gian tên, tìm thấy '\(uri)'",
                 en: "TT05 <simpledc> has no namespace, found '\(uri)'", at: root)
        }
        for child in root.children {
            let name = child.name
            guard let field = known[name] else {
                note("\(prefix)-UNKNOWN-ELEMENT", .warning,
                     vi: "Phần tử <\(name)> không thuộc bản ghi \(recordName.vi) theo TT05; bị bỏ qua",
                     en: "Element <\(name)> is not part of the TT05 \(recordName.en) record; ignored", at: child)
                continue
            }
            if child.hasChildElements || child.hasAttributes {
                note("\(prefix)-STRUCTURE-\(field.ruleName)", .warning,
                     vi: "\(field.vietnameseLabel): trường phải là văn bản thuần, không có phần tử con hay thuộc tính",
                     en: "\(field.englishLabel): a field holds plain text, without child elements or attributes", at: child)
            }
            let text = child.text.trimmingTT05Whitespace
            if let previous = values[name], !field.repeatable {
                let same = previous.contains(text)
                note("\(prefix)-DUPLICATE-\(field.ruleName)", same ? .warning : .error,
                     vi: "\(field.vietnameseLabel) xuất hiện nhiều lần\(same ? "" : " với giá trị khác nhau ('\(previous[0])', '\(text)'); dùng giá trị đầu tiên")",
                     en: "\(field.englishLabel) appears more than once\(same ? "" : " with different values ('\(previous[0])', '\(text)'); the first is used")", at: child)
            }
            values[name, default: []].append(text)
            if source.elements[name] == nil {
                // The first element with this local name is first among its same-named siblings, so an element
                // in no namespace (every TT05 field) is at `<root>/name[1]`: no walk up the tree, no position cache.
                let xpath = child.namespaceURI == nil ? "\(source.rootXPath)/\(name)[1]" : child.xpath
                source.elements[name] = TT05Source.Location(xpath: xpath, line: child.line)
            }
        }
    }

    /// The first text of `element`, nil when absent.
    func string(_ element: String) -> String? { values[element]?.first }

    /// The first value of `element` as a typed field, nil when absent.
    func value<T>(_ element: String) -> TT05Value<T>? { string(element).map { TT05Value(text: $0) } }

    /// Every code of a repeatable code field: elements repeated and/or codes separated by spaces, commas or semicolons.
    func codes<T>(_ element: String) -> [TT05Value<T>] {
        (values[element] ?? []).flatMap { text in
            text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map { TT05Value(text: String($0)) }
        }
    }

    /// Every keyword: elements repeated and/or separated by semicolons.
    func keywords(_ element: String) -> [String] {
        (values[element] ?? []).flatMap { text in
            text.split(separator: ";").map { $0.trimmingTT05Whitespace }.filter { !$0.isEmpty }
        }
    }

    /// True when the element is present, even empty.
    func isPresent(_ element: String) -> Bool { values[element] != nil }
}

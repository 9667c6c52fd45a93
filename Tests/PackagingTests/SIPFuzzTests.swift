import Foundation
import KhoCore
import KhoTestSupport
@testable import Packaging
import Testing

/// Seeded random mutations of real METS documents: the validator must never crash, only report findings
/// (or throw a `KhoError` for a package it cannot open).
@Suite struct SIPFuzzTests {
    /// One random edit of a METS document's text.
    static func mutate(_ text: String, random: inout SeededGenerator) -> String {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return text }
        let junk = ["", "..", "../../etc/passwd", "/abs/path", "-1", "99999999999999999999", "SHA-999", "%zz",
                    "file:///etc/passwd", "http://example.org/x", "\u{0}", "Đ\u{301}", String(repeating: "A", count: 5000),
                    "<", "&amp;", "\"", "representations/rep1/METS.xml", "CSIP", "OTHER", "uuid-x"]
        switch random.int(0...8) {
        case 0: // delete a random span
            let start = random.int(0...(bytes.count - 1))
            let end = min(bytes.count, start + random.int(1...200))
            bytes.removeSubrange(start..<end)
        case 1: // truncate
            bytes = Array(bytes.prefix(random.int(0...bytes.count)))
        case 2: // flip random bytes
            for _ in 0..<random.int(1...10) {
                let index = random.int(0...(bytes.count - 1))
                bytes[index] = UInt8(truncatingIfNeeded: random.next())
            }
        case 3, 4: // replace an attribute value
            let text = String(decoding: bytes, as: UTF8.self)
            let values = text.ranges(of: /="[^"]*"/)
            guard !values.isEmpty else { break }
            let range = values[random.int(0...(values.count - 1))]
            let value = random.pick(junk).replacingOccurrences(of: "\"", with: "&quot;")
            return text.replacingCharacters(in: range, with: "=\"\(value)\"")
        case 5: // remove an attribute
            let text = String(decoding: bytes, as: UTF8.self)
            let attributes = text.ranges(of: /\s[A-Za-z:]+="[^"]*"/)
            guard !attributes.isEmpty else { break }
            return text.replacingCharacters(in: attributes[random.int(0...(attributes.count - 1))], with: "")
        case 6: // duplicate a line
            var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            let index = random.int(0...(lines.count - 1))
            lines.insert(lines[index], at: index)
            return lines.joined(separator: "\n")
        case 7: // delete a line
            var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            lines.remove(at: random.int(0...(lines.count - 1)))
            return lines.joined(separator: "\n")
        default: // hostile prologue
            let prologues = ["<!DOCTYPE m [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>", "<!DOCTYPE m SYSTEM \"http://example.org/x.dtd\">",
                             "<?xml-stylesheet href=\"x\"?>"]
            let text = String(decoding: bytes, as: UTF8.self)
            if let end = text.range(of: "?>") { return text.replacingCharacters(in: end, with: "?>" + random.pick(prologues)) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func mutatedMETSNeverCrashesTheValidator() throws {
        let dir = try TemporaryDirectory("kho-sip-fuzz")
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 4, documents: 3)
        let targets = ["METS.xml", "representations/rep1/METS.xml", "metadata/descriptive/EAD.xml"]
        var originals: [String: String] = [:]
        for target in targets { originals[target] = try String(contentsOfFile: package + "/" + target, encoding: .utf8) }
        var random = SeededGenerator(seed: 20_261_121)
        let validator = SIPValidator(options: SIPValidationOptions(schemaValidation: false))
        let deadline = Date().addingTimeInterval(15)
        var iterations = 0, invalid = 0
        let codes = Set(RequirementCatalog.checkedIDs)
        while Date() < deadline && iterations < 4000 {
            iterations += 1
            let target = random.pick(targets)
            var text = originals[target] ?? ""
            for _ in 0..<random.int(1...4) { text = Self.mutate(text, random: &random) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: package + "/" + target))
            do {
                let report = try validator.validate(path: package)
                if !report.isValid { invalid += 1 }
                for finding in report.findings {
                    #expect(!finding.message.vi.isEmpty && !finding.message.en.isEmpty)
                    #expect(codes.contains(finding.code) || finding.code.hasPrefix("KHO-") || finding.code.hasPrefix("TT05-"),
                            "unexpected code \(finding.code)")
                }
            } catch {
                #expect(!error.rule.isEmpty)
            }
            try Data((originals[target] ?? "").utf8).write(to: URL(fileURLWithPath: package + "/" + target))
        }
        #expect(iterations > 100)
        #expect(invalid > iterations / 2)
    }

    @Test func mutatedMETSTreesNeverCrashTheRules() throws {
        // Straight into the rules, bypassing the parser: every element dropped or every attribute blanked in turn.
        let dir = try TemporaryDirectory("kho-sip-fuzz")
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 9, documents: 2)
        let tree = try PackageTree(root: package)
        guard case .success(let mets) = XMLLoader.load(package + "/METS.xml", relativePath: "METS.xml") else {
            Issue.record("sample METS did not load")
            return
        }
        func paths(_ element: METSElement, _ prefix: [Int]) -> [[Int]] {
            [prefix] + element.children.enumerated().flatMap { paths($1, prefix + [$0]) }
        }
        func removing(_ element: METSElement, at path: [Int]) -> METSElement {
            guard let first = path.first else { return element }
            var copy = element
            if path.count == 1 { copy.children.remove(at: first) } else { copy.children[first] = removing(element.children[first], at: Array(path.dropFirst())) }
            return copy
        }
        func blanking(_ element: METSElement, at path: [Int]) -> METSElement {
            var copy = element
            if let first = path.first {
                copy.children[first] = blanking(element.children[first], at: Array(path.dropFirst()))
            } else {
                copy.attributes = copy.attributes.map { .init(name: $0.name, namespace: $0.namespace, value: "") }
            }
            return copy
        }
        var errors = 0
        for path in paths(mets, []).dropFirst() {
            let (removed, _) = METSRules(path: "METS.xml", role: .package, tree: tree).check(removing(mets, at: path))
            let (blanked, _) = METSRules(path: "METS.xml", role: .package, tree: tree).check(blanking(mets, at: path))
            errors += (removed + blanked).filter { $0.severity == .error }.count
        }
        #expect(errors > 20)
    }
}

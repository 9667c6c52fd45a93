import Foundation
import KhoTestSupport
import Testing

/// Every bag of the Library of Congress BagIt conformance suite, run through the real `kho` binary.
/// Bags are found by walking the corpus (versions × categories), nothing is listed by hand.
@Suite struct BagConformanceTests {
    /// One conformance bag: version folder, category folder, bag folder.
    struct ConformanceBag: Sendable, CustomTestStringConvertible {
        var version: String
        var category: String
        var name: String
        var path: String
        var testDescription: String { "\(version)/\(category)/\(name)" }
    }

    static let root = TestEnvironment.corpus("bagit-conformance")

    static func bags() -> [ConformanceBag] {
        let fm = FileManager.default
        var result: [ConformanceBag] = []
        func directories(_ url: URL) -> [String] {
            ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).filter { name in
                var isDirectory: ObjCBool = false
                return !name.hasPrefix(".") && fm.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                    && isDirectory.boolValue
            }.sorted()
        }
        for version in directories(root) where version.hasPrefix("v") {
            let versionURL = root.appendingPathComponent(version)
            for category in directories(versionURL) {
                for name in directories(versionURL.appendingPathComponent(category)) {
                    let path = versionURL.appendingPathComponent(category).appendingPathComponent(name).path
                    result.append(ConformanceBag(version: version, category: category, name: name, path: path))
                }
            }
        }
        return result
    }

    @Test(arguments: bags())
    func conformanceBag(_ bag: ConformanceBag) throws {
        let result = try runKho(["bag", "validate", bag.path])
        switch bag.category {
        case "valid":
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        case "invalid", "linux-only":
            #expect(result.status == 1, "\(result.stdout)")
            #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("BAGIT-") }, "\(result.stderr)")
            #expect(!result.stderr.isEmpty)
        case "warning":
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.isEmpty)
        case "windows-only":
            #if os(Windows)
            #expect(result.status == 1)
            #else
            // Names that only Windows forbids are legal here: the bag must at least be processed cleanly.
            #expect(result.status == 0 || result.status == 1)
            #endif
        default:
            Issue.record("unknown conformance category '\(bag.category)': decide how Kho should treat it")
        }
    }

    /// Prints the number of bags per version and category (for the report) and checks the walk found them.
    @Test func corpusCounts() throws {
        let bags = Self.bags()
        #expect(bags.count > 0, "no conformance bags under \(Self.root.path)")
        var counts: [String: Int] = [:]
        for bag in bags { counts["\(bag.version) \(bag.category)", default: 0] += 1 }
        for key in counts.keys.sorted() { print("bagit-conformance \(key): \(counts[key] ?? 0)") }
        #expect(Set(bags.map(\.category)).isSubset(of: ["valid", "invalid", "warning", "linux-only", "windows-only"]))
        #expect(bags.contains { $0.category == "valid" } && bags.contains { $0.category == "invalid" })
    }
}

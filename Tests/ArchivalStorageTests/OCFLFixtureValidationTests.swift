import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

/// Runs every object of the official OCFL fixtures (1.0 and 1.1, good/warn/bad) through the validator.
@Suite struct OCFLFixtureValidationTests {
    /// One fixture object: spec version, category, folder.
    struct Fixture: CustomTestStringConvertible, Sendable {
        var version: String
        var category: String
        var url: URL
        var name: String { url.lastPathComponent }
        var testDescription: String { "\(version)/\(category)/\(name)" }
        /// The E/W codes in the folder name, e.g. `E049_E050_E054_bad…` → E049, E050, E054.
        var expectedCodes: Set<String> {
            Set(name.split(separator: "_").map(String.init).filter { $0.count == 4 && ($0.hasPrefix("E") || $0.hasPrefix("W")) && $0.dropFirst().allSatisfy(\.isNumber) })
        }
    }

    static let root = TestEnvironment.corpus("ocfl-fixtures")

    /// Every folder under `<version>/<category>-objects`, enumerated from disk.
    static func fixtures(_ category: String) -> [Fixture] {
        var result: [Fixture] = []
        for version in ["1.0", "1.1"] {
            let dir = root.appendingPathComponent(version).appendingPathComponent("\(category)-objects")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() {
                var isDir: ObjCBool = false
                let url = dir.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
                    result.append(Fixture(version: version, category: category, url: url))
                }
            }
        }
        return result
    }

    static let validator = OCFLValidator(options: .init(checkDigests: true))

    @Test func corpusIsPresent() {
        #expect(Self.fixtures("good").count >= 20)
        #expect(Self.fixtures("warn").count >= 25)
        #expect(Self.fixtures("bad").count >= 100)
    }

    @Test(arguments: fixtures("good"))
    func goodObjectIsValidWithoutWarnings(_ fixture: Fixture) {
        let report = Self.validator.validate(objectAt: fixture.url)
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\.line))")
        #expect(report.specVersion?.rawValue == fixture.version)
    }

    @Test(arguments: fixtures("warn"))
    func warnObjectIsValidAndWarns(_ fixture: Fixture) {
        let report = Self.validator.validate(objectAt: fixture.url)
        #expect(report.isValid, "\(report.errors.map(\.line))")
        #expect(!fixture.expectedCodes.isDisjoint(with: report.codes), "expected one of \(fixture.expectedCodes), got \(report.findings.map(\.line))")
    }

    @Test(arguments: fixtures("bad"))
    func badObjectIsInvalidWithNamedError(_ fixture: Fixture) {
        let report = Self.validator.validate(objectAt: fixture.url)
        #expect(!report.isValid)
        #expect(!fixture.expectedCodes.isDisjoint(with: report.codes), "expected one of \(fixture.expectedCodes), got \(report.findings.map(\.line))")
    }
}

import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

/// Inventories broken on purpose, one rule at a time, in objects built by the test.
@Suite struct OCFLInventoryValidationTests {
    static let digestA = sha512("hello\n")
    let validator = OCFLValidator(options: .init(checkDigests: true))

    static func sha512(_ text: String) -> String {
        let d = MultiDigester([.sha512])
        Array(text.utf8).withUnsafeBytes { d.update($0) }
        return d.finalize()[.sha512] ?? ""
    }

    /// A valid one-version inventory as JSON text; `edit` may change it before it is written.
    static func inventoryText(created: String = "2026-01-02T03:04:05Z", state: String? = nil, extra: String = "") -> String {
        """
        {"id": "urn:kho:test", "type": "https://ocfl.io/1.1/spec/#inventory", "digestAlgorithm": "sha512", "head": "v1",
         "manifest": {"\(digestA)": ["v1/content/a.txt"]},
         "versions": {"v1": {"created": "\(created)", "message": "m", "user": {"name": "n", "address": "mailto:n@example.org"},
           "state": \(state ?? #"{"\#(digestA)": ["a.txt"]}"#)}}\(extra)}
        """
    }

    /// Writes an object with `inventory` at the root and in v1 (with correct sidecars) and v1/content/a.txt.
    func makeObject(_ inventory: String, declaration: String = "ocfl_object_1.1\n") throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory("kho-ocfl-inv")
        let url = dir.url
        try FileManager.default.createDirectory(at: url.appendingPathComponent("v1/content"), withIntermediateDirectories: true)
        try Data(declaration.utf8).write(to: url.appendingPathComponent("0=ocfl_object_1.1"))
        try Data("hello\n".utf8).write(to: url.appendingPathComponent("v1/content/a.txt"))
        for sub in ["", "v1/"] {
            try Data(inventory.utf8).write(to: url.appendingPathComponent(sub + "inventory.json"))
            try Data("\(Self.sha512(inventory))  inventory.json\n".utf8).write(to: url.appendingPathComponent(sub + "inventory.json.sha512"))
        }
        return dir
    }

    /// Builds an object from `inventory` and validates it while its temporary directory is alive.
    func check(_ inventory: String, declaration: String = "ocfl_object_1.1\n") throws -> ValidationReport {
        let dir = try makeObject(inventory, declaration: declaration)
        return withExtendedLifetime(dir) { validator.validate(objectAt: dir.url) }
    }

    @Test func builtObjectIsValid() throws {
        let dir = try makeObject(Self.inventoryText())
        let report = withExtendedLifetime(dir) { validator.validate(objectAt: dir.url) }
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.findings.isEmpty)
        #expect(report.objectID == "urn:kho:test")
        #expect(report.filesHashed == 1)
    }

    @Test func brokenJSONIsE033WithOffset() throws {
        let dir = try makeObject("{\"id\": \"x\",")
        let report = withExtendedLifetime(dir) { validator.validate(objectAt: dir.url) }
        let finding = report.errors.first { $0.code == "E033" }
        #expect(finding != nil)
        #expect(finding?.message.en.contains("byte") == true)
        #expect(report.errors.map(\.code) == ["E033"], "\(report.findings.map(\.line))")  // No E001/E046 noise for v1.
    }

    @Test func wrongTypesAreReported() throws {
        let text = Self.inventoryText().replacingOccurrences(of: #""head": "v1""#, with: #""head": 1"#)
            .replacingOccurrences(of: #""message": "m""#, with: #""message": 5"#)
        let report = try check(text)
        #expect(report.codes.isSuperset(of: ["E040", "E094"]))
    }

    @Test func versionsOfWrongTypeIsE045() throws {
        let text = #"{"id": "urn:kho:test", "type": "https://ocfl.io/1.1/spec/#inventory", "digestAlgorithm": "sha512", "head": "v1", "manifest": {}, "versions": []}"#
        let report = try check(text)
        #expect(report.codes.contains("E045"))
        #expect(!report.isValid)
    }

    @Test func unknownAndDuplicateKeys() throws {
        let report = try check(Self.inventoryText(extra: #", "colour": "blue", "id": "again""#))
        #expect(report.codes.isSuperset(of: ["E102", "E033"]))
    }

    @Test(arguments: ["2026-01-02T03:04:05", "2026-01-02T03:04Z", "2026-01-02 03:04:05Z", "2026-13-02T03:04:05Z", "yesterday"])
    func badCreatedIsE049(_ created: String) throws {
        let report = try check(Self.inventoryText(created: created))
        #expect(report.codes.contains("E049"))
    }

    @Test(arguments: ["2026-01-02T03:04:05.123456789+07:00", "2026-01-02T03:04:05z", "2026-01-02T03:04:05-05:00"])
    func goodCreatedIsAccepted(_ created: String) throws {
        let report = try check(Self.inventoryText(created: created))
        #expect(report.isValid, "\(report.findings.map(\.line))")
    }

    @Test func nfcAndNFDLogicalPathsAreDifferentFiles() throws {
        // "hồ sơ" spelled NFC and NFD: different bytes, so two distinct logical paths (no E095).
        let nfc = "h\u{1ED3} s\u{01A1}.txt"
        let nfd = "ho\u{0302}\u{0300} so\u{031B}.txt"
        #expect(nfc == nfd)  // Swift String equality is canonical equivalence…
        let state = #"{"\#(Self.digestA)": ["\#(nfc)", "\#(nfd)"]}"#
        let report = try check(Self.inventoryText(state: state))
        #expect(!report.codes.contains("E095"), "\(report.findings.map(\.line))")  // …but the validator compares bytes.
        let same = #"{"\#(Self.digestA)": ["\#(nfc)", "\#(nfc)"]}"#
        #expect(try check(Self.inventoryText(state: same)).codes.contains("E095"))
    }

    @Test func conflictingLogicalPathsAreE095() throws {
        let state = #"{"\#(Self.digestA)": ["a", "a/b.txt"]}"#
        #expect(try check(Self.inventoryText(state: state)).codes.contains("E095"))
    }

    @Test func declarationWithoutNewlineIsE007() throws {
        let report = try check(Self.inventoryText(), declaration: "ocfl_object_1.1")
        #expect(report.errors.map(\.code) == ["E007"])
    }

    @Test func unknownFixityAlgorithmIsE056AndUncheckedOneIsANotice() throws {
        let unknown = try check(Self.inventoryText(extra: #", "fixity": {"crc99": {"00": ["v1/content/a.txt"]}}"#))
        #expect(unknown.codes.contains("E056"))
        let blake = try check(Self.inventoryText(extra: #", "fixity": {"blake2b-512": {"\#(String(repeating: "0", count: 128))": ["v1/content/a.txt"]}}"#))
        #expect(blake.isValid, "\(blake.findings.map(\.line))")
        #expect(blake.findings.contains { $0.severity == .info })
    }

    @Test func wrongFixityDigestIsE093OnlyWithDigests() throws {
        let dir = try makeObject(Self.inventoryText(extra: #", "fixity": {"md5": {"00000000000000000000000000000000": ["v1/content/a.txt"]}}"#))
        #expect(withExtendedLifetime(dir) { validator.validate(objectAt: dir.url) }.codes.contains("E093"))
        #expect(withExtendedLifetime(dir) { OCFLValidator(options: .init(checkDigests: false)).validate(objectAt: dir.url) }.isValid)
    }

    @Test func everyCodeHasBothLanguages() {
        let codes = ValidationCode.all
        #expect(codes.count >= 120)
        for code in codes {
            let message = code.message(for: .v1_1)
            #expect(!message.vi.isEmpty && !message.en.isEmpty && message.vi != message.en, "\(code.code)")
        }
        #expect(ValidationCode("E070")?.message(for: .v1_0).en.contains("[key, description]") == true)
        #expect(ValidationCode("E070")?.message(for: .v1_1).en.contains("[extension, description]") == true)
        #expect(ValidationCode("E112")?.isDefined(in: .v1_0) == false)
    }
}

import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

/// Storage roots built in the test from copies of good fixtures, then broken one rule at a time.
@Suite struct OCFLStorageRootValidationTests {
    static let good = TestEnvironment.corpus("ocfl-fixtures").appendingPathComponent("1.1/good-objects")
    static let good10 = TestEnvironment.corpus("ocfl-fixtures").appendingPathComponent("1.0/good-objects")
    let validator = OCFLValidator(options: .init(checkDigests: true))

    /// A storage root with three good objects at a two-level hierarchy.
    func makeRoot() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory("kho-ocfl-root")
        let fm = FileManager.default
        try Data("ocfl_1.1\n".utf8).write(to: dir.url.appendingPathComponent("0=ocfl_1.1"))
        for (fixture, path) in [("spec-ex-full", "aa/11/full"), ("minimal_one_version_one_file", "aa/22/one"), ("updates_all_actions", "bb/33/updates")] {
            let target = dir.url.appendingPathComponent(path)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: Self.good.appendingPathComponent(fixture), to: target)
        }
        return dir
    }

    @Test func goodRootIsValid() throws {
        let dir = try makeRoot()
        let report = validator.validate(storageRootAt: dir.url)
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.warnings.isEmpty)
        #expect(report.objectCount == 3)
        #expect(report.specVersion == .v1_1)
        #expect(report.objects.map(\.path).sorted() == ["aa/11/full", "aa/22/one", "bb/33/updates"])
        #expect(report.filesHashed > 0)
        #expect(validator.isStorageRoot(dir.url))
    }

    @Test func missingDeclarationIsE069() throws {
        let dir = try makeRoot()
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("0=ocfl_1.1"))
        let report = validator.validate(storageRootAt: dir.url)
        #expect(!report.isValid)
        #expect(report.codes.contains("E069"))
    }

    @Test func wrongDeclarationContentIsE080() throws {
        let dir = try makeRoot()
        try Data("ocfl_1.1".utf8).write(to: dir.url.appendingPathComponent("0=ocfl_1.1"))
        #expect(validator.validate(storageRootAt: dir.url).codes.contains("E080"))
    }

    @Test func fileAmongObjectRootAncestorsIsE084() throws {
        let dir = try makeRoot()
        try Data("x".utf8).write(to: dir.url.appendingPathComponent("aa/notes.txt"))
        let report = validator.validate(storageRootAt: dir.url)
        #expect(!report.isValid)
        #expect(report.errors.contains { $0.code == "E084" && $0.path == "aa/notes.txt" })
    }

    @Test func emptyDirectoryIsE073AndDeadEndIsE085() throws {
        let dir = try makeRoot()
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("cc/empty"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("dd"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: dir.url.appendingPathComponent("dd/orphan.bin"))
        let report = validator.validate(storageRootAt: dir.url)
        #expect(report.errors.contains { $0.code == "E073" && $0.path == "cc/empty" })
        #expect(report.errors.contains { $0.code == "E085" && $0.path == "dd" })
        #expect(report.errors.contains { $0.code == "E072" && $0.path == "dd/orphan.bin" })
    }

    @Test func objectInsideObjectIsRejected() throws {
        let dir = try makeRoot()
        try FileManager.default.copyItem(at: Self.good.appendingPathComponent("minimal_no_content"), to: dir.url.appendingPathComponent("aa/22/one/inner"))
        let report = validator.validate(storageRootAt: dir.url)
        #expect(!report.isValid)
        #expect(report.errors.contains { $0.code == "E082" && $0.path == "aa/22/one/inner" })
        #expect(report.errors.contains { $0.code == "E001" && $0.path == "aa/22/one/inner" })
    }

    @Test func newerObjectInOlderRootIsE081() throws {
        let dir = try makeRoot()
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("0=ocfl_1.1"))
        try Data("ocfl_1.0\n".utf8).write(to: dir.url.appendingPathComponent("0=ocfl_1.0"))
        let report = validator.validate(storageRootAt: dir.url)
        #expect(report.specVersion == .v1_0)
        #expect(report.codes.contains("E081"))
    }

    @Test func olderObjectsInNewerRootAreFine() throws {
        let dir = try makeRoot()
        try FileManager.default.copyItem(at: Self.good10.appendingPathComponent("minimal_mixed_digests"), to: dir.url.appendingPathComponent("bb/44/old"))
        let report = validator.validate(storageRootAt: dir.url)
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.objects.contains { $0.specVersion == .v1_0 })
    }

    @Test func layoutAndExtensions() throws {
        let dir = try makeRoot()
        try Data(#"{"description": "no extension key"}"#.utf8).write(to: dir.url.appendingPathComponent("ocfl_layout.json"))
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("extensions/9999-home-made"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: dir.url.appendingPathComponent("extensions/loose-file"))
        let report = validator.validate(storageRootAt: dir.url)
        #expect(report.codes.contains("E070"))
        #expect(report.codes.contains("E112"))
        #expect(report.codes.contains("W016"))
    }

    @Test func hashedNTupleLayoutPathsAreChecked() throws {
        let dir = try TemporaryDirectory("kho-ocfl-0004")
        let fm = FileManager.default
        try Data("ocfl_1.1\n".utf8).write(to: dir.url.appendingPathComponent("0=ocfl_1.1"))
        try Data(#"{"extension": "0004-hashed-n-tuple-storage-layout", "description": "Hashed N-tuple"}"#.utf8)
            .write(to: dir.url.appendingPathComponent("ocfl_layout.json"))
        // spec-ex-full has id "ark:/12345/bcd987"; place it where 0004 (sha256, 3×3) says, and another object wrongly.
        let digester = MultiDigester([.sha256])
        Array("ark:/12345/bcd987".utf8).withUnsafeBytes { digester.update($0) }
        let hex = digester.finalize()[.sha256] ?? ""
        let chars = Array(hex)
        let path = "\(String(chars[0..<3]))/\(String(chars[3..<6]))/\(String(chars[6..<9]))/\(hex)"
        try fm.createDirectory(at: dir.url.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.copyItem(at: Self.good.appendingPathComponent("spec-ex-full"), to: dir.url.appendingPathComponent(path))
        #expect(validator.validate(storageRootAt: dir.url).isValid)
        try fm.createDirectory(at: dir.url.appendingPathComponent("000/000/000"), withIntermediateDirectories: true)
        try fm.copyItem(at: Self.good.appendingPathComponent("minimal_one_version_one_file"), to: dir.url.appendingPathComponent("000/000/000/wrong"))
        let report = validator.validate(storageRootAt: dir.url)
        #expect(report.errors.contains { $0.code == "E083" && $0.path == "000/000/000/wrong" })
    }

    @Test func duplicateObjectIdsAreE037() throws {
        let dir = try makeRoot()
        try FileManager.default.copyItem(at: Self.good.appendingPathComponent("spec-ex-full"), to: dir.url.appendingPathComponent("bb/44/again"))
        #expect(validator.validate(storageRootAt: dir.url).errors.contains { $0.code == "E037" && $0.path == "bb/44/again" })
    }
}

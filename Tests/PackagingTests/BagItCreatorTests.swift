import Foundation
import KhoCore
import KhoTestSupport
import Packaging
import Testing

/// Bag creation: in place (crash-aware) and by copy (source untouched).
@Suite struct BagItCreatorTests {
    private func makeSource(in directory: TemporaryDirectory) throws -> URL {
        let source = directory.url.appendingPathComponent("nguồn")
        for (name, content) in BagItTestBag.files {
            let url = source.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return source
    }

    /// Every file under `root` with its bytes, keyed by exact UTF-8 name bytes.
    private func snapshot(_ root: URL) throws -> [[UInt8]: Data] {
        var result: [[UInt8]: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[Array(relative.utf8)] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return result
    }

    @Test func copyLeavesTheSourceUntouched() throws {
        let directory = try TemporaryDirectory("kho-bagit-create")
        let source = try makeSource(in: directory)
        let before = try snapshot(source)
        let target = directory.url.appendingPathComponent("túi").path
        let result = try BagCreator(options: BagCreationOptions(durable: false)).create(from: source.path, to: target)
        #expect(try snapshot(source) == before)
        #expect(result.payloadFileCount == BagItTestBag.files.count)
        #expect(!FileManager.default.fileExists(atPath: target + BagCreator.partialSuffix))
        let report = BagValidator().validate(bagAt: target)
        #expect(report.isValid)
        #expect(report.codes().isEmpty)
        // The NFD name keeps its bytes.
        let nfd = "Tài liệu NFD.txt".decomposedStringWithCanonicalMapping
        let manifest = try Data(contentsOf: URL(fileURLWithPath: target).appendingPathComponent("manifest-sha512.txt"))
        #expect(Array(manifest).firstRange(of: Array(nfd.utf8)) != nil)
        #expect(throws: BagItError.self) { try BagCreator().create(from: source.path, to: target) }
    }

    @Test func inPlaceConversionMovesContentsIntoData() throws {
        let directory = try TemporaryDirectory("kho-bagit-inplace")
        let source = try makeSource(in: directory)
        try Data("not a declaration".utf8).write(to: source.appendingPathComponent("bagit.txt"))
        let before = try snapshot(source)
        _ = try BagCreator(options: BagCreationOptions(algorithms: [.sha512], durable: false)).convertInPlace(directory: source.path)
        let after = try snapshot(source.appendingPathComponent("data"))
        #expect(after == before)
        #expect(!FileManager.default.fileExists(atPath: source.appendingPathComponent(BagCreator.journalName).path))
        let report = BagValidator().validate(bagAt: source.path)
        #expect(report.isValid, "\(report.findings.map(\.line))")
        let info = try String(contentsOf: source.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        #expect(info.contains("Payload-Oxum: "))
        #expect(info.contains("Bagging-Date: "))
    }

    @Test func interruptedConversionIsRefusedWithAClearError() throws {
        let directory = try TemporaryDirectory("kho-bagit-interrupted")
        let source = try makeSource(in: directory)
        try Data("left by a crash".utf8).write(to: source.appendingPathComponent(BagCreator.journalName))
        let before = try snapshot(source)
        do {
            _ = try BagCreator().convertInPlace(directory: source.path)
            Issue.record("expected BAGIT-CREATE-INTERRUPTED")
        } catch {
            #expect(error.rule == "BAGIT-CREATE-INTERRUPTED")
        }
        #expect(try snapshot(source) == before)
    }

    @Test func nfcCollisionInSourceIsRefused() throws {
        let directory = try TemporaryDirectory("kho-bagit-collision")
        let source = try makeSource(in: directory)
        try Data("nfc".utf8).write(to: source.appendingPathComponent("Tài liệu NFD.txt".precomposedStringWithCanonicalMapping))
        do {
            _ = try BagCreator().create(from: source.path, to: directory.url.appendingPathComponent("bag").path)
            Issue.record("expected BAGIT-PATH-NFC-COLLISION")
        } catch {
            #expect(error.rule == "BAGIT-PATH-NFC-COLLISION")
        }
    }

    @Test func namesWithLineBreaksArePercentEncoded() throws {
        let directory = try TemporaryDirectory("kho-bagit-newline")
        let source = directory.url.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data("a".utf8).write(to: source.appendingPathComponent("dòng\nmới%0A.txt"))
        let target = directory.url.appendingPathComponent("bag").path
        _ = try BagCreator(options: BagCreationOptions(durable: false)).create(from: source.path, to: target)
        let manifest = try String(contentsOf: URL(fileURLWithPath: target).appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
        #expect(manifest.contains("data/dòng%0Amới%250A.txt"))
        #expect(BagValidator().validate(bagAt: target).isValid)
    }
}

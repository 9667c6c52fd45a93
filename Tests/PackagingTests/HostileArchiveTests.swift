import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Packaging

/// Every hostile archive is refused with its rule and entry named, in both languages; nothing outside
/// the work area changes and the work area is left empty.
@Suite struct HostileArchiveTests {
    @Test(arguments: HostileArchiveCase.all)
    func refusedCleanly(_ hostile: HostileArchiveCase) throws {
        let sandbox = try ArchiveSandbox()
        let archive = sandbox.url("hostile.bin")
        try ArchiveCrafter.craft(hostile.script, to: archive)
        let before = sandbox.listing(excludingWorkArea: true)
        let extractor = ArchiveExtractor(limits: hostile.limits)
        let error = #expect(throws: ArchiveError.self) {
            _ = try extractor.extract(archive: archive, into: sandbox.workArea)
        }
        print("[\(hostile.label)] \(error.map(String.init(describing:)) ?? "no error")")
        #expect(error?.kind == hostile.rule, "\(hostile.label): \(error.map(String.init(describing:)) ?? "no error")")
        #expect(error?.rule == hostile.rule.rawValue)
        #expect(error?.archive == archive.path)
        if let entry = hostile.entry {
            #expect(error?.entry?.contains(entry) == true, "entry not named: \(String(describing: error))")
            #expect(error?.message.vi.contains(entry) == true)
            #expect(error?.message.en.contains(entry) == true)
        }
        #expect(error?.message.vi.isEmpty == false && error?.message.vi != error?.message.en)
        #expect(String(describing: error).contains(hostile.rule.rawValue))
        sandbox.expectUntouched(since: before)
        // Nothing landed next to the sandbox either (absolute-path cases aim at /tmp).
        #expect(!FileManager.default.fileExists(atPath: "/tmp/kho-evil.txt"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.deletingLastPathComponent().appendingPathComponent("evil.txt").path))
    }

    @Test func everyRuleHasACase() {
        let covered = Set(HostileArchiveCase.all.map(\.rule))
        let expected: Set<ArchiveError.Kind> = [.traversal, .absolute, .symlink, .hardlink, .device, .duplicate, .nfcCollision,
                                                .encoding, .invalidName, .pathLimit, .encrypted, .truncated, .malformed,
                                                .overlap, .bombRatio, .bombSize, .bombCount, .unsupported]
        #expect(expected.isSubset(of: covered), "missing: \(expected.subtracting(covered))")
    }

    /// A symbolic link already in the work area (planted by someone else) is never written through.
    @Test func plantedSymlinkInWorkAreaIsNotFollowed() throws {
        let sandbox = try ArchiveSandbox()
        let archive = sandbox.url("ok.zip")
        try ArchiveCrafter.craft("z([('first.txt', b'1'), ('sub/secret.txt', b'overwritten'), ('sub/new.txt', b'new')])", to: archive)
        try FileManager.default.createSymbolicLink(atPath: sandbox.workArea.appendingPathComponent("sub").path,
                                                   withDestinationPath: sandbox.canary.path)
        let before = sandbox.listing(excludingWorkArea: true)
        let error = #expect(throws: ArchiveError.self) {
            _ = try ArchiveExtractor().extract(archive: archive, into: sandbox.workArea)
        }
        #expect(error?.kind == .symlink)
        #expect(error?.entry == "sub/secret.txt")
        #expect(sandbox.listing(excludingWorkArea: true) == before)
        #expect(try String(contentsOf: sandbox.canaryFile, encoding: .utf8) == ArchiveSandbox.canaryText)
        #expect(!FileManager.default.fileExists(atPath: sandbox.canary.appendingPathComponent("new.txt").path))
        // Only the planted link remains; first.txt, written before the refusal, was removed.
        #expect(sandbox.workAreaContents() == ["sub"])
    }

    /// The work area root itself must not be a symbolic link.
    @Test func workAreaThatIsASymlinkIsRefused() throws {
        let sandbox = try ArchiveSandbox()
        let archive = sandbox.url("ok.zip")
        try ArchiveCrafter.craft("z([('secret.txt', b'overwritten')])", to: archive)
        let linked = sandbox.url("linked-work")
        try FileManager.default.createSymbolicLink(atPath: linked.path, withDestinationPath: sandbox.canary.path)
        let error = #expect(throws: ArchiveError.self) {
            _ = try ArchiveExtractor().extract(archive: archive, into: linked)
        }
        #expect(error?.kind == .symlink)
        #expect(try String(contentsOf: sandbox.canaryFile, encoding: .utf8) == ArchiveSandbox.canaryText)
    }

    /// An existing file in the work area is never overwritten.
    @Test func existingFileIsNotOverwritten() throws {
        let sandbox = try ArchiveSandbox()
        let archive = sandbox.url("ok.tar")
        try ArchiveCrafter.craft("t([f('new.txt'), f('keep.txt', b'overwritten')])", to: archive)
        let keep = sandbox.workArea.appendingPathComponent("keep.txt")
        try Data("mine".utf8).write(to: keep)
        let error = #expect(throws: ArchiveError.self) {
            _ = try ArchiveExtractor().extract(archive: archive, into: sandbox.workArea)
        }
        #expect(error?.entry == "keep.txt")
        #expect(try String(contentsOf: keep, encoding: .utf8) == "mine")
        #expect(sandbox.workAreaContents() == ["keep.txt"])
    }
}

import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

@Suite struct OCFLObjectWriterTests {
    typealias S = StorageTestSupport

    @Test func multiVersionAdditionsRenamesDeletionsAndDedup() throws {
        let (temp, root) = try S.newRoot()
        let writer = OCFLObjectWriter(root: root)
        let id = "info:kho/hs-0001"
        var v1 = try writer.changes(forObject: id)
        try v1.put(S.path("a.txt"), S.data("giống nhau / same"))
        try v1.put(S.path("copy/a-again.txt"), S.data("giống nhau / same"))
        try v1.put(S.path("c.txt"), S.data("ccc"))
        let first = try writer.commit(objectID: id, changes: v1, metadata: S.metadata)
        #expect(first.version == "v1")
        #expect(first.storedFiles == 2)
        #expect(first.deduplicatedFiles == 1)

        var v2 = try writer.changes(forObject: id)
        try v2.rename(S.path("a.txt"), to: S.path("renamed/a.txt"))
        try v2.remove(S.path("c.txt"))
        try v2.put(S.path("d.txt"), S.data("ccc"))          // bytes already stored in v1
        try v2.put(S.path("e.txt"), S.data("mới / new"))
        let second = try writer.commit(objectID: id, changes: v2, metadata: S.metadata)
        #expect(second.version == "v2")
        #expect(second.storedFiles == 1)
        #expect(second.deduplicatedFiles == 1)

        let reader = try root.object(id)
        #expect(reader.versions == ["v1", "v2"])
        let state = try reader.state()
        #expect(Set(state.keys.map(\.string)) == ["renamed/a.txt", "copy/a-again.txt", "d.txt", "e.txt"])
        #expect(try S.read(reader, "renamed/a.txt") == "giống nhau / same")
        #expect(try S.read(reader, "d.txt") == "ccc")
        #expect(try S.read(reader, "c.txt", version: "v1") == "ccc")
        #expect(throws: OCFLStorageError.self) { try S.read(reader, "c.txt") }
        // Each digest appears once in the manifest with one content path, whatever the logical paths and versions.
        #expect(reader.inventory.manifest.count == 3)
        #expect(reader.inventory.manifest.values.allSatisfy { $0.count == 1 })
        let objectRoot = try root.objectPath(for: id)
        #expect(S.files(under: objectRoot + "/v2/content") == ["e.txt"])
        // Fixity: a sha256 for every content path.
        let fixityPaths = reader.inventory.fixity?["sha256"]?.values.flatMap { $0 } ?? []
        #expect(Set(fixityPaths) == Set(reader.inventory.manifest.values.flatMap { $0 }))

        // v3 brings only bytes the object has: nothing stored, and no (empty) content folder is left behind.
        var v3 = try writer.changes(forObject: id)
        try v3.put(S.path("sâu/hơn/nữa/bản sao.txt"), S.data("mới / new"))
        let third = try writer.commit(objectID: id, changes: v3, metadata: S.metadata)
        #expect(third.storedFiles == 0 && third.deduplicatedFiles == 1)
        #expect(!FileManager.default.fileExists(atPath: objectRoot + "/v3/content"))
        #expect(try S.read(root.object(id), "sâu/hơn/nữa/bản sao.txt") == "mới / new")
        _ = temp
    }

    @Test func unchangedFilesAreNotCopiedAgain() throws {
        let (temp, root) = try S.newRoot()
        let source = temp.path + "/source"
        try FileManager.default.createDirectory(atPath: source + "/Hồ sơ", withIntermediateDirectories: true)
        for index in 0..<30 {
            try Data("tài liệu \(index)".utf8).write(to: URL(fileURLWithPath: source + "/Hồ sơ/tl-\(index).txt"))
        }
        let writer = OCFLObjectWriter(root: root)
        let id = "info:kho/hs-0002"
        try writer.commit(objectID: id, tree: source, metadata: S.metadata)
        try Data("đã sửa / changed".utf8).write(to: URL(fileURLWithPath: source + "/Hồ sơ/tl-7.txt"))
        try FileManager.default.moveItem(atPath: source + "/Hồ sơ/tl-8.txt", toPath: source + "/tl-8-moved.txt")
        try FileManager.default.removeItem(atPath: source + "/Hồ sơ/tl-9.txt")
        let result = try writer.commit(objectID: id, tree: source, metadata: S.metadata)
        #expect(result.storedFiles == 1)
        let objectRoot = try root.objectPath(for: id)
        #expect(S.files(under: objectRoot + "/v2/content") == ["Hồ sơ/tl-7.txt"])
        let state = try root.object(id).state()
        #expect(state.count == 29)
        #expect(state[try S.path("tl-8-moved.txt")] != nil)
        // A third commit of the same tree stores nothing and makes no content folder (OCFL W003).
        let third = try writer.commit(objectID: id, tree: source, metadata: S.metadata)
        #expect(third.storedFiles == 0)
        #expect(!FileManager.default.fileExists(atPath: objectRoot + "/v3/content"))
        #expect(FileManager.default.fileExists(atPath: objectRoot + "/v3/inventory.json"))
    }

    @Test func vietnameseNamesKeepTheirBytesInNFCAndNFD() throws {
        let (temp, root) = try S.newRoot()
        let nfc = "Hồ sơ/Quyết định số 1.txt".precomposedStringWithCanonicalMapping
        let nfd = "Tờ trình/Báo cáo tổng kết.txt".decomposedStringWithCanonicalMapping
        #expect(Array(nfc.utf8) != Array(nfc.decomposedStringWithCanonicalMapping.utf8))
        let writer = OCFLObjectWriter(root: root)
        let id = "info:kho/hs-0003"
        var changes = try writer.changes(forObject: id)
        try changes.put(S.path(nfc), S.data("NFC"))
        try changes.put(S.path(nfd), S.data("NFD"))
        try writer.commit(objectID: id, changes: changes, metadata: S.metadata)

        let objectRoot = try root.objectPath(for: id)
        let onDisk = S.files(under: objectRoot + "/v1/content").map { Array($0.utf8) }
        #expect(Set(onDisk) == [Array(nfc.utf8), Array(nfd.utf8)])
        let reader = try root.object(id)
        let state = S.byteState(try reader.state())
        #expect(Set(state.keys) == [Array(nfc.utf8), Array(nfd.utf8)])
        #expect(try S.read(reader, nfd) == "NFD")
        // A reader asking with the NFC spelling of an NFD-stored name still finds the one matching file.
        #expect(try S.read(reader, nfd.precomposedStringWithCanonicalMapping) == "NFD")
        // The inventory bytes hold the NFD spelling as given, not escaped and not composed.
        let inventory = try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json"))
        #expect(inventory.range(of: Data(nfd.utf8)) != nil)
        _ = temp
    }

    @Test func pathsEqualUnderNFCAreRefusedNamingBoth() throws {
        let (temp, root) = try S.newRoot()
        let nfc = "Biên bản/Nghị quyết.txt".precomposedStringWithCanonicalMapping
        let nfd = nfc.decomposedStringWithCanonicalMapping
        let writer = OCFLObjectWriter(root: root)
        let id = "info:kho/hs-0004"
        var changes = VersionChanges()
        try changes.put(S.path(nfc), S.data("1"))
        try changes.put(S.path(nfd), S.data("2"))
        #expect(changes.entries.count == 2)
        do {
            try writer.commit(objectID: id, changes: changes, metadata: S.metadata)
            Issue.record("NFC-equal paths were accepted")
        } catch {
            #expect(error.rule == "KHO-NFC-COLLISION")
            #expect(error.message.en.contains(Array(nfc.utf8).hexString))
            #expect(error.message.en.contains(Array(nfd.utf8).hexString))
            #expect(error.message.vi.contains("NFC"))
        }
        #expect(!FileManager.default.fileExists(atPath: try root.objectPath(for: id)))
        // Folders that differ only in normalisation collide too.
        var folders = VersionChanges()
        try folders.put(S.path("Hà Nội".precomposedStringWithCanonicalMapping + "/a.txt"), S.data("a"))
        try folders.put(S.path("Hà Nội".decomposedStringWithCanonicalMapping + "/b.txt"), S.data("b"))
        #expect(throws: OCFLStorageError.self) { try writer.commit(objectID: id, changes: folders, metadata: S.metadata) }
        _ = temp
    }

    @Test func conflictingAndInvalidLogicalPathsAreRefused() throws {
        let (temp, root) = try S.newRoot()
        let writer = OCFLObjectWriter(root: root)
        var changes = VersionChanges()
        try changes.put(S.path("a"), S.data("file"))
        try changes.put(S.path("a/b.txt"), S.data("file below a"))
        do {
            try writer.commit(objectID: "info:kho/e095", changes: changes, metadata: S.metadata)
            Issue.record("E095 conflict accepted")
        } catch {
            #expect(error.rule == "E095")
        }
        for bad in ["/a", "a/", "a//b", "a/./b", "../a", ""] {
            #expect(throws: KhoFailure.self) { _ = try RelativePath(bad) }
        }
        _ = temp
    }

    @Test func inventoryIsStableAndSidecarMatches() throws {
        let (temp, root) = try S.newRoot()
        let writer = OCFLObjectWriter(root: root)
        let id = "info:kho/hs-0005"
        var changes = VersionChanges()
        for name in ["z.txt", "a.txt", "Đ/é.txt", "m/n/o.txt"] { try changes.put(S.path(name), S.data(name)) }
        try writer.commit(objectID: id, changes: changes, metadata: S.metadata)
        let objectRoot = try root.objectPath(for: id)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json")))
        let decoded = try Inventory.decode(bytes, path: "inventory.json")
        #expect(decoded.encoded() == bytes)
        #expect(decoded.digestAlgorithm == "sha512")
        #expect(decoded.contentDirectory == "content")
        #expect(decoded.type == "https://ocfl.io/1.1/spec/#inventory")
        let created = try #require(decoded.versions["v1"]?.created)
        #expect(created.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$"#, options: .regularExpression) != nil)
        let digester = MultiDigester([.sha512])
        bytes.withUnsafeBytes { digester.update($0) }
        let sidecar = try String(contentsOfFile: objectRoot + "/inventory.json.sha512", encoding: .utf8)
        #expect(sidecar == (digester.finalize()[.sha512] ?? "") + " inventory.json\n")
        #expect(try String(contentsOfFile: objectRoot + "/0=ocfl_object_1.1", encoding: .utf8) == "ocfl_object_1.1\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/v1/inventory.json")) == Data(bytes))
        // Staging is outside the root and empty after a commit.
        #expect(S.files(under: root.stagingPath + "/work").isEmpty)
        _ = temp
    }

    @Test func exportWritesTheVersionAndChecksDigests() throws {
        let (temp, root) = try S.newRoot()
        let writer = OCFLObjectWriter(root: root)
        let id = "info:kho/hs-0006"
        var changes = VersionChanges()
        try changes.put(S.path("Tài liệu/1.txt"), S.data("một"))
        try changes.put(S.path("2.txt"), S.data("hai"))
        try writer.commit(objectID: id, changes: changes, metadata: S.metadata)
        let out = temp.path + "/export"
        #expect(try root.object(id).export(to: out) == 2)
        #expect(try String(contentsOfFile: out + "/Tài liệu/1.txt", encoding: .utf8) == "một")
        // A tampered content file is caught during export.
        let content = try root.objectPath(for: id) + "/v1/content/2.txt"
        try Data("ba".utf8).write(to: URL(fileURLWithPath: content))
        #expect(throws: OCFLStorageError.self) { try root.object(id).export(to: temp.path + "/export2") }
    }
}

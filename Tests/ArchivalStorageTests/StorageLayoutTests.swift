import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

/// Layouts checked against the worked examples in the extension specifications.
@Suite struct StorageLayoutTests {
    typealias S = StorageTestSupport

    @Test func hashedNTupleMatchesSpecExamples() throws {
        let standard = try HashedNTupleLayout()
        #expect(try standard.objectPath(for: "object-01").string
            == "3c0/ff4/240/3c0ff4240c1e116dba14c7627f2319b58aa3d77606d0d90dfc6161608ac987d4")
        #expect(try standard.objectPath(for: "..hor/rib:le-$id").string
            == "487/326/d8c/487326d8c2a3c0b885e23da1469b4d6671fd4e76978924b4443e9e3c316cda6d")
        let md5 = try HashedNTupleLayout(digestAlgorithm: .md5, tupleSize: 2, numberOfTuples: 15, shortObjectRoot: true)
        #expect(try md5.objectPath(for: "object-01").string == "ff/75/53/44/92/48/5e/ab/b3/9f/86/35/67/28/88/4e")
        let flat = try HashedNTupleLayout(tupleSize: 0, numberOfTuples: 0)
        #expect(try flat.objectPath(for: "object-01").string == "3c0ff4240c1e116dba14c7627f2319b58aa3d77606d0d90dfc6161608ac987d4")
        #expect(throws: OCFLStorageError.self) { _ = try HashedNTupleLayout(tupleSize: 0, numberOfTuples: 3) }
    }

    @Test func flatOmitPrefixMatchesSpecExamples() throws {
        let colon = FlatOmitPrefixLayout(delimiter: ":")
        #expect(try colon.objectPath(for: "namespace:12887296").string == "12887296")
        #expect(try colon.objectPath(for: "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66").string
            == "6e8bc430-9c3a-11d9-9669-0800200c9a66")
        let edu = FlatOmitPrefixLayout(delimiter: "edu/")
        #expect(try edu.objectPath(for: "https://institution.edu/3448793").string == "3448793")
        #expect(try edu.objectPath(for: "https://institution.edu/abc/edu/f8.05v").string == "f8.05v")
        // Example 3 yields paths unusable on a filesystem: refused.
        let info = FlatOmitPrefixLayout(delimiter: "info:")
        #expect(throws: OCFLStorageError.self) { _ = try info.objectPath(for: "https://example.org/info:/12345/x54xz321/s3/f8.05v") }
        #expect(throws: OCFLStorageError.self) { _ = try colon.objectPath(for: "ends-with:") }
    }

    @Test func nTupleOmitPrefixMatchesSpecExamples() throws {
        let one = try NTupleOmitPrefixLayout(delimiter: ":", tupleSize: 4, numberOfTuples: 2, zeroPadding: "left", reverseObjectRoot: true)
        #expect(try one.objectPath(for: "namespace:12887296").string == "6927/8821/12887296")
        #expect(try one.objectPath(for: "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66").string
            == "66a9/c002/6e8bc430-9c3a-11d9-9669-0800200c9a66")
        #expect(try one.objectPath(for: "abc123").string == "321c/ba00/abc123")
        let two = try NTupleOmitPrefixLayout(delimiter: "edu/", tupleSize: 3, numberOfTuples: 3, zeroPadding: "right", reverseObjectRoot: false)
        #expect(try two.objectPath(for: "https://institution.edu/3448793").string == "344/879/300/3448793")
        #expect(try two.objectPath(for: "https://institution.edu/abc/edu/f8.05v").string == "f8./05v/000/f8.05v")
    }

    /// Builds a root the way another tool would (declaration, ocfl_layout.json, extensions/<name>/config.json),
    /// opens it, writes an object and checks where it landed.
    func openHandBuiltRoot(extensionName: String, config: String?, id: String, expected: String) throws {
        let temp = try TemporaryDirectory("kho-layout")
        let rootPath = temp.path + "/root"
        try FileManager.default.createDirectory(atPath: rootPath, withIntermediateDirectories: true)
        try "ocfl_1.1\n".write(toFile: rootPath + "/0=ocfl_1.1", atomically: false, encoding: .utf8)
        try #"{"extension": "\#(extensionName)", "description": "built by a test"}"#
            .write(toFile: rootPath + "/ocfl_layout.json", atomically: false, encoding: .utf8)
        if let config {
            let folder = rootPath + "/extensions/" + extensionName
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try config.write(toFile: folder + "/config.json", atomically: false, encoding: .utf8)
        }
        let root = try OCFLStorageRoot.open(at: rootPath)
        #expect(root.layout.extensionName == extensionName)
        var changes = VersionChanges()
        try changes.put(S.path("README.txt"), S.data(id))
        try OCFLObjectWriter(root: root).commit(objectID: id, changes: changes, metadata: S.metadata)
        #expect(FileManager.default.fileExists(atPath: rootPath + "/" + expected + "/0=ocfl_object_1.1"))
        #expect(try root.objectFolders() == [expected])
        #expect(try root.objectIDs() == [id])
        #expect(try S.read(root.object(id), "README.txt") == id)
    }

    @Test func opensRootsWithEachLayout() throws {
        try openHandBuiltRoot(extensionName: "0002-flat-direct-storage-layout", config: nil,
                              id: "hs-0001", expected: "hs-0001")
        try openHandBuiltRoot(extensionName: "0004-hashed-n-tuple-storage-layout", config: nil,
                              id: "object-01", expected: "3c0/ff4/240/3c0ff4240c1e116dba14c7627f2319b58aa3d77606d0d90dfc6161608ac987d4")
        try openHandBuiltRoot(extensionName: "0004-hashed-n-tuple-storage-layout",
                              config: #"{"extensionName": "0004-hashed-n-tuple-storage-layout", "digestAlgorithm": "md5", "tupleSize": 2, "numberOfTuples": 15, "shortObjectRoot": true}"#,
                              id: "object-01", expected: "ff/75/53/44/92/48/5e/ab/b3/9f/86/35/67/28/88/4e")
        try openHandBuiltRoot(extensionName: "0006-flat-omit-prefix-storage-layout",
                              config: #"{"extensionName": "0006-flat-omit-prefix-storage-layout", "delimiter": "edu/"}"#,
                              id: "https://institution.edu/abc/edu/f8.05v", expected: "f8.05v")
        try openHandBuiltRoot(extensionName: "0007-n-tuple-omit-prefix-storage-layout",
                              config: #"{"extensionName": "0007-n-tuple-omit-prefix-storage-layout", "delimiter": ":", "tupleSize": 4, "numberOfTuples": 2, "zeroPadding": "left", "reverseObjectRoot": true}"#,
                              id: "namespace:12887296", expected: "6927/8821/12887296")
    }

    @Test func createdRootHasDeclarationLayoutAndConfig() throws {
        let (temp, root) = try S.newRoot()
        #expect(try String(contentsOfFile: root.path + "/0=ocfl_1.1", encoding: .utf8) == "ocfl_1.1\n")
        let layout = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root.path + "/ocfl_layout.json"))) as? [String: Any]
        #expect(layout?["extension"] as? String == "0004-hashed-n-tuple-storage-layout")
        #expect(layout?["description"] is String)
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root.path + "/extensions/0004-hashed-n-tuple-storage-layout/config.json"))) as? [String: Any]
        #expect(config?["digestAlgorithm"] as? String == "sha256")
        #expect(config?["tupleSize"] as? Int == 3)
        #expect(config?["numberOfTuples"] as? Int == 3)
        #expect(config?["shortObjectRoot"] as? Bool == false)
        #expect(config?["extensionName"] as? String == "0004-hashed-n-tuple-storage-layout")
        #expect(throws: OCFLStorageError.self) { _ = try OCFLStorageRoot.create(at: root.path) }
        _ = temp
    }

    @Test func opensOCFL10RootWithFixtureObject() throws {
        let temp = try TemporaryDirectory("kho-ocfl10")
        let rootPath = temp.path + "/root"
        try FileManager.default.createDirectory(atPath: rootPath, withIntermediateDirectories: true)
        try "ocfl_1.0\n".write(toFile: rootPath + "/0=ocfl_1.0", atomically: false, encoding: .utf8)
        try #"{"extension": "0004-hashed-n-tuple-storage-layout", "description": "hashed, default parameters"}"#
            .write(toFile: rootPath + "/ocfl_layout.json", atomically: false, encoding: .utf8)
        let fixture = TestEnvironment.corpus("ocfl-fixtures").appendingPathComponent("1.0/good-objects/spec-ex-full")
        let inventory = try Inventory.decode([UInt8](Data(contentsOf: fixture.appendingPathComponent("inventory.json"))), path: "fixture")
        let objectPath = rootPath + "/" + (try HashedNTupleLayout().objectPath(for: inventory.id)).string
        try FileManager.default.createDirectory(atPath: (objectPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture.path, toPath: objectPath)
        let root = try OCFLStorageRoot.open(at: rootPath)
        #expect(root.ocflVersion == "1.0")
        #expect(try root.objectIDs() == [inventory.id])
        let reader = try root.object(inventory.id)
        #expect(reader.versions == ["v1", "v2", "v3"])
        #expect(try reader.state(version: "v1").count == 3)
        #expect(try S.read(reader, "empty.txt", version: "v1") == "")
        // Kho can add a version to an object another tool wrote, keeping its 1.0 inventory type.
        let writer = OCFLObjectWriter(root: root)
        var changes = try writer.changes(forObject: inventory.id)
        try changes.put(S.path("kho.txt"), S.data("thêm / added"))
        #expect(try writer.commit(objectID: inventory.id, changes: changes, metadata: S.metadata).version == "v4")
        #expect(try root.object(inventory.id).inventory.type == inventory.type)
    }
}

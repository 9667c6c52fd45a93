@testable import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

/// The writer keeps earlier version blocks out of memory and copies them into the next inventory; the bytes
/// must be exactly what re-serialising the whole inventory gives (the writer before this change).
@Suite struct OCFLInventoryCopyThroughTests {
    typealias S = StorageTestSupport

    /// The root inventory's bytes, and the full decode → encode of them.
    static func inventoryAndReserialised(_ objectRoot: String) throws -> ([UInt8], [UInt8]) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json")))
        return (bytes, try Inventory.decode(bytes, path: "inventory.json").encoded())
    }

    @Test func twelveVersionsMatchTheWholeReserialisedInventory() throws {
        let (temp, root) = try S.newRoot()
        let writer = OCFLObjectWriter(root: root)
        let id = "info:kho/hs-copy-through"
        let objectRoot = try root.objectPath(for: id)
        var previous: [UInt8] = []
        // 12 versions: "v10" sorts before "v2" by bytes, so blocks are read out of numeric order.
        for number in 1...12 {
            var changes = try writer.changes(forObject: id)
            try changes.put(S.path("tệp \(number).txt"), S.data("nội dung \(number)"))
            try changes.put(S.path("Hồ sơ/chung.txt"), S.data("chung \(number % 3)"))
            if number > 2 { try changes.remove(S.path("tệp \(number - 2).txt")) }
            if number == 5 { try changes.put(S.path("ký tự \"lạ\".txt"), S.data("escape")) }
            let result = try writer.commit(objectID: id, changes: changes, metadata: S.metadata)
            #expect(result.version == "v\(number)")
            let (bytes, reserialised) = try Self.inventoryAndReserialised(objectRoot)
            #expect(bytes == reserialised, "v\(number): inventory differs from its re-serialisation")
            let versionCopy = [UInt8](try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/v\(number)/inventory.json")))
            #expect(versionCopy == bytes)
            // Earlier version blocks are unchanged.
            if !previous.isEmpty {
                let old = try Inventory.decode(previous, path: "old"), new = try Inventory.decode(bytes, path: "new")
                for (name, block) in old.versions {
                    #expect(Inventory.encodedBlock(block) == new.versions[name].map(Inventory.encodedBlock))
                }
            }
            previous = bytes
        }
        let report = OCFLValidator().validate(objectAt: URL(fileURLWithPath: objectRoot))
        #expect(report.errors.isEmpty, "\(report.errors)")
        _ = temp
    }

    @Test func inventoryWrittenByAnotherToolIsReserialised() throws {
        let (temp, root) = try S.newRoot()
        let writer = OCFLObjectWriter(root: root)
        let id = "info:kho/hs-foreign"
        let objectRoot = try root.objectPath(for: id)
        for number in 1...2 {
            var changes = try writer.changes(forObject: id)
            try changes.put(S.path("f\(number).txt"), S.data("f \(number)"))
            try writer.commit(objectID: id, changes: changes, metadata: S.metadata)
        }
        // Rewrite v2's inventory (root and version copy) compact, keys in another order, as another tool might.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json")))
        let compact = try JSONSerialization.data(withJSONObject: json, options: [.withoutEscapingSlashes])
        let digester = MultiDigester([.sha512])
        compact.withUnsafeBytes { digester.update($0) }
        let sidecar = Data("\(digester.finalize()[.sha512] ?? "") inventory.json\n".utf8)
        for folder in [objectRoot, objectRoot + "/v2"] {
            try compact.write(to: URL(fileURLWithPath: folder + "/inventory.json"))
            try sidecar.write(to: URL(fileURLWithPath: folder + "/inventory.json.sha512"))
        }
        var changes = try writer.changes(forObject: id)
        try changes.put(S.path("f3.txt"), S.data("f 3"))
        try writer.commit(objectID: id, changes: changes, metadata: S.metadata)
        let (bytes, reserialised) = try Self.inventoryAndReserialised(objectRoot)
        #expect(bytes == reserialised)
        #expect(try Inventory.decode(bytes, path: "v3").versions.keys.sorted() == ["v1", "v2", "v3"])
        _ = temp
    }
}

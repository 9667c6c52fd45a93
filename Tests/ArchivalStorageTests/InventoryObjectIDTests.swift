import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

/// `Inventory.objectID(inventoryAt:)` names the object a folder holds without decoding the inventory.
@Suite struct InventoryObjectIDTests {
    typealias S = StorageTestSupport

    @Test func readsTheIDOfAWrittenObjectAndRefusesAnInventoryWithout() throws {
        let (temp, root) = try S.newRoot()
        defer { withExtendedLifetime(temp) {} }
        let id = "info:kho/hồ-sơ-\"trích\"-01"
        var changes = try OCFLObjectWriter(root: root).changes(forObject: id)
        for n in 0..<300 { try changes.put(S.path("tài liệu/\(n).txt"), S.data("nội dung \(n)")) }
        _ = try OCFLObjectWriter(root: root).commit(objectID: id, changes: changes, metadata: S.metadata)
        let objectRoot = try root.objectPath(for: id)
        #expect(try Inventory.objectID(inventoryAt: objectRoot + "/inventory.json") == id)
        #expect(try Inventory.objectID(inventoryAt: objectRoot + "/v1/inventory.json") == id)

        let noID = temp.path + "/no-id.json"
        try Data(#"{"type": "https://ocfl.io/1.1/spec/#inventory", "head": "v1", "manifest": {}}"#.utf8)
            .write(to: URL(fileURLWithPath: noID))
        #expect(throws: OCFLStorageError.self) { try Inventory.objectID(inventoryAt: noID) }
        let truncated = temp.path + "/truncated.json"
        try Data(#"{"manifest": {"abc": ["v1/content/a"#.utf8).write(to: URL(fileURLWithPath: truncated))
        #expect(throws: OCFLStorageError.self) { try Inventory.objectID(inventoryAt: truncated) }
    }
}

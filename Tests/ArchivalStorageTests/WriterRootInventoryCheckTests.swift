import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

/// The writer refuses to build a version on a root inventory that does not match its sidecar, and changes nothing.
@Suite struct WriterRootInventoryCheckTests {
    typealias S = StorageTestSupport
    static let id = "info:kho/hs-hong"

    /// An object with two versions, its root folder and the writer.
    static func object() throws -> (TemporaryDirectory, OCFLStorageRoot, OCFLObjectWriter, String) {
        let (temp, root) = try S.newRoot()
        let writer = OCFLObjectWriter(root: root)
        var v1 = try writer.changes(forObject: id)
        try v1.put(S.path("a.txt"), S.data("văn bản một / document one"))
        try writer.commit(objectID: id, changes: v1, metadata: S.metadata)
        var v2 = try writer.changes(forObject: id)
        try v2.put(S.path("b.txt"), S.data("văn bản hai / document two"))
        try writer.commit(objectID: id, changes: v2, metadata: S.metadata)
        return (temp, root, writer, try root.objectPath(for: id))
    }

    /// Every file under `folder` with its bytes, to prove a refusal changed nothing.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in S.files(under: folder) { result[file] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)) }
        return result
    }

    /// Replaces `old` by `new` in the file's bytes (same length keeps the JSON well formed).
    static func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Commits a v3 on the damaged object and checks the refusal: the rule, the file, the object, the advice, and
    /// that neither the object nor the staging area changed.
    static func expectRefusal(_ root: OCFLStorageRoot, _ writer: OCFLObjectWriter, _ objectRoot: String,
                              rule: String, file: String) throws {
        let before = try snapshot(objectRoot)
        var v3 = VersionChanges()
        try v3.put(S.path("c.txt"), S.data("văn bản ba / document three"))
        do {
            try writer.commit(objectID: id, changes: v3, metadata: S.metadata)
            Issue.record("a version was committed on a damaged root inventory")
        } catch {
            #expect(error.rule == rule)
            #expect(error.path == file)
            let text = error.message.en + " " + error.message.vi
            for part in [id, file, "OCFL rule \(rule)", "quy tắc OCFL \(rule)", "kho fixity sweep", "kho repair", "Nothing was changed"] {
                #expect(text.contains(part), "message lacks \(part): \(text)")
            }
        }
        #expect(try snapshot(objectRoot) == before)
        #expect(!FileManager.default.fileExists(atPath: objectRoot + "/v3"))
        let work = root.stagingPath + "/work"
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: work)) ?? []
        #expect(leftovers.isEmpty, "staging work left behind: \(leftovers)")
    }

    @Test("root and head inventories edited the same way (sidecars kept): E060, nothing changed")
    func editedInventoryIsRefused() throws {
        let (temp, root, writer, objectRoot) = try Self.object()
        // The same edit in both copies: recovery sees them equal and leaves them; only the sidecar tells.
        try Self.edit(objectRoot + "/inventory.json", "\"b.txt\"", "\"z.txt\"")
        try Self.edit(objectRoot + "/v2/inventory.json", "\"b.txt\"", "\"z.txt\"")
        try Self.expectRefusal(root, writer, objectRoot, rule: "E060", file: objectRoot + "/inventory.json")
        _ = temp
    }

    @Test("root and head sidecars missing: E058, nothing changed")
    func missingSidecarIsRefused() throws {
        let (temp, root, writer, objectRoot) = try Self.object()
        try FileManager.default.removeItem(atPath: objectRoot + "/inventory.json.sha512")
        try FileManager.default.removeItem(atPath: objectRoot + "/v2/inventory.json.sha512")
        try Self.expectRefusal(root, writer, objectRoot, rule: "E058", file: objectRoot + "/inventory.json.<alg>")
        _ = temp
    }

    @Test("root and head sidecars garbled the same way: E061, nothing changed")
    func malformedSidecarIsRefused() throws {
        let (temp, root, writer, objectRoot) = try Self.object()
        for folder in [objectRoot, objectRoot + "/v2"] {
            try Data("not a digest inventory.json\n".utf8).write(to: URL(fileURLWithPath: folder + "/inventory.json.sha512"))
        }
        try Self.expectRefusal(root, writer, objectRoot, rule: "E061", file: objectRoot + "/inventory.json.sha512")
        _ = temp
    }

    @Test("only the root inventory edited: refused (not healed silently), then repaired from the head copy with a record, then v3")
    func rootOnlyDamageIsRefusedThenRepairedFromTheHeadCopy() throws {
        let (temp, root, writer, objectRoot) = try Self.object()
        try Self.edit(objectRoot + "/inventory.json", "\"b.txt\"", "\"z.txt\"")
        // The writer's recovery must not copy the head version's inventory over the damage: that would hide it.
        try Self.expectRefusal(root, writer, objectRoot, rule: "E060", file: objectRoot + "/inventory.json")
        let damage = ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot).damage
        #expect(damage.map(\.kind) == [.inventoryDamaged] && damage.map(\.path) == ["inventory.json"], "\(damage)")
        // No replica: the repair takes the object's own verified head-version copy and says so.
        let report = ObjectRepairer(target: root, candidates: []).repair(objectID: Self.id, damage: damage, evidenceFolder: temp.path + "/evidence")
        #expect(report.unrecoverable.isEmpty)
        #expect(report.repaired.map(\.action) == ["inventoryRestoredWithinObject"])
        #expect(report.repaired.map(\.sourceRoot) == [root.path])
        #expect(FileManager.default.contentsEqual(atPath: objectRoot + "/inventory.json", andPath: objectRoot + "/v2/inventory.json"))
        #expect(S.files(under: temp.path + "/evidence").contains { $0.hasSuffix("inventory.json") }, "the damaged copy is kept as evidence")
        var changes = try writer.changes(forObject: Self.id)
        try changes.put(S.path("c.txt"), S.data("văn bản ba / document three"))
        let result = try writer.commit(objectID: Self.id, changes: changes, metadata: S.metadata)
        #expect(result.version == "v3")
        #expect(Set(try root.object(Self.id).state().keys.map(\.string)) == ["a.txt", "b.txt", "c.txt"])
        let validation = OCFLValidator(options: .init(checkDigests: true)).validate(storageRootAt: URL(fileURLWithPath: root.path))
        #expect(validation.isValid, "\(validation.errors.map(\.line))")
    }

    @Test("the head version's inventory lost: the intact root inventory is never rolled back to the older version")
    func lostHeadInventoryIsNotRolledBack() throws {
        let (temp, _, writer, objectRoot) = try Self.object()
        let rootInventory = try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json"))
        try FileManager.default.removeItem(atPath: objectRoot + "/v2/inventory.json")
        var changes = VersionChanges()
        try changes.put(S.path("c.txt"), S.data("văn bản ba / document three"))
        _ = try? writer.commit(objectID: Self.id, changes: changes, metadata: S.metadata)
        let after = try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json"))
        let head = (try JSONSerialization.jsonObject(with: after) as? [String: Any])?["head"] as? String
        #expect(head != "v1", "the root inventory was rolled back to v1")
        if head == "v2" { #expect(after == rootInventory) }
        // Whatever the commit did, the sweep still names the lost inventory and repair restores it from the root.
        let damage = ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot).damage
        #expect(damage.contains { $0.path == "v2/inventory.json" }, "\(damage)")
        _ = temp
    }
}

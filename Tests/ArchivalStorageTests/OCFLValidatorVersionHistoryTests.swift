@testable import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

/// Objects with a version history (hồ sơ bổ sung, thay thế): large inventories are read in parts
/// (`InventorySplit`, the version states kept compact), and each older inventory is compared with the root's
/// (E066, E064, W010, digests of another algorithm). Each case is also run through `kho` with every inventory
/// split (`KHO_OCFL_SPLIT_FROM=0`), which must print the same.
@Suite struct OCFLValidatorVersionHistoryTests {
    typealias S = StorageTestSupport
    static let id = "info:kho/lich-su-0001"

    /// Four versions: v2 renames, v3 replaces, v4 removes and adds.
    func historyObject(versions: Int = 4) throws -> (TemporaryDirectory, String) {
        let (temp, root) = try S.newRoot()
        let writer = OCFLObjectWriter(root: root)
        var v1 = try writer.changes(forObject: Self.id)
        try v1.put(S.path("hồ sơ/a.txt"), S.data("một / one"))
        try v1.put(S.path("hồ sơ/b.txt"), S.data("hai / two"))
        try v1.put(S.path("c.txt"), S.data("ba / three"))
        try writer.commit(objectID: Self.id, changes: v1, metadata: S.metadata)
        let edits: [(inout VersionChanges) throws -> Void] = [
            { try $0.rename(S.path("hồ sơ/a.txt"), to: S.path("đã chỉnh lý/a.txt")) },
            { $0.put(try S.path("hồ sơ/b.txt"), S.data("hai, thay thế / two, replaced")) },
            { try $0.remove(S.path("c.txt")); $0.put(try S.path("bổ sung/d.txt"), S.data("bốn / four")) },
        ]
        for edit in edits.prefix(versions - 1) {
            var changes = try writer.changes(forObject: Self.id)
            try edit(&changes)
            try writer.commit(objectID: Self.id, changes: changes, metadata: S.metadata)
        }
        return (temp, try root.objectPath(for: Self.id))
    }

    /// Rewrites `folder/inventory.json` as JSON edited by `edit`, with a fresh sidecar for `algorithm`.
    func editInventory(_ folder: String, algorithm: DigestAlgorithm = .sha512, _ edit: (inout [String: Any]) throws -> Void) throws {
        let url = URL(fileURLWithPath: folder + "/inventory.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        try edit(&json)
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .withoutEscapingSlashes])
        try data.write(to: url)
        for old in try FileManager.default.contentsOfDirectory(atPath: folder) where old.hasPrefix("inventory.json.") {
            try FileManager.default.removeItem(atPath: folder + "/" + old)
        }
        let d = MultiDigester([algorithm])
        [UInt8](data).withUnsafeBytes { d.update($0) }
        try Data("\(d.finalize()[algorithm] ?? "")  inventory.json\n".utf8).write(to: URL(fileURLWithPath: folder + "/inventory.json.\(algorithm.rawValue)"))
    }

    /// Rewrites the v1 state of the inventory in `folder` so that `hồ sơ/a.txt` and `c.txt` swap their content.
    func swapContentsOfAAndCInV1(of folder: String) throws {
        try editInventory(folder) { json in
            var v1 = try state(json, "v1")
            let a = try #require(v1.first { $0.value == ["hồ sơ/a.txt"] }?.key)
            let c = try #require(v1.first { $0.value == ["c.txt"] }?.key)
            v1[a] = ["c.txt"]
            v1[c] = ["hồ sơ/a.txt"]
            setState(&json, "v1", v1)
        }
    }

    func validate(_ object: String) -> ValidationReport { OCFLValidator().validate(objectAt: URL(fileURLWithPath: object)) }

    func state(_ json: [String: Any], _ version: String) throws -> [String: [String]] {
        let versions = try #require(json["versions"] as? [String: Any])
        let block = try #require(versions[version] as? [String: Any])
        return try #require(block["state"] as? [String: [String]])
    }

    func setState(_ json: inout [String: Any], _ version: String, _ state: [String: [String]]) {
        var versions = json["versions"] as? [String: Any] ?? [:]
        var block = versions[version] as? [String: Any] ?? [:]
        block["state"] = state
        versions[version] = block
        json["versions"] = versions
    }

    @Test func historyObjectIsValid() throws {
        let (temp, object) = try historyObject()
        _ = temp
        try expectSameWhenSplit(object)
        let report = validate(object)
        #expect(report.isValid, "\(report.findings.map(\.line))")
        // a, b, c, b replaced, d: five contents, each hashed once.
        #expect(report.filesHashed == 5)
    }

    /// Every inventory of the object read in parts gives what reading it whole gives: findings, header, manifest,
    /// fixity, version metadata, the states (kept compact) and the file's digest.
    @Test func splitReadingEqualsWholeReading() throws {
        let (temp, object) = try historyObject()
        _ = temp
        for (directory, file) in [(nil, "inventory.json")] + (1...4).map({ ("v\($0)", "v\($0)/inventory.json") }) {
            let path = object + "/" + file
            let source = try #require(InventorySource(path: path, splitFrom: 0))
            let split = try #require(source.split)
            let check = InventoryCheck(label: file, declaredVersion: .v1_1, versionDirectory: directory)
            var a = FindingCollector(version: .v1_1), b = FindingCollector(version: .v1_1)
            let parts = check.run(source, &a)
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let whole = check.run(bytes, &b)
            #expect(a.findings.map(\.line) == b.findings.map(\.line))
            #expect(parts.released?.count == bytes.count && parts.bytes.isEmpty && split.skeleton.count < bytes.count)
            #expect(parts.fileDigest == DigestAlgorithm.sha512.digest(bytes))
            #expect(parts.hasSameBytes(as: whole) && whole.hasSameBytes(as: parts) && parts.hasBytes(ofFile: path))
            #expect(parts.id == whole.id && parts.head == whole.head && parts.digestAlgorithm == whole.digestAlgorithm)
            #expect(parts.manifest.entries.count == whole.manifest.entries.count && parts.fixity.count == whole.fixity.count)
            #expect(parts.versions.map(\.name) == whole.versions.map(\.name))
            #expect(parts.versions.map(\.created) == whole.versions.map(\.created))
            #expect(parts.unusedManifestKeys == [])
            let states = try #require(parts.states)
            let tape = try #require(whole.tape)
            for v in whole.versions {
                let s = try #require(states.state(v.name))
                #expect(s.distinct == v.state.entries.count)
                for e in v.state.entries {
                    let p = try #require(tape.withBytes(Int(e.path)) { states.pathID($0) })
                    #expect(states.digest(ofPath: p, in: s) == tape.withBytes(Int(e.digest)) { states.digests.find($0) })
                }
            }
        }
    }

    /// Every inventory of the OCFL fixtures (valid and broken) gives the same findings read in parts as whole.
    @Test func fixtureInventoriesGiveTheSameFindingsSplit() throws {
        let fixtures = TestEnvironment.corpus("ocfl-fixtures")
        var checked = 0
        for spec in ["1.0", "1.1"] {
            let base = fixtures.appendingPathComponent(spec).path
            let version: OCFLSpecVersion = spec == "1.0" ? .v1_0 : .v1_1
            guard let walker = FileManager.default.enumerator(atPath: base) else { continue }
            while let relative = walker.nextObject() as? String {
                guard relative.hasSuffix("/inventory.json") || relative == "inventory.json" else { continue }
                let path = base + "/" + relative
                let parent = (relative as NSString).deletingLastPathComponent
                let directory = PathRules.versionNumber((parent as NSString).lastPathComponent) != nil ? (parent as NSString).lastPathComponent : nil
                guard let source = InventorySource(path: path, splitFrom: 0) else { continue }
                let check = InventoryCheck(label: relative, declaredVersion: version, versionDirectory: directory)
                var a = FindingCollector(version: version), b = FindingCollector(version: version)
                _ = check.run(source, &a)
                _ = check.run(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), &b)
                #expect(a.findings.map(\.line) == b.findings.map(\.line), "\(relative)")
                if source.split != nil { checked += 1 }
            }
        }
        #expect(checked > 200)
    }

    /// Hashing starts from the root inventory's skeleton when it is read in parts: an altered and a missing file are
    /// found the same way as when it is read whole.
    @Test func damagedContentIsFoundTheSameWhenSplit() throws {
        let (temp, object) = try historyObject()
        _ = temp
        let content = try #require(S.files(under: object).first { $0.hasSuffix("a.txt") })
        try Data("sửa / altered".utf8).write(to: URL(fileURLWithPath: object + "/" + content))
        let removed = try #require(S.files(under: object).first { $0.hasSuffix("d.txt") })
        try FileManager.default.removeItem(atPath: object + "/" + removed)
        try expectSameWhenSplit(object)
        let split = try runKho(["ocfl", "validate", object], environment: ["KHO_OCFL_SPLIT_FROM": "0"])
        #expect(split.status == 1)
        #expect(split.stdout.contains("E092 [\(content)]"), "\(split.stdout)")
        #expect(split.stdout.contains("E092 [\(removed)]"), "\(split.stdout)")
    }

    /// The whole object validated by `kho` with every inventory read in parts prints what it prints by default.
    func expectSameWhenSplit(_ object: String) throws {
        let whole = try runKho(["ocfl", "validate", object])
        let split = try runKho(["ocfl", "validate", object], environment: ["KHO_OCFL_SPLIT_FROM": "0"])
        #expect(whole.status == split.status && whole.stdout == split.stdout && whole.stderr == split.stderr)
    }

    /// An older inventory whose state of v1 gives a logical path other content than the root's says: E066.
    @Test func olderStateWithOtherContentIsE066() throws {
        let (temp, object) = try historyObject()
        _ = temp
        try swapContentsOfAAndCInV1(of: object + "/v2")
        try expectSameWhenSplit(object)
        let e066 = validate(object).findings.filter { $0.code == "E066" }
        #expect(e066.count == 2)
        #expect(e066.allSatisfy { $0.path == "v2/inventory.json" && $0.message.en.contains("version v1 logical path") })
        #expect(e066.contains { $0.message.en.contains("'hồ sơ/a.txt' has different content") })
    }

    /// An older inventory whose state of v2 lacks a logical path of the root's v2: E066 (different paths).
    @Test func olderStateWithOtherPathsIsE066() throws {
        let (temp, object) = try historyObject()
        _ = temp
        try editInventory(object + "/v3") { json in
            var v2 = try state(json, "v2")
            let c = try #require(v2.first { $0.value == ["c.txt"] }?.key)
            v2[c] = ["c-renamed.txt"]
            setState(&json, "v2", v2)
        }
        try expectSameWhenSplit(object)
        let e066 = validate(object).findings.filter { $0.code == "E066" }
        #expect(e066.map(\.path) == ["v3/inventory.json"])
        #expect(e066.first?.message.en.contains("version v2 has different logical paths") == true)
    }

    /// The head inventory differs from the root one: E064.
    @Test func headInventoryDifferentFromReleasedRootIsE064() throws {
        let (temp, object) = try historyObject()
        _ = temp
        try editInventory(object + "/v4") { json in
            var v4 = try #require((json["versions"] as? [String: Any])?["v4"] as? [String: Any])
            v4["message"] = "sửa / edited"
            var versions = try #require(json["versions"] as? [String: Any])
            versions["v4"] = v4
            json["versions"] = versions
        }
        try expectSameWhenSplit(object)
        let findings = validate(object).findings
        #expect(findings.filter { $0.code == "E064" }.map(\.path) == ["v4/inventory.json"])
        #expect(findings.contains { $0.code == "W011" && $0.path == "v4/inventory.json" })
    }

    /// With no root sidecar, the head copy's sidecar is still checked against its bytes (hashed from the copy).
    @Test func headSidecarCheckedWhenRootSidecarMissing() throws {
        let (temp, object) = try historyObject()
        _ = temp
        try FileManager.default.removeItem(atPath: object + "/inventory.json.sha512")
        try expectSameWhenSplit(object)
        var findings = validate(object).findings
        #expect(findings.filter { $0.code == "E058" }.map(\.path) == ["inventory.json.sha512"])
        #expect(!findings.contains { $0.code == "E060" })
        try Data("\(String(repeating: "0", count: 128))  inventory.json\n".utf8).write(to: URL(fileURLWithPath: object + "/v4/inventory.json.sha512"))
        try expectSameWhenSplit(object)
        findings = validate(object).findings
        #expect(findings.filter { $0.code == "E060" }.map(\.path) == ["v4/inventory.json.sha512"])
    }

    /// A missing older inventory is W010 and nothing else; the others are still compared.
    @Test func missingOlderInventoryIsW010() throws {
        let (temp, object) = try historyObject()
        _ = temp
        try FileManager.default.removeItem(atPath: object + "/v2/inventory.json")
        try FileManager.default.removeItem(atPath: object + "/v2/inventory.json.sha512")
        try expectSameWhenSplit(object)
        let report = validate(object)
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.findings.filter { $0.code == "W010" }.map(\.path) == ["v2/inventory.json"])
    }

    /// An older inventory in sha256 (its manifest re-keyed from Kho's sha256 fixity) describes the same content:
    /// no E066; giving a path another file's sha256 is E066, found through the content paths.
    @Test(arguments: [false, true]) func olderInventoryInAnotherAlgorithm(swapContent: Bool) throws {
        let (temp, object) = try historyObject()
        _ = temp
        try editInventory(object + "/v2", algorithm: .sha256) { json in
            let fixity = try #require((json["fixity"] as? [String: Any])?["sha256"] as? [String: [String]])
            let sha256OfPath = Dictionary(uniqueKeysWithValues: fixity.flatMap { d, paths in paths.map { ($0, d) } })
            let manifest = try #require(json["manifest"] as? [String: [String]])
            var sha256Of: [String: String] = [:]
            var rekeyed: [String: [String]] = [:]
            for (d, paths) in manifest {
                let s = try #require(sha256OfPath[paths[0]])
                sha256Of[d] = s
                rekeyed[s] = paths
            }
            json["manifest"] = rekeyed
            json["digestAlgorithm"] = "sha256"
            json.removeValue(forKey: "fixity")
            for v in ["v1", "v2"] {
                var st = Dictionary(uniqueKeysWithValues: try state(json, v).map { (sha256Of[$0.key] ?? $0.key, $0.value) })
                if swapContent, v == "v1" {
                    let a = try #require(st.first { $0.value == ["hồ sơ/a.txt"] }?.key)
                    let b = try #require(st.first { $0.value == ["hồ sơ/b.txt"] }?.key)
                    st[a] = ["hồ sơ/b.txt"]
                    st[b] = ["hồ sơ/a.txt"]
                }
                setState(&json, v, st)
            }
        }
        try expectSameWhenSplit(object)
        let findings = validate(object).findings
        #expect(findings.contains { $0.code == "W004" && $0.path == "v2/inventory.json" })
        let e066 = findings.filter { $0.code == "E066" }
        if swapContent {
            #expect(e066.count == 2 && e066.allSatisfy { $0.path == "v2/inventory.json" })
        } else {
            #expect(e066.isEmpty, "\(e066.map(\.line))")
            #expect(findings.isValid, "\(findings.map(\.line))")
        }
    }

    /// Two versions: the same edit of the only older inventory gives the same findings.
    @Test func twoVersionObjectComparesTheSameWay() throws {
        let (temp, object) = try historyObject(versions: 2)
        _ = temp
        #expect(validate(object).isValid)
        try swapContentsOfAAndCInV1(of: object + "/v1")
        try expectSameWhenSplit(object)
        let e066 = validate(object).findings.filter { $0.code == "E066" }
        #expect(e066.count == 2 && e066.allSatisfy { $0.path == "v1/inventory.json" })
    }

    /// The node count the tape reserves from: quotes and openings counted 8 bytes at a time, as one by one.
    @Test func quotesAndOpeningsCountedByWords() {
        var random = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 1000] {
            let alphabet = Array("\"{[]}a \\:,".utf8) + [0xA2, 0xDB, 0xFB, 0x22 | 0x80]
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &random) ?? 0 }
            let counted = bytes.withUnsafeBufferPointer { JSONTape.countQuotesAndOpenings($0) }
            #expect(counted.quotes == bytes.filter { $0 == 0x22 }.count)
            #expect(counted.openings == bytes.filter { $0 == 0x7B || $0 == 0x5B }.count)
        }
    }

    /// An older inventory that also lists a later version (v2's inventory with the root's v3 block): compared with
    /// the root's v3 like any other version. Read whole, read in parts, and read in parts beside a root read whole
    /// (the root's states are then taken only up to v2 first, and the inventory is read again whole).
    @Test func olderInventoryListingALaterVersion() throws {
        let (temp, object) = try historyObject()
        _ = temp
        let rootJSON = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: object + "/inventory.json"))) as? [String: Any])
        let rootVersions = try #require(rootJSON["versions"] as? [String: Any])
        let rootManifest = try #require(rootJSON["manifest"] as? [String: [String]])
        try editInventory(object + "/v2") { json in
            var versions = try #require(json["versions"] as? [String: Any])
            versions["v3"] = rootVersions["v3"]
            // Long enough that this inventory is larger than the root's (a W011 for v1 on the way).
            var v1 = try #require(versions["v1"] as? [String: Any])
            v1["message"] = String(repeating: "Bổ sung hồ sơ. ", count: 400)
            versions["v1"] = v1
            json["versions"] = versions
            var manifest = try #require(json["manifest"] as? [String: [String]])
            for (d, paths) in rootManifest where paths.allSatisfy({ $0.hasPrefix("v3/") }) { manifest[d] = paths }
            json["manifest"] = manifest
        }
        let findings = validate(object).findings
        #expect(!findings.contains { $0.code == "E066" }, "\(findings.map(\.line))")
        #expect(findings.contains { $0.code == "W011" && $0.path == "v2/inventory.json" })
        try expectSameWhenSplit(object)
        let olderSize = try #require(try FileManager.default.attributesOfItem(atPath: object + "/v2/inventory.json")[.size] as? Int)
        let rootSize = try #require(try FileManager.default.attributesOfItem(atPath: object + "/inventory.json")[.size] as? Int)
        #expect(olderSize > rootSize)
        let whole = try runKho(["ocfl", "validate", object])
        let olderOnly = try runKho(["ocfl", "validate", object], environment: ["KHO_OCFL_SPLIT_FROM": String(olderSize)])
        #expect(whole.stdout == olderOnly.stdout && whole.stderr == olderOnly.stderr)
    }
}

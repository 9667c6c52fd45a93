@testable import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

/// The validator's compact machinery on real objects written by Kho: digest claims gathered from version
/// inventories after hashing has started, absent files, `checkFixity`, and the byte-keyed index and tape.
@Suite struct OCFLValidatorDigestPlanTests {
    typealias S = StorageTestSupport

    /// A two-version object (v2 renames a file and adds one), its folder and the root kept alive.
    func twoVersionObject() throws -> (TemporaryDirectory, String) {
        let (temp, root) = try S.newRoot()
        let writer = OCFLObjectWriter(root: root)
        let id = "info:kho/plan-0001"
        var v1 = try writer.changes(forObject: id)
        try v1.put(S.path("hồ sơ/a.txt"), S.data("một / one"))
        try v1.put(S.path("hồ sơ/b.txt"), S.data("hai / two"))
        try writer.commit(objectID: id, changes: v1, metadata: S.metadata)
        var v2 = try writer.changes(forObject: id)
        try v2.rename(S.path("hồ sơ/a.txt"), to: S.path("đổi tên/a.txt"))
        try v2.put(S.path("c.txt"), S.data("ba / three"))
        try writer.commit(objectID: id, changes: v2, metadata: S.metadata)
        return (temp, try root.objectPath(for: id))
    }

    /// Rewrites `folder/inventory.json` through `edit` and fixes its sidecar.
    func editInventory(_ folder: String, _ edit: (String) -> String) throws {
        let url = URL(fileURLWithPath: folder + "/inventory.json")
        let text = edit(try String(contentsOf: url, encoding: .utf8))
        try Data(text.utf8).write(to: url)
        let d = MultiDigester([.sha512])
        Array(text.utf8).withUnsafeBytes { d.update($0) }
        try Data("\(d.finalize()[.sha512] ?? "")  inventory.json\n".utf8).write(to: URL(fileURLWithPath: folder + "/inventory.json.sha512"))
    }

    @Test func khoObjectIsValidAndEveryFileHashedOnce() throws {
        let (temp, object) = try twoVersionObject()
        _ = temp
        let report = OCFLValidator().validate(objectAt: URL(fileURLWithPath: object))
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.filesHashed == 3)
    }

    /// A claim that only an older version inventory makes (its own fixity value) about a file the root's claims
    /// already had hashed must still be checked: the file is hashed again with it.
    @Test func olderInventoryFixityClaimIsChecked() throws {
        let (temp, object) = try twoVersionObject()
        _ = temp
        let content = try String(contentsOf: URL(fileURLWithPath: object + "/inventory.json"), encoding: .utf8)
        let sha256OfOne = try #require(Self.fixityDigest(of: "v1/content/hồ sơ/b.txt", in: content))
        let wrong = String(repeating: "0", count: 64)
        try editInventory(object + "/v1") { $0.replacingOccurrences(of: sha256OfOne, with: wrong) }
        let report = OCFLValidator().validate(objectAt: URL(fileURLWithPath: object))
        let e093 = report.findings.filter { $0.code == "E093" }
        #expect(e093.count == 1)
        #expect(e093.first?.path == "v1/content/hồ sơ/b.txt")
        #expect(e093.first?.message.en.contains("v1/inventory.json fixity.sha256 says sha256 \(wrong)") == true)
        #expect(e093.first?.message.en.contains("file has \(sha256OfOne)") == true)
    }

    /// Hashing starts before the walk: a manifest file that is not on disk is "does not exist", never "cannot be read".
    @Test func missingContentIsReportedOnceAsAbsent() throws {
        let (temp, object) = try twoVersionObject()
        _ = temp
        try FileManager.default.removeItem(atPath: object + "/v2/content/c.txt")
        let report = OCFLValidator().validate(objectAt: URL(fileURLWithPath: object))
        let e092 = report.findings.filter { $0.code == "E092" }
        #expect(e092.map(\.path) == ["v2/content/c.txt"])
        #expect(e092.first?.message.en.contains("does not exist") == true)
        #expect(!report.findings.contains { $0.message.en.contains("cannot be read") })
        #expect(report.filesHashed == 2)
    }

    @Test func checkFixityOffSkipsOnlyFixity() throws {
        let fixtures = TestEnvironment.corpus("ocfl-fixtures").appendingPathComponent("1.1/bad-objects")
        let noFixity = OCFLValidator(options: .init(checkFixity: false))
        let fixity = noFixity.validate(objectAt: fixtures.appendingPathComponent("E093_fixity_digest_mismatch"))
        #expect(fixity.isValid)
        #expect(fixity.codes.contains("KHO-OCFL-FIXITY-SKIPPED"))
        let manifest = noFixity.validate(objectAt: fixtures.appendingPathComponent("E092_content_file_digest_mismatch"))
        #expect(manifest.codes.contains("E092"))
        #expect(OCFLValidator().validate(objectAt: fixtures.appendingPathComponent("E093_fixity_digest_mismatch")).codes.contains("E093"))
    }

    @Test func byteKeyIndexGrowsFoldsCaseAndKeepsFirstOrLast() throws {
        var text = "["
        for i in 0..<5000 { text += "\"v1/content/tệp \(i).txt\"," }
        text += "\"v1/content/tệp 7.txt\", \"ABCdef\", \"abcDEF\"]"
        let tape = try JSONTape(parsing: Array(text.utf8))
        var nodes: [UInt32] = []
        tape.forEachElement(0) { nodes.append(UInt32($0)) }
        let first = TapeStringIndex(tape, nodes: nodes)
        let last = TapeStringIndex(tape, nodes: nodes, lastWins: true)
        #expect(first.count == 5002)
        #expect(first.find("v1/content/tệp 7.txt") == 7)
        #expect(last.find("v1/content/tệp 7.txt") == 5000)
        #expect(first.find("v1/content/tệp 5000.txt") == nil)
        #expect(first.find("abcdef") == nil)
        let folded = TapeStringIndex(tape, nodes: nodes, foldingCase: true)
        #expect(folded.find("abcdef") == 5001)
        #expect(folded.count == 5001)
        // NFD spelling of the same name is another key.
        #expect(first.find("v1/content/te\u{0323}\u{0302}p 7.txt") == nil)
    }

    @Test(arguments: [[0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xE1, 0xBB, 0x22]] as [[UInt8]])
    func tapeRejectsMalformedUTF8(_ bytes: [UInt8]) {
        #expect(throws: JSONSyntaxError.self) { try JSONTape(parsing: bytes) }
    }

    @Test func tapeKeepsVietnameseAndEscapes() throws {
        let tape = try JSONTape(parsing: Array(#"{"hồ sơ": "Đảng ủy", "e": "a\"b\u00e9", "n": -1.5e2}"#.utf8))
        #expect(tape.member(0, "hồ sơ").map(tape.string) == "Đảng ủy")
        #expect(tape.member(0, "e").map(tape.string) == "a\"bé")
        #expect(tape.value(0)["n"] == .number(-150))
    }

    /// Hashing starts from the claims read as soon as the root inventory parses; they are used only when the checks
    /// read the same. Over every inventory of the OCFL fixtures, valid and broken, the two reads agree, so the early
    /// start never changes what is hashed or reported.
    @Test func earlyClaimsAreTheCheckedClaimsForEveryFixtureInventory() throws {
        let fixtures = TestEnvironment.corpus("ocfl-fixtures")
        var compared = 0, withFixity = 0, split = 0
        for spec in ["1.0", "1.1"] {
            let base = fixtures.appendingPathComponent(spec).path
            let version: OCFLSpecVersion = spec == "1.0" ? .v1_0 : .v1_1
            let walker = try #require(FileManager.default.enumerator(atPath: base))
            while let relative = walker.nextObject() as? String {
                guard relative.hasSuffix("/inventory.json") else { continue }
                let path = base + "/" + relative
                let check = InventoryCheck(label: relative, declaredVersion: version, versionDirectory: nil)
                // Read whole, and in parts (the early read then sees the skeleton, or the whole file when the split
                // is given up): the claims of the last document parsed are the checked ones.
                for source in [InventorySource(path: path, splitFrom: .max), InventorySource(path: path, splitFrom: 0)] {
                    let source = try #require(source)
                    var out = FindingCollector(version: version)
                    var early: DigestClaims?
                    let inventory = check.run(source, &out) { early = check.digestClaims(in: $0) }
                    guard inventory.usable else {
                        #expect(early == nil, "\(relative): not parsed, yet claims were read")
                        continue
                    }
                    #expect(early == inventory.claims, "\(relative)")
                    compared += 1
                    if source.split != nil { split += 1 }
                    if !inventory.fixity.isEmpty { withFixity += 1 }
                }
            }
        }
        #expect(compared > 500)
        #expect(split > 200)
        #expect(withFixity > 10)
    }

    /// Early hashing that is dropped stops handing out files and waits only for those being read: at 100 KB/s the
    /// 200 KB of this object would take two seconds, and fewer bytes than that are read.
    @Test func abandonedEarlyHashingStops() throws {
        let (temp, root) = try S.newRoot()
        _ = temp
        let writer = OCFLObjectWriter(root: root)
        var changes = try writer.changes(forObject: "info:kho/abandon")
        for n in 0..<200 { try changes.put(S.path("tệp \(n).txt"), .data(Data(repeating: UInt8(n % 251), count: 1000))) }
        try writer.commit(objectID: "info:kho/abandon", changes: changes, metadata: S.metadata)
        let object = try root.objectPath(for: "info:kho/abandon")
        let source = try #require(InventorySource(path: object + "/inventory.json"))
        var out = FindingCollector(version: .v1_1)
        let inventory = InventoryCheck(label: "inventory.json", declaredVersion: .v1_1, versionDirectory: nil).run(source, &out)
        var plan = DigestPlan()
        plan.add(inventory, label: "inventory.json")
        #expect(plan.jobs.count == 200)
        var options = OCFLValidator.Options(checkDigests: true)
        options.rateLimiter = ByteRateLimiter(bytesPerSecond: 100_000)
        let started = ContentDigestCheck(root: object, options: options, prefix: "").start(plan)
        started.abandon()
        #expect(started.jobsLeft == 0)
        #expect(started.bytesRead < 200 * 1000, "\(started.bytesRead) bytes read after abandoning")
    }

    /// The sha256 fixity digest listed for `path` in an inventory written by Kho.
    static func fixityDigest(of path: String, in inventory: String) -> String? {
        guard let data = inventory.data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let fixity = (json["fixity"] as? [String: Any])?["sha256"] as? [String: [String]] else { return nil }
        return fixity.first { $0.value.contains { Array($0.utf8) == Array(path.utf8) } }?.key
    }
}

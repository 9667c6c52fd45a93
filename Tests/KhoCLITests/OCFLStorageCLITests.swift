import Foundation
import KhoTestSupport
import Testing

/// `kho ocfl init|commit|ls|cat|export` run as an archivist would, on real folders.
@Suite struct OCFLStorageCLITests {
    typealias S = OCFLStorageCLISupport

    @Test func initCommitListCatExportRoundTrip() throws {
        let temp = try TemporaryDirectory("kho-cli-ocfl")
        let root = temp.path + "/ocfl", source = temp.path + "/hs-001"
        let first = ["Quyết định/QĐ-01.txt": "Quyết định số 01", "Tờ trình.txt": "Tờ trình", "bản sao.txt": "Tờ trình"]
        try S.write(first, under: source)
        let initResult = try runKho(["ocfl", "init", root])
        #expect(initResult.status == 0, "\(initResult.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/extensions/0004-hashed-n-tuple-storage-layout/config.json"))
        let id = "info:kho/hs-001"
        let commit1 = try runKho(["ocfl", "commit", root, id, source, "--message", "Nộp lưu lần 1",
                                  "--user-name", "Nguyễn Văn A", "--user-address", "mailto:a@example.vn"])
        #expect(commit1.status == 0, "\(commit1.stderr)")
        #expect(commit1.stdout.contains("v1"))
        try FileManager.default.removeItem(atPath: source + "/bản sao.txt")
        try S.write(["Phụ lục/PL-01.txt": "Phụ lục"], under: source)
        let commit2 = try runKho(["ocfl", "commit", root, id, source, "--message", "Bổ sung"])
        #expect(commit2.status == 0, "\(commit2.stderr)")

        let objects = try runKho(["ocfl", "ls", root])
        #expect(objects.stdout == id + "\n")
        let versions = try runKho(["ocfl", "ls", root, id])
        #expect(versions.stdout.contains("v1\t"))
        #expect(versions.stdout.contains("v2 (head)"))
        #expect(versions.stdout.contains("Nguyễn Văn A <mailto:a@example.vn>"))
        #expect(versions.stdout.contains("Nộp lưu lần 1"))
        let v1Files = try runKho(["ocfl", "ls", root, id, "--version", "v1"])
        #expect(v1Files.stdout.split(separator: "\n").count == 3)
        #expect(v1Files.stdout.contains("bản sao.txt"))
        let cat = try runKho(["ocfl", "cat", root, id, "Quyết định/QĐ-01.txt"])
        #expect(cat.status == 0)
        #expect(cat.stdout == "Quyết định số 01")
        let oldCopy = try runKho(["ocfl", "cat", root, id, "bản sao.txt", "--version", "v1"])
        #expect(oldCopy.stdout == "Tờ trình")
        let gone = try runKho(["ocfl", "cat", root, id, "bản sao.txt"])
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("KHO-OCFL-NO-FILE"))

        let export = temp.path + "/export-v1"
        let exported = try runKho(["ocfl", "export", root, id, export, "--version", "v1"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let expected = Dictionary(uniqueKeysWithValues: first.map { (Array($0.key.utf8), Data($0.value.utf8)) })
        #expect(S.snapshot(export) == expected)
        #expect(S.snapshot(source).count == 3)  // the source is never modified
    }

    @Test func failuresExitOneAndUsageExitsTwo() throws {
        let temp = try TemporaryDirectory("kho-cli-ocfl-errors")
        let missing = try runKho(["ocfl", "ls", temp.path + "/no-root"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("E069"))
        let usage = try runKho(["ocfl", "init"])
        #expect(usage.status == 2)
        let badLayout = try runKho(["ocfl", "init", temp.path + "/r", "--layout", "9999"])
        #expect(badLayout.status == 2)
        #expect(try runKho(["ocfl", "init", temp.path + "/r", "--layout", "0002"]).status == 0)
        let noObject = try runKho(["ocfl", "ls", temp.path + "/r", "info:kho/none"])
        #expect(noObject.status == 1)
    }

    @Test func commitRefusesNFCCollidingNamesInSourceFolder() throws {
        let temp = try TemporaryDirectory("kho-cli-ocfl-nfc")
        let root = temp.path + "/ocfl", source = temp.path + "/src"
        let name = "Nghị quyết.txt"
        // Two writes: as Dictionary keys the NFC and NFD spellings would be the same key.
        try S.write([name.precomposedStringWithCanonicalMapping: "NFC"], under: source)
        try S.write([name.decomposedStringWithCanonicalMapping: "NFD"], under: source)
        #expect(S.snapshot(source).count == 2)
        #expect(try runKho(["ocfl", "init", root]).status == 0)
        let result = try runKho(["ocfl", "commit", root, "info:kho/nfc", source])
        #expect(result.status == 1)
        #expect(result.stderr.contains("KHO-NFC-COLLISION"))
        #expect(try runKho(["ocfl", "ls", root]).stdout.isEmpty)
    }
}

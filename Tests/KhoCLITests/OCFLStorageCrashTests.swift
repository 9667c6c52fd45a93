import Foundation
import KhoTestSupport
import Testing

/// Crash safety (DESIGN invariant 2): `kho ocfl commit` is killed with SIGKILL at every durable step of a commit
/// (the writer's test hook `KHO_TEST_CRASH_AT=N` prints a marker at its N-th step and blocks). After each kill,
/// reopening the root must leave the object at the old head or the new head exactly, valid for ocfl-py, and the
/// next commit must succeed.
@Suite(.serialized) struct OCFLStorageCrashTests {
    typealias S = OCFLStorageCLISupport

    /// Runs kho with the crash hook `KHO_TEST_CRASH_AT`; the marker line if the step was reached (the process is then dead).
    func runUntilCrashPoint(_ arguments: [String], step: Int) throws -> (marker: String?, status: Int32) {
        try runKhoUntilCrashPoint(arguments, hookVariable: "KHO_TEST_CRASH_AT", point: step)
    }

    func copyTree(_ from: String, _ to: String) throws {
        try FileManager.default.copyItem(atPath: from, toPath: to)
    }

    @Test func killedAtEveryStepOfANewVersionLeavesOldOrNewHead() throws {
        _ = try S.referenceValidator()
        let temp = try TemporaryDirectory("kho-crash")
        let template = temp.path + "/template", src1 = temp.path + "/src1", src2 = temp.path + "/src2"
        let id = "info:kho:hs-crash"
        var v1: [String: String] = ["Hồ sơ/Biên bản.txt": "Biên bản", "Hồ sơ/Giữ nguyên.txt": "không đổi",
                                    "Sẽ xoá.txt": "xoá", "Sẽ đổi tên.txt": "đổi tên", "Sửa.txt": "bản cũ"]
        for index in 1...4 { v1["Tài liệu/tl-\(index).txt"] = "tài liệu \(index)" }
        try S.write(v1, under: src1)
        #expect(try runKho(["ocfl", "init", template, "--layout", "0002"]).status == 0)
        #expect(try runKho(["ocfl", "commit", template, id, src1, "--message", "v1"]).status == 0)
        // v2: one deletion, one rename, one edit, twelve new files (two of them duplicates of existing bytes).
        try copyTree(src1, src2)
        try FileManager.default.removeItem(atPath: src2 + "/Sẽ xoá.txt")
        try FileManager.default.moveItem(atPath: src2 + "/Sẽ đổi tên.txt", toPath: src2 + "/Đã đổi tên.txt")
        try S.write(["Sửa.txt": "bản mới, dài hơn"], under: src2)
        for index in 1...10 { try S.write(["Phụ lục/pl-\(index).txt": "phụ lục \(index)"], under: src2) }
        try S.write(["Phụ lục/trùng-1.txt": "tài liệu 1", "Phụ lục/trùng-2.txt": "Biên bản"], under: src2)
        let old = S.snapshot(src1), new = S.snapshot(src2)

        var markers: [String] = []
        var step = 1
        while step < 200 {
            let root = temp.path + "/case-\(step)"
            try copyTree(template, root)
            let run = try runUntilCrashPoint(["ocfl", "commit", root, id, src2, "--message", "v2"], step: step)
            guard let marker = run.marker else {
                #expect(run.status == 0, "commit without crash point failed")
                break
            }
            markers.append(marker)
            // Reopening the root recovers; the object is at v1 or v2 exactly.
            let versions = try runKho(["ocfl", "ls", root, id])
            #expect(versions.status == 0, "\(marker): \(versions.stderr)")
            let export = temp.path + "/export-\(step)"
            #expect(try runKho(["ocfl", "export", root, id, export]).status == 0, "\(marker)")
            let state = S.snapshot(export)
            let atNew = state == new
            #expect(atNew || state == old, "\(marker): state is neither old nor new head")
            #expect(versions.stdout.contains(atNew ? "v2 (head)" : "v1 (head)"), "\(marker): \(versions.stdout)")
            let validation = try S.validateObject(root + "/" + id)
            #expect(validation.status == 0 && validation.output.contains("is VALID"), "\(marker): \(validation.output)")
            #expect(S.emptyFolders(root).isEmpty, "\(marker)")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: root + ".kho-staging/work"))?.isEmpty ?? true, "\(marker): stale staging")
            // The next commit succeeds and reaches the new state.
            let next = try runKho(["ocfl", "commit", root, id, src2, "--message", "after crash"])
            #expect(next.status == 0, "\(marker): \(next.stderr)")
            let again = temp.path + "/again-\(step)"
            #expect(try runKho(["ocfl", "export", root, id, again]).status == 0)
            #expect(S.snapshot(again) == new, "\(marker)")
            let revalidation = try S.validateObject(root + "/" + id)
            #expect(revalidation.status == 0, "\(marker) after next commit: \(revalidation.output)")
            try? FileManager.default.removeItem(atPath: root)
            step += 1
        }
        #expect(markers.count >= 20, "only \(markers.count) crash points: \(markers)")
        // Step names after "KHO-TEST-CRASH-POINT <n> ". Content copies run on two threads, so which file is the
        // N-th step varies between runs; every other step is named once.
        let names = markers.map { $0.split(separator: " ", maxSplits: 2).last.map(String.init) ?? $0 }
        let copies = names.filter { $0.hasPrefix("content copied:") }
        #expect(copies.count == 14, "one step per new file (10 appendices, 2 duplicates, 1 edit, 1 rename)")
        let others = names.filter { !$0.hasPrefix("content copied:") }
        #expect(Set(others).count == others.count)
        #expect(others.contains("staged version durable"))
        #expect(names.contains("version published (rename)"))
        #expect(names.contains("root inventory replaced (rename)"))
        #expect(names.contains("root sidecar replaced (rename)"))
    }

    @Test func killedWhileCreatingAnObjectLeavesNothingOrVersionOne() throws {
        _ = try S.referenceValidator()
        let temp = try TemporaryDirectory("kho-crash-new")
        let template = temp.path + "/template", source = temp.path + "/src"
        let id = "info:kho/hs-new"
        try S.write(["Hồ sơ/a.txt": "a", "Hồ sơ/b.txt": "b", "c.txt": "c"], under: source)
        #expect(try runKho(["ocfl", "init", template]).status == 0)
        let expected = S.snapshot(source)
        var points = 0
        for step in 1..<100 {
            let root = temp.path + "/case-\(step)"
            try copyTree(template, root)
            let run = try runUntilCrashPoint(["ocfl", "commit", root, id, source], step: step)
            guard let marker = run.marker else {
                #expect(run.status == 0)
                break
            }
            points += 1
            let listed = try runKho(["ocfl", "ls", root])
            #expect(listed.status == 0, "\(marker)")
            if listed.stdout.isEmpty {
                // Old head: no object at all, and no empty layout folders left behind (E073).
                #expect(S.emptyFolders(root).isEmpty, "\(marker): \(S.emptyFolders(root))")
            } else {
                #expect(listed.stdout == id + "\n")
                let export = temp.path + "/export-\(step)"
                #expect(try runKho(["ocfl", "export", root, id, export]).status == 0)
                #expect(S.snapshot(export) == expected, "\(marker)")
                let folder = root + "/" + (try FileManager.default.subpathsOfDirectory(atPath: root)
                    .first { $0.hasSuffix("/0=ocfl_object_1.1") }.map { ($0 as NSString).deletingLastPathComponent } ?? "")
                let validation = try S.validateObject(folder)
                #expect(validation.output.contains("is VALID"), "\(marker): \(validation.output)")
            }
            #expect(try runKho(["ocfl", "commit", root, id, source]).status == 0, "\(marker)")
            try? FileManager.default.removeItem(atPath: root)
        }
        #expect(points >= 8)
    }
}

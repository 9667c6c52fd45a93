import Foundation
import KhoTestSupport
import Testing

/// What Kho writes, checked by an independent implementation: ocfl-py's `ocfl-validate.py`.
///
/// ocfl-py 2.1.0 does not know layout 0004 (it reports E071 for such roots), so the full-root run uses a
/// 0002 root; every object, in both roots, is also validated on its own with digests checked.
@Suite struct OCFLStorageReferenceValidatorTests {
    typealias S = OCFLStorageCLISupport

    /// Three objects with several versions each: additions, renames, deletions, Vietnamese NFC and NFD names.
    func buildRoot(_ root: String, layout: String, work: String) throws -> [String: String] {
        #expect(try runKho(["ocfl", "init", root, "--layout", layout]).status == 0)
        var folders: [String: String] = [:]
        for number in 1...3 {
            let id = layout == "0002" ? "info:kho:hs-00\(number)" : "info:kho/hs-00\(number)"
            let source = work + "/src-\(layout)-\(number)"
            try S.write([
                "Hồ sơ/Quyết định \(number).txt": "Quyết định \(number)",
                "Hồ sơ/Biên bản.txt": "Biên bản họp",
                "Tờ trình.txt".decomposedStringWithCanonicalMapping: "Tờ trình (NFD name)",
                "trùng/lặp.txt": "Biên bản họp",
            ], under: source)
            #expect(try runKho(["ocfl", "commit", root, id, source, "--message", "v1",
                                "--user-name", "Lưu trữ", "--user-address", "mailto:luutru@example.vn"]).status == 0)
            try FileManager.default.moveItem(atPath: source + "/Hồ sơ/Biên bản.txt", toPath: source + "/Biên bản đã đổi tên.txt")
            try FileManager.default.removeItem(atPath: source + "/trùng")
            try S.write(["Phụ lục/ảnh \(number).txt": String(repeating: "ảnh ", count: 1000 * number)], under: source)
            #expect(try runKho(["ocfl", "commit", root, id, source, "--message", "v2: đổi tên, xoá, thêm",
                                "--user-name", "Lưu trữ", "--user-address", "mailto:luutru@example.vn"]).status == 0)
            try S.write(["Hồ sơ/Quyết định \(number).txt": "Quyết định \(number) (sửa đổi)"], under: source)
            #expect(try runKho(["ocfl", "commit", root, id, source, "--message", "v3: sửa đổi",
                                "--user-name", "Lưu trữ", "--user-address", "mailto:luutru@example.vn"]).status == 0)
            folders[id] = source
        }
        return folders
    }

    @Test func ocflPyFindsNoErrorsOrWarnings() throws {
        let validator = try S.referenceValidator()
        let temp = try TemporaryDirectory("kho-ocfl-py")
        for layout in ["0002", "0004"] {
            let root = temp.path + "/root-" + layout
            let sources = try buildRoot(root, layout: layout, work: temp.path)
            let listed = try runKho(["ocfl", "ls", root]).stdout.split(separator: "\n").map(String.init)
            #expect(Set(listed) == Set(sources.keys))
            #expect(S.emptyFolders(root).isEmpty)
            // Each object on its own, digests checked, warnings shown.
            let objectFolders = try FileManager.default.subpathsOfDirectory(atPath: root)
                .filter { $0.hasSuffix("0=ocfl_object_1.1") }
                .map { root + "/" + ($0 as NSString).deletingLastPathComponent }
            #expect(objectFolders.count == 3)
            for folder in objectFolders {
                let result = try S.validateObject(folder)
                #expect(result.status == 0, "\(result.output)")
                #expect(result.output.contains("OCFL v1.1 Object at \(folder) is VALID"), "\(result.output)")
                #expect(!result.output.contains("[E"), "\(result.output)")
                #expect(!result.output.contains("[W"), "\(result.output)")
            }
            if layout == "0002" {
                let whole = try runProcess(validator, [root])
                #expect(whole.status == 0, "\(whole.stdout)\(whole.stderr)")
                #expect(!(whole.stdout + whole.stderr).contains("[E"))
                #expect(!(whole.stdout + whole.stderr).contains("[W"))
            }
        }
    }

    @Test func ocflPyCatchesATamperedObject() throws {
        // Proves the reference check above can fail: one flipped content file makes ocfl-py report an error.
        let temp = try TemporaryDirectory("kho-ocfl-py-tamper")
        let root = temp.path + "/root"
        _ = try buildRoot(root, layout: "0002", work: temp.path)
        let object = root + "/info:kho:hs-001"
        try Data("đã bị sửa / tampered".utf8).write(to: URL(fileURLWithPath: object + "/v1/content/Hồ sơ/Biên bản.txt"))
        let result = try S.validateObject(object)
        #expect(result.status != 0)
        #expect(result.output.contains("INVALID"))
    }
}

import Foundation
import KhoTestSupport
import Testing

/// `kho bag create` / `kho bag validate` as an archivist runs them, checked against bagit.py both ways.
@Suite struct BagCLITests {
    /// Vietnamese NFC and NFD names, nested folders, empty files, spaces and `%`.
    static let files: [(String, String)] = [
        ("Hồ sơ 01/Quyết định số 12.txt", "Quyết định thành lập chi bộ"),
        ("Hồ sơ 01/phụ lục/trống.txt", ""),
        ("Hồ sơ 02/Biên bản họp.txt".decomposedStringWithCanonicalMapping, "NFD"),
        ("báo cáo 100% hoàn thành.txt", "một trăm phần trăm"),
        ("tệp rỗng", ""),
    ]

    private func makeTree(_ root: URL) throws {
        for (name, content) in Self.files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
    }

    private func bagitPy() throws -> URL {
        guard let tool = which("bagit.py") else {
            Issue.record("bagit.py not found: `pip install bagit` (CI installs it from .ci/requirements.txt)")
            throw CancellationError()
        }
        return tool
    }

    @Test func khoBagsPassBagitPy() throws {
        let tool = try bagitPy()
        let directory = try TemporaryDirectory("kho-bag-cli")
        let inPlace = directory.url.appendingPathComponent("tại chỗ")
        try makeTree(inPlace)
        let created = try runKho(["bag", "create", inPlace.path])
        #expect(created.status == 0, "\(created.stderr)")
        let copySource = directory.url.appendingPathComponent("nguồn")
        try makeTree(copySource)
        let copy = directory.url.appendingPathComponent("bản sao")
        let copied = try runKho(["bag", "create", "--algorithms", "sha256,sha512,md5", copySource.path, "--output", copy.path])
        #expect(copied.status == 0, "\(copied.stderr)")
        for bag in [inPlace, copy] {
            let result = try runProcess(tool, ["--validate", bag.path])
            #expect(result.status == 0, "bagit.py: \(result.stderr)")
            let kho = try runKho(["bag", "validate", bag.path])
            #expect(kho.status == 0)
            #expect(kho.stderr.isEmpty, "\(kho.stderr)")
        }
        let nfd = "Biên bản họp.txt".decomposedStringWithCanonicalMapping
        let manifest = try Data(contentsOf: copy.appendingPathComponent("manifest-sha256.txt"))
        #expect(Array(manifest).firstRange(of: Array(nfd.utf8)) != nil, "NFD bytes kept")
    }

    @Test(arguments: [[String](), ["--md5"], ["--sha1", "--sha512"]])
    func bagitPyBagsPassKho(_ flags: [String]) throws {
        let tool = try bagitPy()
        let directory = try TemporaryDirectory("kho-bag-bagitpy")
        let bag = directory.url.appendingPathComponent("túi")
        try makeTree(bag)
        let made = try runProcess(tool, flags + ["--contact-name", "Nguyễn Văn A", bag.path])
        #expect(made.status == 0, "\(made.stderr)")
        let result = try runKho(["bag", "validate", bag.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid"))
        let fast = try runKho(["bag", "validate", "--fast", bag.path])
        #expect(fast.status == 0, "\(fast.stderr)")
    }

    @Test func invalidBagExitsOneWithOneCodedLinePerFinding() throws {
        let directory = try TemporaryDirectory("kho-bag-invalid")
        let bag = directory.url.appendingPathComponent("bag")
        try makeTree(bag)
        #expect(try runKho(["bag", "create", bag.path]).status == 0)
        try Data("đã sửa".utf8).write(to: bag.appendingPathComponent("data/tệp rỗng"))
        try FileManager.default.removeItem(at: bag.appendingPathComponent("data/Hồ sơ 01/phụ lục/trống.txt"))
        let result = try runKho(["bag", "validate", bag.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count >= 3)
        #expect(lines.allSatisfy { $0.hasPrefix("BAGIT-") })
        #expect(result.stderr.contains("BAGIT-DIGEST-MISMATCH [data/tệp rỗng]"))
        #expect(result.stderr.contains("BAGIT-PAYLOAD-MISSING [manifest-sha256.txt] (line "))
        let fast = try runKho(["bag", "validate", "--fast", bag.path])
        #expect(fast.status == 1)
        #expect(fast.stderr.contains("BAGIT-OXUM-MISMATCH"))
    }

    @Test func jsonReportIsMachineReadable() throws {
        let directory = try TemporaryDirectory("kho-bag-json")
        let bag = directory.url.appendingPathComponent("bag")
        try makeTree(bag)
        #expect(try runKho(["bag", "create", "--algorithms", "sha512", bag.path]).status == 0)
        let result = try runKho(["bag", "validate", "--json", bag.path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["payloadFileCount"] as? Int == Self.files.count)
        #expect(object?["algorithms"] as? [String] == ["sha512"])
        #expect(object?["valid"] as? Bool == true)
    }

    @Test func warningsGoToStandardErrorButTheBagStaysValid() throws {
        let directory = try TemporaryDirectory("kho-bag-warning")
        let bag = directory.url.appendingPathComponent("bag")
        try makeTree(bag)
        #expect(try runKho(["bag", "create", "--algorithms", "md5", bag.path]).status == 0)
        let result = try runKho(["bag", "validate", bag.path])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("BAGIT-ALGORITHM-WEAK"))
    }
}

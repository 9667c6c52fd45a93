import Foundation
import KhoCore
import KhoTestSupport
import Packaging

/// A small bag built fresh for one test, with helpers to tamper with one thing at a time.
final class BagItTestBag {
    let directory: TemporaryDirectory
    let path: String

    /// NFC and NFD Vietnamese names, nested folders, an empty file, spaces and a `%`.
    static let files: [(String, String)] = [
        ("Hồ sơ 01/Quyết định số 12.txt", "Quyết định thành lập chi bộ"),
        ("Hồ sơ 01/phụ lục/trống.txt", ""),
        ("Tài liệu NFD.txt".decomposedStringWithCanonicalMapping, "bản NFD"),
        ("báo cáo 100% hoàn thành.txt", "một trăm phần trăm"),
        ("plain.txt", "hello\n"),
    ]

    init(algorithms: [DigestAlgorithm] = [.sha256, .sha512]) throws {
        directory = try TemporaryDirectory("kho-bagit")
        let source = directory.url.appendingPathComponent("source")
        for (name, content) in Self.files {
            let url = source.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        path = directory.url.appendingPathComponent("bag").path
        _ = try BagCreator(options: BagCreationOptions(algorithms: algorithms, durable: false))
            .create(from: source.path, to: path)
    }

    func url(_ relative: String) -> URL { URL(fileURLWithPath: path).appendingPathComponent(relative) }

    func read(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }

    func write(_ relative: String, _ data: Data) throws {
        try FileManager.default.createDirectory(at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url(relative))
    }

    func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(at: url(relative)) }

    /// Drops the tag manifests so that editing a tag file changes only what the test is about.
    func dropTagManifests() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where name.hasPrefix("tagmanifest-") {
            try remove(name)
        }
    }

    func validate(fast: Bool = false) -> BagValidationReport {
        BagValidator(options: BagValidationOptions(fast: fast)).validate(bagAt: path)
    }
}

extension BagValidationReport {
    /// The codes of findings at or above `severity`.
    func codes(_ severity: Severity = .warning) -> Set<String> {
        Set(findings.filter { $0.severity >= severity }.map(\.code))
    }
}

import Foundation
import KhoCore

/// A set of files a benchmark runs over.
struct CorpusInfo: Sendable {
    /// The folder holding the files.
    var root: URL
    /// Absolute paths of every file, in a stable order.
    var files: [String]
    /// Sum of the file sizes.
    var totalBytes: Int64
}

/// Corpora the benchmarks make for themselves, deterministically, and reuse when already made.
enum BenchCorpus {
    /// Folder names of a provincial Party archive, so paths carry real Vietnamese (NFC) bytes.
    private static let agencies = [
        "Đảng ủy xã Tân Lập", "Ban Thường vụ Huyện ủy Hưng Hà", "Ủy ban Kiểm tra", "Ban Tổ chức",
        "Văn phòng Tỉnh ủy", "Ban Tuyên giáo", "Đảng bộ khối Cơ quan", "Chi bộ thôn Đông Thịnh",
    ]
    private static let kinds = ["Nghị quyết", "Quyết định", "Chỉ thị", "Báo cáo", "Tờ trình", "Biên bản", "Công văn", "Thông báo"]

    /// `count` files of 1–20 KB in nested folders with Vietnamese names (agency / year / dossier / file).
    static func smallFiles(in directory: URL, count: Int = 20_000, seed: UInt64 = 1) throws -> CorpusInfo {
        let marker = "small-\(count)-\(seed)"
        if let existing = try reuse(directory, marker: marker) { return existing }
        var random = SplitMix64(seed: seed)
        var buffer = [UInt8](repeating: 0, count: 20 * 1024)
        for index in 0..<count {
            let agency = agencies[index % agencies.count]
            let year = 1990 + (index / 400) % 35
            let dossier = String(format: "Hồ sơ %03d", (index / 25) % 1000)
            let kind = kinds[Int(random.next() % UInt64(kinds.count))]
            let folder = directory.appendingPathComponent(agency).appendingPathComponent("Năm \(year)").appendingPathComponent(dossier)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let size = 1024 + Int(random.next() % UInt64(19 * 1024))
            random.fill(&buffer, count: size)
            let name = "\(kind) số \(index)-NQ-ĐU.txt"
            try Data(buffer[0..<size]).write(to: folder.appendingPathComponent(name))
        }
        return try finish(directory, marker: marker)
    }

    /// `objects` dossiers (hồ sơ) of `filesPerObject` files of 1–20 KB each, one folder per dossier (agency / year /
    /// dossier), the way an archive holds them: each folder becomes one OCFL object. Returns one corpus per dossier,
    /// in order.
    static func dossiers(in directory: URL, objects: Int = 1_000, filesPerObject: Int = 20, seed: UInt64 = 4) throws -> [CorpusInfo] {
        let marker = "dossiers-\(objects)-\(filesPerObject)-\(seed)"
        let folders = (0..<objects).map { dossierFolder(in: directory, index: $0) }
        if try reuse(directory, marker: marker) != nil { return folders.map(info) }
        var random = SplitMix64(seed: seed)
        var buffer = [UInt8](repeating: 0, count: 20 * 1024)
        for (index, folder) in folders.enumerated() {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in 0..<filesPerObject {
                let kind = kinds[Int(random.next() % UInt64(kinds.count))]
                let size = 1024 + Int(random.next() % UInt64(19 * 1024))
                random.fill(&buffer, count: size)
                let name = String(format: "%02d. ", file + 1) + "\(kind) số \(index * filesPerObject + file)-NQ-ĐU.txt"
                try Data(buffer[0..<size]).write(to: folder.appendingPathComponent(name))
            }
        }
        _ = try finish(directory, marker: marker)
        return folders.map(info)
    }

    /// The folder of dossier `index`: agency / year / dossier number, all in Vietnamese.
    private static func dossierFolder(in directory: URL, index: Int) -> URL {
        directory.appendingPathComponent(agencies[index % agencies.count])
            .appendingPathComponent("Năm \(1990 + (index / agencies.count) % 35)")
            .appendingPathComponent(String(format: "Hồ sơ số %04d", index))
    }

    /// `count` incompressible files of `size` bytes each.
    static func largeFiles(in directory: URL, count: Int = 20, size: Int = 50 << 20, seed: UInt64 = 2) throws -> CorpusInfo {
        let marker = "large-\(count)-\(size)-\(seed)"
        if let existing = try reuse(directory, marker: marker) { return existing }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var random = SplitMix64(seed: seed)
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        for index in 0..<count {
            let path = directory.appendingPathComponent(String(format: "Phim tư liệu %02d.mp4", index)).path
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path)
            else { throw KhoFailure(rule: "KHO-BENCH", path: path, vi: "Không tạo được tệp", en: "Cannot create file") }
            var remaining = size
            while remaining > 0 {
                let n = min(chunk, remaining)
                random.fill(&buffer, count: n)
                handle.write(Data(buffer[0..<n]))
                remaining -= n
            }
            try handle.close()
        }
        return try finish(directory, marker: marker)
    }

    /// Every regular file under `directory` (skipping the corpus marker), as absolute paths in walk order.
    static func listFiles(_ directory: URL) -> [String] {
        let files = (try? DirectoryWalker.files(under: directory.path)) ?? []
        return files.filter { $0 != markerName }.map { directory.path + "/" + $0 }
    }

    private static let markerName = ".kho-bench-corpus"

    private static func reuse(_ directory: URL, marker: String) throws -> CorpusInfo? {
        let markerURL = directory.appendingPathComponent(markerName)
        if let text = try? String(contentsOf: markerURL, encoding: .utf8), text == marker {
            return info(directory)
        }
        if FileManager.default.fileExists(atPath: directory.path) {
            try FileManager.default.removeItem(at: directory)
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return nil
    }

    private static func finish(_ directory: URL, marker: String) throws -> CorpusInfo {
        try Data(marker.utf8).write(to: directory.appendingPathComponent(markerName))
        return info(directory)
    }

    private static func info(_ directory: URL) -> CorpusInfo {
        let files = listFiles(directory)
        var total: Int64 = 0
        for file in files {
            var status = stat()
            if stat(file, &status) == 0 { total += Int64(status.st_size) }
        }
        return CorpusInfo(root: directory, files: files, totalBytes: total)
    }
}

/// A small, fast, deterministic generator (SplitMix64) for reproducible corpora.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fills the first `count` bytes of `buffer` with random bytes.
    mutating func fill(_ buffer: inout [UInt8], count: Int) {
        buffer.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < count {
                let word = next()
                let n = min(8, count - offset)
                withUnsafeBytes(of: word) { bytes in
                    UnsafeMutableRawBufferPointer(rebasing: raw[offset..<(offset + n)]).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<n]))
                }
                offset += n
            }
        }
    }
}

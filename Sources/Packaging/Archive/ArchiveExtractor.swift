import Foundation
import KhoCore

/// Unpacks a zip or tar (giải nén gói nộp lưu) into a work area, refusing anything hostile.
///
/// The format is recognised by magic bytes, never by the file extension. All names, types and
/// declared sizes are checked before anything is written; data is streamed and limited while it is
/// produced; files are created fresh without following links; on any refusal everything created
/// so far is removed, leaving the work area as it was. See `Sources/Packaging/README.md`.
public struct ArchiveExtractor: Sendable {
    /// The limits enforced on every archive.
    public var limits: ExtractionLimits

    /// Creates an extractor with `limits` (the defaults suit transfers of up to 1 TiB).
    public init(limits: ExtractionLimits = .default) {
        self.limits = limits
    }

    /// Recognises the format of `archive` by its first bytes.
    public func format(of archive: URL) throws(ArchiveError) -> ArchiveFormat {
        let file = try ArchiveFile(path: archive.path)
        return try Self.detect(file)
    }

    /// Checks `archive` (first pass only) and returns what would be written, without writing anything.
    public func check(archive: URL) throws(ArchiveError) -> [ArchiveEntryInfo] {
        let file = try ArchiveFile(path: archive.path)
        switch try Self.detect(file) {
        case .zip:
            let unpacker = try ZipUnpacker(file: file, limits: limits)
            return unpacker.plan.map {
                ArchiveEntryInfo(path: $0.path, kind: $0.kind, size: $0.kind == .file ? $0.entry.uncompressedSize : 0, modified: $0.entry.modified)
            }
        case .tar:
            let unpacker = try TarUnpacker(source: PlainTarSource(file: file), archive: file.path, limits: limits)
            return unpacker.plan.compactMap { item in item.path.map { ArchiveEntryInfo(path: $0, kind: item.kind, size: item.size, modified: item.modified) } }
        case .tarGzip:
            let unpacker = try TarUnpacker(source: try GzipTarSource(file: file, limits: limits), archive: file.path, limits: limits)
            return unpacker.plan.compactMap { item in item.path.map { ArchiveEntryInfo(path: $0, kind: item.kind, size: item.size, modified: item.modified) } }
        }
    }

    /// Unpacks `archive` into `workArea` (created if missing; should be empty, nothing existing is overwritten).
    ///
    /// On any error, everything this call created is removed before the error is thrown.
    public func extract(archive: URL, into workArea: URL) throws(ArchiveError) -> ExtractionReport {
        let file = try ArchiveFile(path: archive.path)
        let format = try Self.detect(file)
        var budget = ExtractionBudget(limits: limits, archive: file.path, archiveBytes: file.size)
        var entries: [ArchiveEntryInfo] = []
        switch format {
        case .zip:
            let unpacker = try ZipUnpacker(file: file, limits: limits)
            entries = try Self.writing(into: workArea, archive: file.path) { (writer) throws(ArchiveError) in
                try unpacker.extract(into: &writer, budget: &budget)
            }
        case .tar:
            let unpacker = try TarUnpacker(source: PlainTarSource(file: file), archive: file.path, limits: limits)
            entries = try Self.writing(into: workArea, archive: file.path) { (writer) throws(ArchiveError) in
                try unpacker.extract(source: PlainTarSource(file: file), into: &writer, budget: &budget)
            }
        case .tarGzip:
            let unpacker = try TarUnpacker(source: try GzipTarSource(file: file, limits: limits), archive: file.path, limits: limits)
            entries = try Self.writing(into: workArea, archive: file.path) { (writer) throws(ArchiveError) in
                try unpacker.extract(source: try GzipTarSource(file: file, limits: limits), into: &writer, budget: &budget)
            }
        }
        return ExtractionReport(archive: archive, format: format, entries: entries,
                                totalBytes: budget.totalProduced, archiveBytes: file.size)
    }

    /// Runs `body` with a writer on `workArea`; if it throws, removes all it created.
    private static func writing(into workArea: URL, archive: String,
                                _ body: (inout WorkAreaWriter) throws(ArchiveError) -> [ArchiveEntryInfo]) throws(ArchiveError) -> [ArchiveEntryInfo] {
        var writer = try WorkAreaWriter(root: workArea.path, archive: archive)
        defer { writer.close() }
        do {
            return try body(&writer)
        } catch {
            writer.removeCreated()
            throw error
        }
    }

    static func detect(_ file: ArchiveFile) throws(ArchiveError) -> ArchiveFormat {
        let head = try file.bytes(at: 0, count: Int(min(file.size, 512)), what: "phần đầu tệp / the file's head")
        if head.count >= 4, head[0] == 0x50, head[1] == 0x4B,
           (head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) {
            return .zip
        }
        if head.count >= 2, head[0] == 0x1F, head[1] == 0x8B {
            return .tarGzip
        }
        if head.count == 512, Array(head[257..<262]) == Array("ustar".utf8) {
            return .tar
        }
        throw ArchiveError(.unsupported, archive: file.path,
                           vi: "không nhận ra định dạng (chỉ nhận zip, tar, tar.gz)",
                           en: "unrecognised format (only zip, tar and tar.gz are accepted)")
    }
}

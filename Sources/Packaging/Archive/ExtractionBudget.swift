/// Counts the bytes actually produced while unpacking and refuses the moment a limit is crossed.
///
/// Declared sizes are checked in the first pass too, but only this count is trusted.
struct ExtractionBudget {
    let limits: ExtractionLimits
    let archive: String
    /// Size of the archive file: the stored bytes the whole output is measured against.
    let archiveBytes: Int64
    private(set) var totalProduced: Int64 = 0

    init(limits: ExtractionLimits, archive: String, archiveBytes: Int64) {
        self.limits = limits
        self.archive = archive
        self.archiveBytes = archiveBytes
    }

    /// Adds `count` bytes produced by `entry` (which has produced `entryProduced` so far, this chunk included)
    /// from `entryStored` stored bytes.
    mutating func produced(_ count: Int, entry: String, entryProduced: Int64, entryStored: Int64?) throws(ArchiveError) {
        totalProduced += Int64(count)
        if let entryStored, entryProduced > limits.ratioCeiling(storedBytes: entryStored) {
            throw ArchiveError(
                .bombRatio, archive: archive, entry: entry,
                vi: "đã giải nén \(entryProduced) byte từ \(entryStored) byte nén, quá tỷ lệ \(limits.maxCompressionRatio):1",
                en: "produced \(entryProduced) bytes from \(entryStored) stored bytes, over the \(limits.maxCompressionRatio):1 ratio")
        }
        if totalProduced > limits.maxTotalBytes {
            throw ArchiveError(
                .bombSize, archive: archive, entry: entry,
                vi: "tổng dữ liệu giải nén vượt \(limits.maxTotalBytes) byte",
                en: "total output exceeds \(limits.maxTotalBytes) bytes")
        }
        if totalProduced > limits.ratioCeiling(storedBytes: archiveBytes) {
            throw ArchiveError(
                .bombRatio, archive: archive, entry: entry,
                vi: "cả gói giải nén ra \(totalProduced) byte từ \(archiveBytes) byte, quá tỷ lệ \(limits.maxCompressionRatio):1",
                en: "the archive expands to \(totalProduced) bytes from \(archiveBytes), over the \(limits.maxCompressionRatio):1 ratio")
        }
    }
}

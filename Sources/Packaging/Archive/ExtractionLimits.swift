/// Limits that stop decompression bombs and absurd names; enforced on the bytes actually produced.
///
/// The defaults suit transfers of long video recordings (40 GB files, a 1 TiB package) while refusing
/// anything that expands more than 200:1, except for small entries under `ratioAllowanceBytes`.
public struct ExtractionLimits: Sendable, Hashable {
    /// Most bytes all entries together may produce.
    public var maxTotalBytes: Int64
    /// Most entries (files and folders) an archive may hold.
    public var maxEntryCount: Int
    /// Most uncompressed bytes per stored byte, for each entry and for the whole archive.
    public var maxCompressionRatio: Int64
    /// Bytes an entry (or the archive) may produce whatever its ratio, so tiny files never trip the ratio.
    public var ratioAllowanceBytes: Int64
    /// Longest entry path, in UTF-8 bytes.
    public var maxPathBytes: Int
    /// Most path segments (folder depth + 1).
    public var maxPathDepth: Int

    /// Creates limits; every parameter has the default documented on the property.
    public init(
        maxTotalBytes: Int64 = 1 << 40,
        maxEntryCount: Int = 250_000,
        maxCompressionRatio: Int64 = 200,
        ratioAllowanceBytes: Int64 = 1 << 20,
        maxPathBytes: Int = 1024,
        maxPathDepth: Int = 32
    ) {
        self.maxTotalBytes = maxTotalBytes
        self.maxEntryCount = maxEntryCount
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioAllowanceBytes = ratioAllowanceBytes
        self.maxPathBytes = maxPathBytes
        self.maxPathDepth = maxPathDepth
    }

    /// The defaults: 1 TiB total, 250 000 entries, 200:1 with a 1 MiB allowance, 1024-byte paths, 32 levels.
    public static let `default` = ExtractionLimits()

    /// Most bytes `storedBytes` may expand to under the ratio limit (never less than the allowance).
    func ratioCeiling(storedBytes: Int64) -> Int64 {
        let (product, overflow) = max(storedBytes, 0).multipliedReportingOverflow(by: max(maxCompressionRatio, 1))
        return overflow ? .max : max(product, ratioAllowanceBytes)
    }
}

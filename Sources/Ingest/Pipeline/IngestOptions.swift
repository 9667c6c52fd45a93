public import Foundation

/// How `IngestPipeline` works: who transfers, which archive receives, where schemas are, test hooks.
public struct IngestOptions: Sendable {
    /// Đơn vị nộp lưu: the transferring unit; nil takes the package's CREATOR organization.
    public var transferringUnit: String?
    /// Mã lưu trữ: the receiving archive's code, prefixed to `fileCode` to form `arcFileCode`.
    public var archiveCode: String
    /// Kho's version, recorded in PREMIS agents and OCFL versions.
    public var softwareVersion: String
    /// An XML catalog for METS schema validation; nil uses `XML_CATALOG_FILES`.
    public var schemaCatalog: String?
    /// Read the text layer of PDFs (poppler-glib, in `kho-pdf-text` worker processes). Off when the environment variable
    /// `KHO_INGEST_PDF_TEXT` is `0` (the benchmark's diagnostic row: what text extraction costs).
    public var extractText: Bool
    /// The command (argv) that starts a PDF text worker process; nil starts `PDFTextWorkerLocation.executable()`
    /// (`kho-pdf-text` beside the running program, or `KHO_PDF_TEXT_WORKER`). PDFs are always read in such
    /// workers, so a crash in poppler costs one file's text, not the run, and Ingest does not link poppler.
    public var pdfTextWorker: [String]?
    /// The virus scanner (`clamdscan`); nil records the virus check as not run.
    public var clamdscan: URL?
    /// fsync the pending catalogue record before the commit (the OCFL writer makes commits durable by itself).
    public var durable: Bool
    /// Test hook: the process kills itself (SIGKILL) on reaching this crash point (`IngestCrashPoint`).
    /// Also read from the environment variable `KHO_TEST_INGEST_CRASH_AT`.
    public var crashAt: Int?

    /// Options with Kho's defaults.
    public init(transferringUnit: String? = nil, archiveCode: String = IngestOptions.defaultArchiveCode,
                softwareVersion: String = IngestOptions.defaultSoftwareVersion, schemaCatalog: String? = nil,
                extractText: Bool = ProcessInfo.processInfo.environment["KHO_INGEST_PDF_TEXT"] != "0",
                clamdscan: URL? = TextExtractor.findOnPath("clamdscan"), durable: Bool = true,
                crashAt: Int? = ProcessInfo.processInfo.environment["KHO_TEST_INGEST_CRASH_AT"].flatMap { Int($0) },
                pdfTextWorker: [String]? = nil) {
        self.transferringUnit = transferringUnit
        self.archiveCode = archiveCode
        self.softwareVersion = softwareVersion
        self.schemaCatalog = schemaCatalog
        self.extractText = extractText
        self.clamdscan = clamdscan
        self.durable = durable
        self.crashAt = crashAt
        self.pdfTextWorker = pdfTextWorker
    }

    /// The archive code used when none is configured (Lưu trữ Tỉnh ủy).
    public static let defaultArchiveCode = "LTTU"
    /// The version Kho reports when the caller does not say.
    public static let defaultSoftwareVersion = "0.1.0"
}

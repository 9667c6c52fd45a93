/// One payload file of the AIP (tệp dữ liệu), with the digests and format Ingest already computed.
///
/// The builder never reads these bytes: the caller hashed them once on the way in, and the OCFL writer
/// stores them straight from `source`.
public struct AIPFile: Sendable, Hashable, Codable {
    /// Logical path inside the AIP, e.g. `representations/rep1/data/H49.64.33.2001.160.1.pdf`.
    public var path: String
    /// Where the bytes are now (the SIP's work area), handed back to the OCFL writer unchanged.
    public var source: String
    /// The file's path inside the submitted SIP (PREMIS `originalName`).
    public var originalPath: String
    /// Size in bytes.
    public var size: Int64
    /// SHA-256 in hex (TT05 / PREMIS fixity).
    public var sha256: String
    /// SHA-512 in hex, when computed (OCFL's digest); written to PREMIS as a second fixity.
    public var sha512: String?
    /// MIME type, e.g. `application/pdf`.
    public var mimeType: String
    /// Format as identified (định dạng): name, version and PRONOM PUID.
    public var format: AIPFileFormat

    /// A payload file.
    public init(path: String, source: String, originalPath: String, size: Int64, sha256: String, sha512: String? = nil, mimeType: String, format: AIPFileFormat) {
        self.path = path
        self.source = source
        self.originalPath = originalPath
        self.size = size
        self.sha256 = sha256
        self.sha512 = sha512
        self.mimeType = mimeType
        self.format = format
    }
}

/// A file format as PREMIS designates it: name, optional version, optional PRONOM PUID (`fmt/354`).
public struct AIPFileFormat: Sendable, Hashable, Codable {
    /// Format name, e.g. `Acrobat PDF/A - Portable Document Format`.
    public var name: String
    /// Format version, e.g. `1b`.
    public var version: String?
    /// PRONOM unique identifier, e.g. `fmt/354`; nil when identification found none.
    public var puid: String?

    /// A format designation.
    public init(name: String, version: String? = nil, puid: String? = nil) {
        self.name = name
        self.version = version
        self.puid = puid
    }
}

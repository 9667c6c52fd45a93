/// What a file is, as PRONOM names it: the answer of `FormatIdentifier` (nhận dạng định dạng).
///
/// Goes into the AIP's PREMIS `formatDesignation`/`formatRegistry` and into the catalogue.
public struct FormatIdentification: Sendable, Hashable, Codable {
    /// PRONOM persistent unique identifier, e.g. `fmt/477` for PDF/A-2b; nil when no PUID fits.
    public var puid: String?
    /// Human-readable format name, e.g. "PDF/A-2b", "Microsoft Word 97-2003 Document".
    public var formatName: String
    /// Format version when the content tells it (PDF "1.7", GIF "89a", JFIF "1.01").
    public var version: String?
    /// The media type the content shows, e.g. `application/pdf`.
    public var mimeType: String
    /// What the identification rests on.
    public var basis: IdentificationBasis
    /// For text formats: the character encoding found.
    public var textEncoding: TextEncoding?
    /// Further remarks for the archivist (English; short).
    public var notes: [String]

    /// Creates an identification.
    public init(puid: String?, formatName: String, version: String? = nil, mimeType: String,
                basis: IdentificationBasis, textEncoding: TextEncoding? = nil, notes: [String] = []) {
        self.puid = puid
        self.formatName = formatName
        self.version = version
        self.mimeType = mimeType
        self.basis = basis
        self.textEncoding = textEncoding
        self.notes = notes
    }

    /// True when nothing was recognised.
    public var isUnknown: Bool { basis == .none }

    /// The answer for content that matches no known signature.
    public static func unknown(notes: [String] = []) -> FormatIdentification {
        FormatIdentification(puid: nil, formatName: "Unknown", mimeType: "application/octet-stream",
                             basis: .none, notes: notes)
    }
}

/// What an identification rests on, strongest first.
public enum IdentificationBasis: String, Sendable, Hashable, Codable {
    /// Embedded metadata read from the file (the XMP `pdfaid` of a PDF/A, ASF stream types).
    case embeddedMetadata
    /// Names of parts inside a container (zip central directory, OLE2 directory entries).
    case container
    /// A byte signature at a fixed place (magic number, header fields).
    case signature
    /// Text content that looks like the format (CSV delimiters, HTML tags); weaker.
    case textHeuristic
    /// Nothing matched.
    case none
}

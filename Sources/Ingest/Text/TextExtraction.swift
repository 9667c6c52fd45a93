/// The text of one file, ready for the catalogue's full-text index (NFC-normalized).
public struct TextExtraction: Sendable, Hashable {
    /// Where the text came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// The text layer of a PDF (OCR of a scan, or born-digital text), read through poppler-glib.
        case pdfTextLayer
        /// A plain-text or CSV file read directly.
        case plainText
        /// HTML or XML with markup removed.
        case markupStripped
    }

    /// The extracted text, Unicode NFC.
    public var text: String
    /// Where it came from.
    public var source: Source
    /// True when the text was cut at the extractor's size limit.
    public var truncated: Bool

    /// Creates an extraction result.
    public init(text: String, source: Source, truncated: Bool) {
        self.text = text
        self.source = source
        self.truncated = truncated
    }
}

/// What `TextExtractor.extract` gives back for one file.
public enum TextExtractionOutcome: Sendable, Hashable {
    /// Text was extracted (possibly empty, e.g. a scan without OCR).
    case extracted(TextExtraction)
    /// The format carries no text Kho extracts (images, audio, video, office binaries for now).
    case notApplicable
    /// PDF text reading is switched off; `TextExtractor.notice` says so once per run.
    case toolUnavailable(tool: String)
    /// The text is in a legacy 8-bit encoding (TCVN3/VNI/…) that cannot be decoded reliably.
    case undecodableEncoding
}

/// A message for the operator, printed once per run (not once per file).
public struct ToolNotice: Sendable, Hashable {
    /// The tool or library concerned, e.g. `poppler-glib`.
    public var tool: String
    /// What it means, in Vietnamese and English.
    public var message: String
}

public import Foundation
import KhoCore

/// Extracts the text of PDFs (their text layer, read through poppler-glib) and of text formats (txt, csv,
/// html, xml, read directly), for the full-text index. Output is Unicode NFC.
///
/// PDFs are always read in long-lived worker processes (`kho-pdf-text`, the only Kho program linking poppler;
/// `pdfWorkers`, or `PDFTextWorkerPool.standard` when none is given): a PDF costs a socket round trip, not a
/// process start, and one that crashes poppler costs that file's text (`KHO-TEXT-PDF-CRASH`), not the process.
/// When PDF text reading is switched off (`pdfText: false`), PDFs give `.toolUnavailable` and `notice` says so:
/// print it once per run, not once per file.
public struct TextExtractor: Sendable {
    /// Read the text layer of PDFs (poppler-glib, in worker processes).
    public var pdfText: Bool
    /// Most bytes of text kept per file (10 MiB by default); longer text is cut and marked truncated.
    public var maxTextBytes: Int
    /// Time after which no further page of one PDF is read (the text so far is kept, marked truncated).
    public var timeout: Duration
    /// The worker processes that read PDFs.
    public var pdfWorkers: PDFTextWorkerPool

    /// An extractor with Kho's limits.
    public init(pdfText: Bool = true, maxTextBytes: Int = 10 << 20, timeout: Duration = .seconds(120),
                pdfWorkers: PDFTextWorkerPool? = nil) {
        self.pdfText = pdfText
        self.maxTextBytes = maxTextBytes
        self.timeout = timeout
        self.pdfWorkers = pdfWorkers ?? .standard
    }

    /// The library that reads PDF text layers, as named in notices and PREMIS event details.
    public static let pdfLibrary = "poppler-glib"

    /// The one notice to show for the whole run when PDF text is not read; nil when it is.
    public var notice: ToolNotice? {
        guard !pdfText else { return nil }
        return ToolNotice(tool: Self.pdfLibrary,
                          message: "Không trích xuất lớp văn bản của tệp PDF (đã tắt) / PDF text layers are not extracted (turned off)")
    }

    /// Extracts the text of the file at `url`, identified beforehand as `identification`.
    public func extract(fileAt url: URL, identification: FormatIdentification) throws(TextExtractionError) -> TextExtractionOutcome {
        switch identification.mimeType {
        case "application/pdf":
            return try extractPDF(url)
        case "text/plain", "text/csv":
            return try readText(url, encoding: identification.textEncoding).map {
                .extracted(TextExtraction(text: $0.text.precomposedStringWithCanonicalMapping, source: .plainText, truncated: $0.truncated))
            } ?? .undecodableEncoding
        case "text/html", "application/xml":
            return try readText(url, encoding: identification.textEncoding).map {
                let stripped = MarkupStripper.text(of: $0.text, isHTML: identification.mimeType == "text/html")
                return .extracted(TextExtraction(text: stripped.precomposedStringWithCanonicalMapping, source: .markupStripped,
                                                 truncated: $0.truncated))
            } ?? .undecodableEncoding
        default:
            return .notApplicable
        }
    }

    private func extractPDF(_ url: URL) throws(TextExtractionError) -> TextExtractionOutcome {
        guard pdfText else { return .toolUnavailable(tool: Self.pdfLibrary) }
        let (text, truncated) = try pdfWorkers.read(path: url.path, maxTextBytes: maxTextBytes, timeBudget: timeout)
        return .extracted(TextExtraction(text: text.precomposedStringWithCanonicalMapping, source: .pdfTextLayer, truncated: truncated))
    }

    /// Reads up to `maxTextBytes` and decodes; nil for legacy 8-bit encodings.
    private func readText(_ url: URL, encoding: TextEncoding?) throws(TextExtractionError) -> (text: String, truncated: Bool)? {
        let bytes: [UInt8]
        let truncated: Bool
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let data = try handle.read(upToCount: maxTextBytes + 1) ?? Data()
            truncated = data.count > maxTextBytes
            bytes = Array(data.prefix(maxTextBytes))
        } catch {
            throw TextExtractionError(kind: .unreadable, path: url.path, detail: "\(error)")
        }
        switch encoding ?? .utf8 {
        case .legacy8Bit:
            return nil
        case .ascii, .utf8:
            return (Self.decodeUTF8(bytes, truncated: truncated), truncated)
        case .utf8WithBOM:
            return (Self.decodeUTF8(Array(bytes.dropFirst(3)), truncated: truncated), truncated)
        case .utf16LittleEndian, .utf16BigEndian:
            let little = encoding == .utf16LittleEndian
            let start = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) ? 2 : 0
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = start
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return (String(decoding: units, as: UTF16.self), truncated)
        }
    }

    /// UTF-8 text; when cut at a limit, an incomplete last character is dropped rather than replaced.
    static func decodeUTF8(_ bytes: [UInt8], truncated: Bool) -> String {
        var end = bytes.count
        if truncated {
            var back = 0
            while end > 0, back < 4, bytes[end - 1] & 0xC0 == 0x80 { end -= 1; back += 1 }
            if end > 0, bytes[end - 1] >= 0xC0 { end -= 1 }
        }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }

    /// The first executable called `name` on PATH.
    public static func findOnPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

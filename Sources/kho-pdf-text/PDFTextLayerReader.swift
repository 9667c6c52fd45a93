import CPoppler
import PDFTextProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the text layer of one PDF through poppler-glib, page by page, keeping at most `maxTextBytes`
/// and stopping at the next page boundary once `timeBudget` is spent.
///
/// Each call opens its own document from a file descriptor (poppler reads the file as a stream, never
/// whole into memory), and frees each page before the next: memory per document is the document's
/// cross-reference table plus one page's text.
struct PDFTextLayerReader {
    /// Most bytes of UTF-8 text kept; the rest is cut (Ingest drops an incomplete last character).
    var maxTextBytes: Int
    /// Time after which no further page is read (a page already started runs to its end).
    var timeBudget: Duration

    /// Why a PDF's text could not be read.
    struct Failure: Error {
        var kind: PDFTextFailure
        var detail: String
    }

    /// The text's UTF-8 bytes, pages separated by a line break, and whether it was cut.
    func read(path: String) throws(Failure) -> (bytes: [UInt8], truncated: Bool) {
        PopplerGlobals.keepAlive()
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(kind: .unreadable, detail: String(cString: strerror(errno)))
        }
        // poppler owns the descriptor from here on, and closes it with the document or on failure.
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_fd(descriptor, nil, &error) else {
            let detail = error.map { String(cString: $0.pointee.message) } ?? "poppler"
            let encrypted = error.map { $0.pointee.domain == poppler_error_quark() && $0.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) } ?? false
            if let error { g_error_free(error) }
            throw Failure(kind: encrypted ? .encrypted : .damaged, detail: detail)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }

        var bytes: [UInt8] = []
        var truncated = false
        let clock = ContinuousClock()
        let start = clock.now
        let pages = poppler_document_get_n_pages(document)
        for index in 0..<max(pages, 0) {
            if clock.now - start > timeBudget {
                truncated = true
                break
            }
            guard let page = poppler_document_get_page(document, index) else { continue }
            let text = poppler_page_get_text(page)
            g_object_unref(UnsafeMutableRawPointer(page))
            guard let text else { continue }
            let length = strlen(text)
            let separator = bytes.isEmpty ? 0 : 1
            let room = maxTextBytes - bytes.count - separator
            if room > 0 {
                if separator == 1 { bytes.append(0x0A) }
                text.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
                    bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: min(length, room)))
                }
            }
            g_free(text)
            if length > room {
                truncated = true
                break
            }
        }
        return (bytes, truncated)
    }
}

/// poppler keeps its global tables (encodings, CMaps: a scan of `/usr/share/poppler`) only while a document
/// exists; one small document held for the life of the process saves that scan on every PDF.
private enum PopplerGlobals {
    /// A one-page PDF with no content.
    private static let minimalPDF = Array(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)

    /// The held document (never freed; nil if poppler refused it, which only costs the scans).
    nonisolated(unsafe) private static let keeper: OpaquePointer? = minimalPDF.withUnsafeBytes { raw in
        let bytes = g_bytes_new(raw.baseAddress, gsize(raw.count))
        defer { g_bytes_unref(bytes) }
        return poppler_document_new_from_bytes(bytes, nil, nil)
    }

    /// Creates the held document once (Swift runs a static's initializer once, thread-safely).
    static func keepAlive() { _ = keeper }
}

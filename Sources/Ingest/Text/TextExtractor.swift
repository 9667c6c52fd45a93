public import Foundation
import KhoCore

/// Extracts the text of PDFs (their text layer, through poppler's `pdftotext`) and of text formats
/// (txt, csv, html, xml, read directly), for the full-text index. Output is Unicode NFC.
///
/// When `pdftotext` is not installed, PDFs give `.toolUnavailable` and `notice` says so: print it once
/// per run, not once per file.
public struct TextExtractor: Sendable {
    /// The `pdftotext` executable, nil when not installed.
    public var pdftotext: URL?
    /// Most bytes of text kept per file (10 MiB by default); longer text is cut and marked truncated.
    public var maxTextBytes: Int
    /// Longest time one `pdftotext` run may take.
    public var timeout: Duration

    /// Looks `pdftotext` up on PATH (or takes the one given).
    public init(pdftotext: URL? = TextExtractor.findOnPath("pdftotext"), maxTextBytes: Int = 10 << 20,
                timeout: Duration = .seconds(120)) {
        self.pdftotext = pdftotext
        self.maxTextBytes = maxTextBytes
        self.timeout = timeout
    }

    /// The one notice to show for the whole run when a tool is missing; nil when all is installed.
    public var notice: ToolNotice? {
        guard pdftotext == nil else { return nil }
        return ToolNotice(tool: "pdftotext",
                          message: "Không có pdftotext (gói poppler-utils): bỏ qua lớp văn bản của tệp PDF / "
                              + "pdftotext (poppler-utils) not installed: PDF text layers are not extracted")
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
        guard let pdftotext else { return .toolUnavailable(tool: "pdftotext") }
        let run = BoundedProcess(executable: pdftotext, arguments: ["-enc", "UTF-8", "-layout", url.path, "-"],
                                 timeout: timeout, maxOutputBytes: maxTextBytes)
        let result: BoundedProcess.Result
        do { result = try run.run() } catch {
            throw TextExtractionError(kind: .toolFailedToStart, path: url.path, detail: "\(error)")
        }
        if result.timedOut {
            throw TextExtractionError(kind: .timedOut, path: url.path, detail: "\(timeout)")
        }
        if !result.truncated && result.status != 0 {
            throw TextExtractionError(kind: .toolFailed, path: url.path, detail: "pdftotext exit status \(result.status)")
        }
        let text = Self.decodeUTF8(result.output, truncated: result.truncated)
        return .extracted(TextExtraction(text: text.precomposedStringWithCanonicalMapping, source: .pdfTextLayer,
                                         truncated: result.truncated))
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

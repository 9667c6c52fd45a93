public import Foundation
public import KhoCore

/// Identifies file formats in process, PRONOM style, from the first and last few KiB of each file.
///
/// No process is started and no file is read whole: a 40 GB video costs a few bounded reads.
/// Covers the formats Thông tư 05/2025 allows (PDF and PDF/A, office documents old and new, images,
/// audio, video, text); anything else is reported as unknown with a finding, never as a failure.
public struct FormatIdentifier: Sendable {
    /// Bytes read from the start of every file.
    public var headBytes: Int
    /// Bytes read from each end of a PDF when looking for the PDF/A XMP packet.
    public var pdfWindow: Int

    /// Creates an identifier; the defaults suit archival packages.
    public init(headBytes: Int = 64 * 1024, pdfWindow: Int = 256 * 1024) {
        self.headBytes = headBytes
        self.pdfWindow = pdfWindow
    }

    /// Identifies the file at `url`; unknown content is a `.none`-based identification.
    public func identify(fileAt url: URL) throws(FormatIdentificationError) -> FormatIdentification {
        try identify(fileAt: url, declaredMIMEType: nil).identification
    }

    /// Identifies the file and compares the result with the MIME type its METS `file/@MIMETYPE` declares.
    ///
    /// Findings: `KHO-FMT-EMPTY`, `KHO-FMT-UNKNOWN`, `KHO-FMT-MIME-MISMATCH`, `KHO-FMT-MIME-UNVERIFIED`,
    /// `KHO-FMT-NOT-UTF8`. `path` is the name used in findings (defaults to the file's last path component).
    public func identify(fileAt url: URL, declaredMIMEType: String?, path: String? = nil)
        throws(FormatIdentificationError) -> (identification: FormatIdentification, findings: [Finding])
    {
        let shownPath = path ?? url.lastPathComponent
        let reader = try BoundedFileReader(path: url.path)
        var findings: [Finding] = []
        let identification: FormatIdentification
        if reader.size == 0 {
            identification = .unknown(notes: ["empty file"])
            findings.append(Finding(code: "KHO-FMT-EMPTY", severity: .warning,
                                    message: BilingualMessage(vi: "Tệp rỗng (0 byte), không nhận dạng được định dạng",
                                                              en: "Empty file (0 bytes); no format can be identified"),
                                    path: shownPath))
        } else {
            identification = try identifyContent(reader, fileExtension: url.pathExtension.lowercased())
            if identification.isUnknown {
                findings.append(Finding(code: "KHO-FMT-UNKNOWN", severity: .warning,
                                        message: BilingualMessage(vi: "Không nhận dạng được định dạng tệp",
                                                                  en: "File format not identified"),
                                        path: shownPath))
            }
        }
        if identification.textEncoding == .legacy8Bit {
            findings.append(Finding(code: "KHO-FMT-NOT-UTF8", severity: .warning,
                                    message: BilingualMessage(
                                        vi: "Tệp văn bản không mã hóa UTF-8 (có thể TCVN3, VNI hoặc Windows-1258)",
                                        en: "Text file is not UTF-8 (possibly TCVN3, VNI or Windows-1258)"),
                                    path: shownPath))
        }
        if let declaredMIMEType, let finding = MIMETypeCheck.compare(declared: declaredMIMEType, with: identification, path: shownPath) {
            findings.append(finding)
        }
        return (identification, findings)
    }

    /// Runs the signature families in order, most specific first.
    private func identifyContent(_ reader: borrowing BoundedFileReader, fileExtension: String) throws(FormatIdentificationError) -> FormatIdentification {
        let head = try reader.head(headBytes)
        if let found = try identifyPDF(reader, head: head) { return found }
        if let found = identifyImage(head) { return found }
        if let found = try identifyOffice(reader, head: head) { return found }
        if let found = try identifyMedia(reader, head: head) { return found }
        if let found = try identifyText(reader, head: head, fileExtension: fileExtension) { return found }
        return .unknown()
    }
}

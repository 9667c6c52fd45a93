import KhoCore

/// Compares a declared MIME type (METS `@MIMETYPE`) with what the content shows, allowing common aliases.
enum MIMETypeCheck {
    /// Declared types accepted for an identified type, beyond the type itself.
    static let aliases: [String: Set<String>] = [
        "image/jpeg": ["image/jpg", "image/pjpeg"],
        "audio/x-wav": ["audio/wav", "audio/wave", "audio/vnd.wave"],
        "video/x-msvideo": ["video/avi", "video/msvideo"],
        "audio/mpeg": ["audio/mp3", "audio/mpeg3", "audio/x-mpeg"],
        "audio/mp4": ["audio/m4a", "audio/x-m4a", "audio/aac", "video/mp4"],
        "video/mp4": ["audio/mp4", "application/mp4"],
        "audio/aac": ["audio/x-aac", "audio/aacp"],
        "video/x-ms-wmv": ["video/x-ms-asf", "application/vnd.ms-asf"],
        "audio/x-ms-wma": ["audio/x-ms-asf", "video/x-ms-asf", "application/vnd.ms-asf"],
        "video/mpeg": ["video/mpg", "video/x-mpeg", "video/mpeg2", "video/mp2p"],
        "video/mp2t": ["video/mpeg"],
        "application/rtf": ["text/rtf"],
        "text/html": ["application/xhtml+xml"],
        "application/xml": ["text/xml"],
        "application/xhtml+xml": ["text/html"],
        "text/csv": ["text/plain", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel"],
        "text/plain": ["text/csv"],
        "image/jp2": ["image/jpeg2000", "image/jpx"],
        "application/pdf": ["application/x-pdf"],
    ]

    /// The media type without parameters, lower-cased: "Text/Plain; charset=UTF-8" → "text/plain".
    static func essence(_ mime: String) -> String {
        (mime.split(separator: ";").first.map(String.init) ?? "").trimmingWhitespace.lowercased()
    }

    /// A finding when the declaration disagrees with the content, or cannot be checked; nil when they agree.
    static func compare(declared: String, with identification: FormatIdentification, path: String) -> Finding? {
        let declaredType = essence(declared)
        guard !identification.isUnknown else {
            return Finding(code: "KHO-FMT-MIME-UNVERIFIED", severity: .info,
                           message: BilingualMessage(
                               vi: "Không kiểm tra được kiểu MIME khai báo \(declaredType) vì không nhận dạng được định dạng",
                               en: "Declared MIME type \(declaredType) cannot be checked: format not identified"),
                           path: path)
        }
        let actual = essence(identification.mimeType)
        if declaredType == actual || aliases[actual, default: []].contains(declaredType) { return nil }
        return Finding(code: "KHO-FMT-MIME-MISMATCH", severity: .warning,
                       message: BilingualMessage(
                           vi: "Kiểu MIME khai báo \(declaredType) không khớp nội dung tệp (\(identification.formatName), \(actual))",
                           en: "Declared MIME type \(declaredType) does not match the content (\(identification.formatName), \(actual))"),
                       path: path)
    }
}

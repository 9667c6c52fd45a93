import KhoCore

/// Why text could not be extracted from a file that should have some.
public struct TextExtractionError: KhoError, Hashable {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// The file could not be read.
        case unreadable = "KHO-TEXT-UNREADABLE"
        /// poppler could not parse the PDF (damaged, or not a PDF after all).
        case damaged = "KHO-TEXT-PDF-DAMAGED"
        /// The PDF is encrypted with a user password: its text cannot be read without it.
        case encrypted = "KHO-TEXT-PDF-ENCRYPTED"
    }

    /// What went wrong.
    public var kind: Kind
    /// The file concerned.
    public var path: String?
    /// Detail for the log (the system's or poppler's message).
    public var detail: String

    /// The Kho rule code.
    public var rule: String { kind.rawValue }

    /// What went wrong, in Vietnamese and English.
    public var message: BilingualMessage {
        switch kind {
        case .unreadable:
            BilingualMessage(vi: "Không đọc được tệp để trích xuất văn bản (\(detail))", en: "Cannot read the file to extract text (\(detail))")
        case .damaged:
            BilingualMessage(vi: "Tệp PDF bị hỏng, không đọc được lớp văn bản (\(detail))", en: "The PDF is damaged; its text layer cannot be read (\(detail))")
        case .encrypted:
            BilingualMessage(vi: "Tệp PDF được mã hóa bằng mật khẩu, không đọc được lớp văn bản (\(detail))",
                             en: "The PDF is encrypted with a password; its text layer cannot be read (\(detail))")
        }
    }
}

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
        /// The PDF reader's worker process died while reading the file (a crash inside poppler).
        case crashed = "KHO-TEXT-PDF-CRASH"
        /// The PDF reader's worker process was still reading the file at its time limit and was stopped.
        case timedOut = "KHO-TEXT-PDF-TIMEOUT"
        /// No PDF reader worker process could be started.
        case workerUnavailable = "KHO-TEXT-PDF-WORKER"
        /// The PDF reader program (`kho-pdf-text`) is not where Kho looks for it; `detail` is that path.
        case workerMissing = "KHO-TEXT-PDF-WORKER-MISSING"
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
        case .crashed:
            BilingualMessage(vi: "Trình đọc PDF dừng bất thường khi đọc tệp này (\(detail)); tệp vẫn được lưu trữ, không có văn bản để tìm kiếm",
                             en: "The PDF reader crashed while reading this file (\(detail)); the file is archived without searchable text")
        case .timedOut:
            BilingualMessage(vi: "Trình đọc PDF đọc tệp này quá thời gian cho phép và đã bị dừng (\(detail)); tệp vẫn được lưu trữ, không có văn bản để tìm kiếm",
                             en: "The PDF reader exceeded its time limit on this file and was stopped (\(detail)); the file is archived without searchable text")
        case .workerUnavailable:
            BilingualMessage(vi: "Không khởi động được tiến trình đọc PDF (\(detail)); tệp vẫn được lưu trữ, không có văn bản để tìm kiếm",
                             en: "Cannot start the PDF reader process (\(detail)); the file is archived without searchable text")
        case .workerMissing:
            BilingualMessage(vi: "Không tìm thấy chương trình đọc PDF tại \(detail) (cài kho-pdf-text cạnh kho hoặc đặt biến môi trường KHO_PDF_TEXT_WORKER); tệp vẫn được lưu trữ, không có văn bản để tìm kiếm",
                             en: "The PDF reader program was not found at \(detail) (install kho-pdf-text beside kho or set KHO_PDF_TEXT_WORKER); the file is archived without searchable text")
        }
    }
}

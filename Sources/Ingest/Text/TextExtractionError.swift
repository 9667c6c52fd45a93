import KhoCore

/// Why text could not be extracted from a file that should have some.
public struct TextExtractionError: KhoError, Hashable {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// The file could not be read.
        case unreadable = "KHO-TEXT-UNREADABLE"
        /// The extraction tool could not be started.
        case toolFailedToStart = "KHO-TEXT-TOOL-START"
        /// The extraction tool exited with an error (damaged or encrypted PDF).
        case toolFailed = "KHO-TEXT-TOOL-FAILED"
        /// The extraction tool ran longer than allowed and was stopped.
        case timedOut = "KHO-TEXT-TIMEOUT"
    }

    /// What went wrong.
    public var kind: Kind
    /// The file concerned.
    public var path: String?
    /// Detail for the log (exit status, seconds).
    public var detail: String

    /// The Kho rule code.
    public var rule: String { kind.rawValue }

    /// What went wrong, in Vietnamese and English.
    public var message: BilingualMessage {
        switch kind {
        case .unreadable:
            BilingualMessage(vi: "Không đọc được tệp để trích xuất văn bản (\(detail))", en: "Cannot read the file to extract text (\(detail))")
        case .toolFailedToStart:
            BilingualMessage(vi: "Không khởi chạy được công cụ trích xuất (\(detail))", en: "Cannot start the extraction tool (\(detail))")
        case .toolFailed:
            BilingualMessage(vi: "Công cụ trích xuất văn bản báo lỗi (\(detail))", en: "The text extraction tool failed (\(detail))")
        case .timedOut:
            BilingualMessage(vi: "Trích xuất văn bản quá thời gian cho phép (\(detail))", en: "Text extraction timed out (\(detail))")
        }
    }
}

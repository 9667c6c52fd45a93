import KhoCore

/// Why a report could not be made.
public enum ReportError: KhoError, Equatable {
    /// `--month` is not a month written `YYYY-MM`.
    case invalidMonth(String)
    /// The output file could not be written.
    case writeFailed(path: String, reason: String)

    /// The rule broken.
    public var rule: String {
        switch self {
        case .invalidMonth: "KHO-REPORT-MONTH"
        case .writeFailed: "KHO-REPORT-WRITE"
        }
    }

    /// The value or file concerned.
    public var path: String? {
        switch self {
        case .invalidMonth(let text): text
        case .writeFailed(let path, _): path
        }
    }

    /// What went wrong, in both languages.
    public var message: BilingualMessage {
        switch self {
        case .invalidMonth(let text):
            BilingualMessage(vi: "Tháng \"\(text)\" không hợp lệ: phải viết dạng YYYY-MM với tháng từ 01 đến 12 (ví dụ 2026-11)",
                             en: "Month \"\(text)\" is not valid: write it as YYYY-MM with a month from 01 to 12 (e.g. 2026-11)")
        case .writeFailed(_, let reason):
            BilingualMessage(vi: "Không ghi được báo cáo: \(reason)", en: "Cannot write the report: \(reason)")
        }
    }
}

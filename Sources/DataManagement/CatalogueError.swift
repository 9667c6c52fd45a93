import KhoCore

/// Why the catalogue refused or failed an operation; each case names the rule and what it means
/// in Vietnamese and English.
public enum CatalogueError: KhoError, Equatable {
    /// The catalogue file could not be opened or migrated.
    case openFailed(path: String, reason: String)
    /// SQLite refused a statement (constraint, I/O, busy).
    case database(operation: String, reason: String)
    /// An input value is unusable (empty identifier, duplicate key in the same AIP, …).
    case invalidEntry(field: String, reason: String)
    /// The audit log could not be written or exported.
    case audit(reason: String)
    /// An agent already recorded under this identifier was offered with a different name, kind or
    /// version. Events sealed in the audit chain name the agent, so its row never changes.
    case agentChanged(identifier: String, recorded: String, offered: String)

    /// The rule broken, as a Kho code.
    public var rule: String {
        switch self {
        case .openFailed: "KHO-CAT-OPEN"
        case .database: "KHO-CAT-SQL"
        case .invalidEntry: "KHO-CAT-ENTRY"
        case .audit: "KHO-CAT-AUDIT"
        case .agentChanged: "KHO-CAT-AGENT"
        }
    }

    /// The catalogue path or the field concerned.
    public var path: String? {
        switch self {
        case .openFailed(let path, _): path
        case .database(let operation, _): operation
        case .invalidEntry(let field, _): field
        case .audit: "audit_log"
        case .agentChanged(let identifier, _, _): "agents/" + identifier
        }
    }

    /// What went wrong, in both languages.
    public var message: BilingualMessage {
        switch self {
        case .openFailed(_, let reason):
            BilingualMessage(vi: "Không mở được cơ sở dữ liệu mục lục: \(reason)",
                             en: "Cannot open the catalogue database: \(reason)")
        case .database(let operation, let reason):
            BilingualMessage(vi: "Lỗi cơ sở dữ liệu khi \(operation): \(reason)",
                             en: "Database error during \(operation): \(reason)")
        case .invalidEntry(let field, let reason):
            BilingualMessage(vi: "Giá trị không hợp lệ ở trường \(field): \(reason)",
                             en: "Invalid value in field \(field): \(reason)")
        case .audit(let reason):
            BilingualMessage(vi: "Lỗi nhật ký kiểm toán: \(reason)", en: "Audit log error: \(reason)")
        case .agentChanged(let identifier, let recorded, let offered):
            BilingualMessage(
                vi: "Tác nhân \(identifier) đã được ghi là \(recorded), không thể đổi thành \(offered): các sự kiện đã niêm phong trong nhật ký kiểm toán tham chiếu đến nó",
                en: "Agent \(identifier) is recorded as \(recorded) and cannot become \(offered): events sealed in the audit chain refer to it")
        }
    }
}

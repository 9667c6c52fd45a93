/// Tình trạng dự phòng (security copy status), TT05 `riskRecoveryStatus`.
public enum RiskRecoveryStatus: String, TT05Code {
    /// 01 Đã dự phòng — done.
    case done = "01"
    /// 02 Chưa dự phòng — not yet.
    case notYet = "02"

    /// Vietnamese label.
    public var vietnameseLabel: String { self == .done ? "Đã dự phòng" : "Chưa dự phòng" }
    /// English gloss.
    public var englishLabel: String { self == .done ? "Security copy made" : "Security copy not yet made" }
}

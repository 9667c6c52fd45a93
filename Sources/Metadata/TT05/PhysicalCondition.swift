/// Tình trạng vật lý (physical condition), TT05 `format`.
public enum PhysicalCondition: String, TT05Code {
    /// 01 Tốt.
    case good = "01"
    /// 02 Bình thường.
    case normal = "02"
    /// 03 Hỏng.
    case damaged = "03"

    /// Vietnamese label from TT05.
    public var vietnameseLabel: String {
        switch self {
        case .good: "Tốt"
        case .normal: "Bình thường"
        case .damaged: "Hỏng"
        }
    }

    /// English gloss.
    public var englishLabel: String {
        switch self {
        case .good: "Good"
        case .normal: "Normal"
        case .damaged: "Damaged"
        }
    }
}

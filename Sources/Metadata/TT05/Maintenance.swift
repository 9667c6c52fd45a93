/// Thời hạn lưu trữ (retention period), TT05 `maintenance`.
public enum Maintenance: String, TT05Code {
    /// 01 Vĩnh viễn — permanent; the only retention the historical archive accepts.
    case permanent = "01"
    /// 02 70 năm.
    case years70 = "02"
    /// 03 50 năm.
    case years50 = "03"
    /// 04 30 năm.
    case years30 = "04"
    /// 05 20 năm.
    case years20 = "05"
    /// 06 10 năm.
    case years10 = "06"
    /// 07 Khác — other.
    case other = "07"

    /// Vietnamese label from TT05.
    public var vietnameseLabel: String {
        switch self {
        case .permanent: "Vĩnh viễn"
        case .years70: "70 năm"
        case .years50: "50 năm"
        case .years30: "30 năm"
        case .years20: "20 năm"
        case .years10: "10 năm"
        case .other: "Khác"
        }
    }

    /// English gloss.
    public var englishLabel: String {
        switch self {
        case .permanent: "Permanent"
        case .years70: "70 years"
        case .years50: "50 years"
        case .years30: "30 years"
        case .years20: "20 years"
        case .years10: "10 years"
        case .other: "Other"
        }
    }

    /// The period in years, nil for permanent and other.
    public var years: Int? {
        switch self {
        case .permanent, .other: nil
        case .years70: 70
        case .years50: 50
        case .years30: 30
        case .years20: 20
        case .years10: 10
        }
    }

    /// Orders retention periods by length (permanent longest); nil for 07 Khác, which cannot be compared.
    public var retentionRank: Int? {
        switch self {
        case .permanent: 100
        case .other: nil
        default: years
        }
    }
}

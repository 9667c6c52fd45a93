/// Ngôn ngữ (language), TT05 `language`.
public enum Language: String, TT05Code {
    /// 01 Tiếng Việt.
    case vietnamese = "01"
    /// 02 Tiếng Anh.
    case english = "02"
    /// 03 Tiếng Pháp.
    case french = "03"
    /// 04 Tiếng Nga.
    case russian = "04"
    /// 05 Tiếng Trung.
    case chinese = "05"
    /// 06 Việt-Anh.
    case vietnameseEnglish = "06"
    /// 07 Việt-Nga.
    case vietnameseRussian = "07"
    /// 08 Việt-Pháp.
    case vietnameseFrench = "08"
    /// 09 Hán Nôm.
    case hanNom = "09"
    /// 10 Việt-Trung.
    case vietnameseChinese = "10"
    /// 11 Khác.
    case other = "11"

    /// Vietnamese label from TT05.
    public var vietnameseLabel: String {
        switch self {
        case .vietnamese: "Tiếng Việt"
        case .english: "Tiếng Anh"
        case .french: "Tiếng Pháp"
        case .russian: "Tiếng Nga"
        case .chinese: "Tiếng Trung"
        case .vietnameseEnglish: "Việt-Anh"
        case .vietnameseRussian: "Việt-Nga"
        case .vietnameseFrench: "Việt-Pháp"
        case .hanNom: "Hán Nôm"
        case .vietnameseChinese: "Việt-Trung"
        case .other: "Khác"
        }
    }

    /// English gloss.
    public var englishLabel: String {
        switch self {
        case .vietnamese: "Vietnamese"
        case .english: "English"
        case .french: "French"
        case .russian: "Russian"
        case .chinese: "Chinese"
        case .vietnameseEnglish: "Vietnamese-English"
        case .vietnameseRussian: "Vietnamese-Russian"
        case .vietnameseFrench: "Vietnamese-French"
        case .hanNom: "Han Nom"
        case .vietnameseChinese: "Vietnamese-Chinese"
        case .other: "Other"
        }
    }
}

/// Mức độ tin cậy (provenance of the digital form), TT05 `confidenceLevel`.
public enum ConfidenceLevel: String, TT05Code {
    /// 01 Gốc điện tử — born digital.
    case bornDigital = "01"
    /// 02 Số hóa — digitized from paper.
    case digitized = "02"
    /// 03 Hỗn hợp — mixed.
    case mixed = "03"

    /// Vietnamese label from TT05.
    public var vietnameseLabel: String {
        switch self {
        case .bornDigital: "Gốc điện tử"
        case .digitized: "Số hóa"
        case .mixed: "Hỗn hợp"
        }
    }

    /// English gloss.
    public var englishLabel: String {
        switch self {
        case .bornDigital: "Born digital"
        case .digitized: "Digitized"
        case .mixed: "Mixed"
        }
    }

    /// True when a paper original exists (02, 03): `paperFileCode` is then required.
    public var hasPaperOriginal: Bool { self != .bornDigital }
}

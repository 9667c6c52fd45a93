/// Where a document's digital form comes from, by TT05's `confidenceLevel` (Mức độ tin cậy):
/// 01 Gốc điện tử (born-digital), 02 Số hóa (digitized from paper), 03 Hỗn hợp (mixed).
///
/// A document's own `confidenceLevel` decides; when it has none, its dossier's does; when neither says,
/// the document is counted as `unspecified` rather than guessed from its file format.
public enum Provenance: String, Sendable, Hashable, Codable, CaseIterable {
    /// 02 Số hóa.
    case digitized
    /// 01 Gốc điện tử.
    case bornDigital
    /// 03 Hỗn hợp.
    case mixed
    /// No `confidenceLevel`, or a code outside the list.
    case unspecified

    /// The class of a document from its own code, else its dossier's.
    public init(document: String?, dossier: String?) {
        self = Provenance(code: document) ?? Provenance(code: dossier) ?? .unspecified
    }

    /// `01`/`1` → born-digital, `02`/`2` → digitized, `03`/`3` → mixed; nil otherwise.
    init?(code: String?) {
        guard let trimmed = code?.trimmingCharacters(in: .whitespacesAndNewlines), let number = Int(trimmed) else { return nil }
        switch number {
        case 1: self = .bornDigital
        case 2: self = .digitized
        case 3: self = .mixed
        default: return nil
        }
    }

    /// Vietnamese label.
    public var vietnamese: String {
        switch self {
        case .digitized: "Số hóa"
        case .bornDigital: "Gốc điện tử"
        case .mixed: "Hỗn hợp"
        case .unspecified: "Không xác định"
        }
    }

    /// English label.
    public var english: String {
        switch self {
        case .digitized: "digitized"
        case .bornDigital: "born-digital"
        case .mixed: "mixed"
        case .unspecified: "unspecified"
        }
    }
}

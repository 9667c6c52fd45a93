/// A PREMIS event type from the Library of Congress vocabulary
/// (`http://id.loc.gov/vocabulary/preservation/eventType`), as TT05 lists them for an AIP.
public enum AIPEventType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Bắt đầu tiếp nhận.
    case ingestionStart = "ingestion start"
    /// Kết thúc tiếp nhận.
    case ingestionEnd = "ingestion end"
    /// Kiểm tra virus.
    case virusCheck = "virus check"
    /// Kiểm tra tính toàn vẹn (checksum).
    case fixityCheck = "fixity check"
    /// Tính giá trị băm.
    case messageDigestCalculation = "message digest calculation"
    /// Nhận dạng định dạng.
    case formatIdentification = "format identification"
    /// Kiểm tra hợp lệ (gói SIP, siêu dữ liệu).
    case validation = "validation"
    /// Trích xuất siêu dữ liệu / văn bản.
    case metadataExtraction = "metadata extraction"
    /// Tạo gói thông tin (SIP → AIP).
    case informationPackageCreation = "information package creation"
    /// Chuyển giao (số hóa, nộp lưu).
    case transfer = "transfer"
    /// Sao lưu dự phòng.
    case replication = "replication"
    /// Hủy.
    case deletion = "deletion"

    /// The LoC code, the last segment of `valueURI` (`ins`, `vir`, `fix`, …).
    public var code: String {
        switch self {
        case .ingestionStart: "ins"
        case .ingestionEnd: "ine"
        case .virusCheck: "vir"
        case .fixityCheck: "fix"
        case .messageDigestCalculation: "mes"
        case .formatIdentification: "for"
        case .validation: "val"
        case .metadataExtraction: "mee"
        case .informationPackageCreation: "ipc"
        case .transfer: "tra"
        case .replication: "rep"
        case .deletion: "del"
        }
    }

    /// The vocabulary's URI.
    public static let authorityURI = "http://id.loc.gov/vocabulary/preservation/eventType"

    /// The term's URI, e.g. `http://id.loc.gov/vocabulary/preservation/eventType/ins`.
    public var valueURI: String { "\(Self.authorityURI)/\(code)" }
}

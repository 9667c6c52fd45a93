/// A document record (tài liệu): the 21 fields of TT05's per-document `EAD_doc_*.xml` `<simpledc>`.
///
/// Both spellings of the document code are kept: `docCode` (SIP) and `arcDocCode` (AIP, and some real SIPs).
/// String fields are nil when the element is absent and "" when it is present but empty.
public struct DocumentRecord: Sendable, Hashable, Codable {
    /// Mã định danh tài liệu (`docId`): `<fileCode>.<n>`, e.g. `H49.64.33.2001.160.1`.
    public var docId: String?
    /// Mã tài liệu (`docCode`): `<fileCode>.<7-digit ordinal>`, e.g. `H49.64.33.2001.160.0000001`.
    public var docCode: String?
    /// Mã tài liệu lưu trữ (`arcDocCode`), the variant spelling.
    public var arcDocCode: String?
    /// Thời hạn lưu trữ (`maintenance`).
    public var maintenance: TT05Value<Maintenance>?
    /// Tên loại văn bản (`typeName`), 01–32.
    public var typeName: TT05Value<DocumentType>?
    /// Số của văn bản (`codeNumber`), e.g. `40`.
    public var codeNumber: String?
    /// Ký hiệu của văn bản (`codeNotation`), e.g. `CT/TU`.
    public var codeNotation: String?
    /// Ngày, tháng, năm văn bản (`issuedDate`).
    public var issuedDate: TT05Value<TT05Date>?
    /// Tên cơ quan, tổ chức ban hành (`organName`), ≤ 200.
    public var organName: String?
    /// Trích yếu nội dung (`subject`), ≤ 500.
    public var subject: String?
    /// Ngôn ngữ (`language`).
    public var language: [TT05Value<Language>] = []
    /// Số lượng trang (`numberOfPage`).
    public var numberOfPage: TT05Value<Int>?
    /// Ký hiệu thông tin (`inforSign`), ≤ 30.
    public var inforSign: String?
    /// Từ khóa (`keyword`).
    public var keyword: [String] = []
    /// Chế độ sử dụng (`mode`).
    public var mode: TT05Value<AccessMode>?
    /// Mức độ tin cậy (`confidenceLevel`).
    public var confidenceLevel: TT05Value<ConfidenceLevel>?
    /// Bút tích (`autograph`): handwritten annotations, ≤ 2000.
    public var autograph: String?
    /// Tình trạng vật lý (`format`).
    public var format: TT05Value<PhysicalCondition>?
    /// Chế độ dự phòng (`riskRecovery`), 0/1.
    public var riskRecovery: TT05Value<TT05Flag>?
    /// Tình trạng dự phòng (`riskRecoveryStatus`), required when `riskRecovery` = 1.
    public var riskRecoveryStatus: TT05Value<RiskRecoveryStatus>?
    /// Quy trình xử lý (`process`): processing trail attached, 0/1; required for born-digital documents.
    public var process: TT05Value<TT05Flag>?
    /// Ghi chú (`description`), ≤ 500.
    public var description: String?
    /// Where the record was read from; nil for records built in code.
    public var source: TT05Source?

    /// An empty record, to fill in code.
    public init() {}

    /// The document code whichever spelling carries it: `docCode`, else `arcDocCode`.
    public var code: String? {
        if let docCode, !docCode.isEmpty { return docCode }
        return arcDocCode
    }

    /// The document number as printed: `codeNumber` and `codeNotation` joined the Party way (`40-CT/TU`)
    /// unless the notation already starts with a separator.
    public var documentNumber: String? {
        let number = codeNumber ?? "", notation = codeNotation ?? ""
        if number.isEmpty { return notation.isEmpty ? nil : notation }
        if notation.isEmpty { return number }
        if notation.hasPrefix("-") || notation.hasPrefix("/") { return number + notation }
        return "\(number)-\(notation)"
    }
}

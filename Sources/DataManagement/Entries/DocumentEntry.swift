/// The 21 TT05 `EAD_doc` fields of a document (tài liệu), plus the text extracted from its files.
public struct DocumentEntry: Sendable, Hashable, Codable {
    /// docId: `<fileCode>.<n>`; unique within its AIP.
    public var docId: String
    /// docCode: `<fileCode>.<7-digit ordinal>`.
    public var docCode: String?
    /// Thời hạn lưu trữ (code).
    public var maintenance: String?
    /// Tên loại văn bản (code 01–32).
    public var typeName: String?
    /// Số (e.g. `12`).
    public var codeNumber: String?
    /// Ký hiệu (e.g. `NQ/ĐU`).
    public var codeNotation: String?
    /// Ngày ban hành, as given (DD/MM/YYYY).
    public var issuedDate: String?
    /// Cơ quan ban hành (issuer).
    public var organName: String?
    /// Trích yếu nội dung.
    public var subject: String
    /// Ngôn ngữ (codes).
    public var languages: [String]
    /// Số trang.
    public var numberOfPage: Int?
    /// Ký hiệu thông tin.
    public var inforSign: String?
    /// Từ khóa.
    public var keywords: [String]
    /// Chế độ sử dụng (code).
    public var mode: String?
    /// Mức độ tin cậy (code).
    public var confidenceLevel: String?
    /// Bút tích: handwritten annotations.
    public var autograph: String?
    /// Tình trạng vật lý (code).
    public var format: String?
    /// Chế độ dự phòng.
    public var riskRecovery: Bool?
    /// Tình trạng dự phòng (code).
    public var riskRecoveryStatus: String?
    /// Quy trình xử lý: the processing trail is attached.
    public var process: Bool?
    /// Ghi chú.
    public var description: String?
    /// Text extracted from the document's files (text layer, OCR); indexed for search, not a TT05 field.
    public var fullText: String?

    /// A document with its required fields; the rest can be set afterwards.
    public init(
        docId: String, docCode: String? = nil, maintenance: String? = nil, typeName: String? = nil,
        codeNumber: String? = nil, codeNotation: String? = nil, issuedDate: String? = nil,
        organName: String? = nil, subject: String, languages: [String] = [], numberOfPage: Int? = nil,
        inforSign: String? = nil, keywords: [String] = [], mode: String? = nil,
        confidenceLevel: String? = nil, autograph: String? = nil, format: String? = nil,
        riskRecovery: Bool? = nil, riskRecoveryStatus: String? = nil, process: Bool? = nil,
        description: String? = nil, fullText: String? = nil
    ) {
        self.docId = docId
        self.docCode = docCode
        self.maintenance = maintenance
        self.typeName = typeName
        self.codeNumber = codeNumber
        self.codeNotation = codeNotation
        self.issuedDate = issuedDate
        self.organName = organName
        self.subject = subject
        self.languages = languages
        self.numberOfPage = numberOfPage
        self.inforSign = inforSign
        self.keywords = keywords
        self.mode = mode
        self.confidenceLevel = confidenceLevel
        self.autograph = autograph
        self.format = format
        self.riskRecovery = riskRecovery
        self.riskRecoveryStatus = riskRecoveryStatus
        self.process = process
        self.description = description
        self.fullText = fullText
    }
}

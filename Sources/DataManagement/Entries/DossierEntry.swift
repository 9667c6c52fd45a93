/// The 18 TT05 fields of a dossier (hồ sơ), as the package's `EAD.xml` `<simpledc>` gave them.
///
/// Codes stay as strings (`"01"`); the Metadata module checks them against the code lists.
public struct DossierEntry: Sendable, Hashable, Codable {
    /// Mã hồ sơ: agency or fonds code + year + dossier number.
    public var fileCode: String
    /// Mã hồ sơ lưu trữ: archive code + dossier code, set in an AIP.
    public var arcFileCode: String?
    /// Tiêu đề hồ sơ.
    public var title: String
    /// Thời hạn lưu trữ (code 01–07).
    public var maintenance: String?
    /// Chế độ sử dụng (01 open, 02 conditional, 03 secret).
    public var mode: String?
    /// Ngôn ngữ (codes, repeatable).
    public var languages: [String]
    /// Thời gian bắt đầu, as given (DD/MM/YYYY, MM/YYYY or YYYY).
    public var startDate: String?
    /// Thời gian kết thúc, as given.
    public var endDate: String?
    /// Từ khóa.
    public var keywords: [String]
    /// Tổng số tài liệu.
    public var totalDoc: Int?
    /// Số lượng tờ.
    public var numberOfPaper: Int?
    /// Số lượng trang.
    public var numberOfPage: Int?
    /// Tình trạng vật lý (code 01–03).
    public var format: String?
    /// Ký hiệu thông tin.
    public var inforSign: String?
    /// Mức độ tin cậy (01 born digital, 02 digitized, 03 mixed).
    public var confidenceLevel: String?
    /// Mã hồ sơ gốc giấy.
    public var paperFileCode: String?
    /// Chế độ dự phòng: a security copy is kept.
    public var riskRecovery: Bool?
    /// Tình trạng dự phòng (01 done, 02 not yet).
    public var riskRecoveryStatus: String?
    /// Ghi chú.
    public var description: String?

    /// A dossier with its required fields; the rest can be set afterwards.
    public init(
        fileCode: String, arcFileCode: String? = nil, title: String, maintenance: String? = nil,
        mode: String? = nil, languages: [String] = [], startDate: String? = nil, endDate: String? = nil,
        keywords: [String] = [], totalDoc: Int? = nil, numberOfPaper: Int? = nil, numberOfPage: Int? = nil,
        format: String? = nil, inforSign: String? = nil, confidenceLevel: String? = nil,
        paperFileCode: String? = nil, riskRecovery: Bool? = nil, riskRecoveryStatus: String? = nil,
        description: String? = nil
    ) {
        self.fileCode = fileCode
        self.arcFileCode = arcFileCode
        self.title = title
        self.maintenance = maintenance
        self.mode = mode
        self.languages = languages
        self.startDate = startDate
        self.endDate = endDate
        self.keywords = keywords
        self.totalDoc = totalDoc
        self.numberOfPaper = numberOfPaper
        self.numberOfPage = numberOfPage
        self.format = format
        self.inforSign = inforSign
        self.confidenceLevel = confidenceLevel
        self.paperFileCode = paperFileCode
        self.riskRecovery = riskRecovery
        self.riskRecoveryStatus = riskRecoveryStatus
        self.description = description
    }
}

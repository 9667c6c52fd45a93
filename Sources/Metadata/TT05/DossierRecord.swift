/// A dossier record (hồ sơ): the 18 fields of TT05's `EAD.xml` `<simpledc>` (SIP_hoso), in an AIP with
/// `arcFileCode` in place of (or beside) `fileCode`.
///
/// A value type read tolerantly from XML (`init(reading:)`) or built in code, checked by `check(options:)`
/// and written back by `write(to:)`/`xmlData()`. String fields are nil when the element is absent and ""
/// when it is present but empty.
public struct DossierRecord: Sendable, Hashable, Codable {
    /// Mã hồ sơ (`fileCode`): agency or fonds code + year formed + dossier number, e.g. `H49.64.33.2001.160`.
    public var fileCode: String?
    /// Mã hồ sơ lưu trữ (`arcFileCode`, AIP): archive code + dossier code (+ inventory number).
    public var arcFileCode: String?
    /// Tiêu đề hồ sơ (`title`), required, ≤ 1000.
    public var title: String?
    /// Thời hạn lưu trữ (`maintenance`).
    public var maintenance: TT05Value<Maintenance>?
    /// Chế độ sử dụng (`mode`).
    public var mode: TT05Value<AccessMode>?
    /// Ngôn ngữ (`language`), one or more codes.
    public var language: [TT05Value<Language>] = []
    /// Thời gian bắt đầu (`startDate`).
    public var startDate: TT05Value<TT05Date>?
    /// Thời gian kết thúc (`endDate`).
    public var endDate: TT05Value<TT05Date>?
    /// Từ khóa (`keyword`), each ≤ 100.
    public var keyword: [String] = []
    /// Tổng số tài liệu (`totalDoc`): must equal the documents present (checked by the package validator).
    public var totalDoc: TT05Value<Int>?
    /// Số lượng tờ (`numberOfPaper`).
    public var numberOfPaper: TT05Value<Int>?
    /// Số lượng trang (`numberOfPage`).
    public var numberOfPage: TT05Value<Int>?
    /// Tình trạng vật lý (`format`).
    public var format: TT05Value<PhysicalCondition>?
    /// Ký hiệu thông tin (`inforSign`), ≤ 30.
    public var inforSign: String?
    /// Mức độ tin cậy (`confidenceLevel`).
    public var confidenceLevel: TT05Value<ConfidenceLevel>?
    /// Mã hồ sơ gốc giấy (`paperFileCode`): `<archive code>.<store/shelf/box>.<paper dossier no>`, required when digitized.
    public var paperFileCode: String?
    /// Chế độ dự phòng (`riskRecovery`), 0/1.
    public var riskRecovery: TT05Value<TT05Flag>?
    /// Tình trạng dự phòng (`riskRecoveryStatus`), required when `riskRecovery` = 1.
    public var riskRecoveryStatus: TT05Value<RiskRecoveryStatus>?
    /// Ghi chú (`description`), ≤ 2000.
    public var description: String?
    /// Where the record was read from; nil for records built in code.
    public var source: TT05Source?

    /// An empty record, to fill in code.
    public init() {}

    /// The dossier's identifying code: `arcFileCode` when present, else `fileCode`.
    public var code: String? {
        if let arcFileCode, !arcFileCode.isEmpty { return arcFileCode }
        return fileCode
    }
}

/// The fields of the dossier record (hồ sơ, TT05 `EAD.xml`), in TT05 order.
public enum DossierField {
    /// Mã hồ sơ.
    public static let fileCode = TT05Field("fileCode", vi: "Mã hồ sơ", en: "dossier code", maxLength: 100)
    /// Mã hồ sơ lưu trữ (AIP).
    public static let arcFileCode = TT05Field("arcFileCode", vi: "Mã hồ sơ lưu trữ", en: "archival dossier code", maxLength: 100)
    /// Tiêu đề hồ sơ.
    public static let title = TT05Field("title", vi: "Tiêu đề hồ sơ", en: "dossier title", maxLength: 1000)
    /// Thời hạn lưu trữ.
    public static let maintenance = TT05Field("maintenance", vi: "Thời hạn lưu trữ", en: "retention period")
    /// Chế độ sử dụng.
    public static let mode = TT05Field("mode", vi: "Chế độ sử dụng", en: "access regime")
    /// Ngôn ngữ.
    public static let language = TT05Field("language", vi: "Ngôn ngữ", en: "language", repeatable: true)
    /// Thời gian bắt đầu.
    public static let startDate = TT05Field("startDate", vi: "Thời gian bắt đầu", en: "start date")
    /// Thời gian kết thúc.
    public static let endDate = TT05Field("endDate", vi: "Thời gian kết thúc", en: "end date")
    /// Từ khóa.
    public static let keyword = TT05Field("keyword", vi: "Từ khóa", en: "keyword", maxLength: 100, repeatable: true)
    /// Tổng số tài liệu.
    public static let totalDoc = TT05Field("totalDoc", vi: "Tổng số tài liệu", en: "number of documents")
    /// Số lượng tờ.
    public static let numberOfPaper = TT05Field("numberOfPaper", vi: "Số lượng tờ", en: "number of sheets")
    /// Số lượng trang.
    public static let numberOfPage = TT05Field("numberOfPage", vi: "Số lượng trang", en: "number of pages")
    /// Tình trạng vật lý.
    public static let format = TT05Field("format", vi: "Tình trạng vật lý", en: "physical condition")
    /// Ký hiệu thông tin.
    public static let inforSign = TT05Field("inforSign", vi: "Ký hiệu thông tin", en: "information symbol", maxLength: 30)
    /// Mức độ tin cậy.
    public static let confidenceLevel = TT05Field("confidenceLevel", vi: "Mức độ tin cậy", en: "confidence level")
    /// Mã hồ sơ gốc giấy.
    public static let paperFileCode = TT05Field("paperFileCode", vi: "Mã hồ sơ gốc giấy", en: "paper original's dossier code", maxLength: 100)
    /// Chế độ dự phòng.
    public static let riskRecovery = TT05Field("riskRecovery", vi: "Chế độ dự phòng", en: "security copy kept")
    /// Tình trạng dự phòng.
    public static let riskRecoveryStatus = TT05Field("riskRecoveryStatus", vi: "Tình trạng dự phòng", en: "security copy status")
    /// Ghi chú.
    public static let description = TT05Field("description", vi: "Ghi chú", en: "notes", maxLength: 2000)

    /// Every element a dossier `<simpledc>` may hold (the 18 fields plus the AIP's `arcFileCode`), in TT05 order.
    public static let all: [TT05Field] = [
        fileCode, arcFileCode, title, maintenance, mode, language, startDate, endDate, keyword, totalDoc,
        numberOfPaper, numberOfPage, format, inforSign, confidenceLevel, paperFileCode, riskRecovery,
        riskRecoveryStatus, description,
    ]
}

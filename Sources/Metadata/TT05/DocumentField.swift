/// The fields of the document record (tài liệu, TT05 `EAD_doc_*.xml`), in TT05 order.
public enum DocumentField {
    /// Mã định danh tài liệu.
    public static let docId = TT05Field("docId", vi: "Mã định danh tài liệu", en: "document identifier", maxLength: 100)
    /// Mã tài liệu.
    public static let docCode = TT05Field("docCode", vi: "Mã tài liệu", en: "document code", maxLength: 100)
    /// Mã tài liệu lưu trữ (variant spelling).
    public static let arcDocCode = TT05Field("arcDocCode", vi: "Mã tài liệu lưu trữ", en: "archival document code", maxLength: 100)
    /// Thời hạn lưu trữ.
    public static let maintenance = TT05Field("maintenance", vi: "Thời hạn lưu trữ", en: "retention period")
    /// Tên loại văn bản.
    public static let typeName = TT05Field("typeName", vi: "Tên loại văn bản", en: "document type")
    /// Số của văn bản.
    public static let codeNumber = TT05Field("codeNumber", vi: "Số của văn bản", en: "document number")
    /// Ký hiệu của văn bản.
    public static let codeNotation = TT05Field("codeNotation", vi: "Ký hiệu của văn bản", en: "document notation")
    /// Ngày, tháng, năm văn bản.
    public static let issuedDate = TT05Field("issuedDate", vi: "Ngày, tháng, năm văn bản", en: "date of issue")
    /// Tên cơ quan, tổ chức ban hành văn bản.
    public static let organName = TT05Field("organName", vi: "Tên cơ quan, tổ chức ban hành", en: "issuing body", maxLength: 200)
    /// Trích yếu nội dung.
    public static let subject = TT05Field("subject", vi: "Trích yếu nội dung", en: "subject summary", maxLength: 500)
    /// Ngôn ngữ.
    public static let language = TT05Field("language", vi: "Ngôn ngữ", en: "language", repeatable: true)
    /// Số lượng trang.
    public static let numberOfPage = TT05Field("numberOfPage", vi: "Số lượng trang", en: "number of pages")
    /// Ký hiệu thông tin.
    public static let inforSign = TT05Field("inforSign", vi: "Ký hiệu thông tin", en: "information symbol", maxLength: 30)
    /// Từ khóa.
    public static let keyword = TT05Field("keyword", vi: "Từ khóa", en: "keyword", maxLength: 100, repeatable: true)
    /// Chế độ sử dụng.
    public static let mode = TT05Field("mode", vi: "Chế độ sử dụng", en: "access regime")
    /// Mức độ tin cậy.
    public static let confidenceLevel = TT05Field("confidenceLevel", vi: "Mức độ tin cậy", en: "confidence level")
    /// Bút tích.
    public static let autograph = TT05Field("autograph", vi: "Bút tích", en: "handwritten annotations", maxLength: 2000)
    /// Tình trạng vật lý.
    public static let format = TT05Field("format", vi: "Tình trạng vật lý", en: "physical condition")
    /// Chế độ dự phòng.
    public static let riskRecovery = TT05Field("riskRecovery", vi: "Chế độ dự phòng", en: "security copy kept")
    /// Tình trạng dự phòng.
    public static let riskRecoveryStatus = TT05Field("riskRecoveryStatus", vi: "Tình trạng dự phòng", en: "security copy status")
    /// Quy trình xử lý.
    public static let process = TT05Field("process", vi: "Quy trình xử lý", en: "processing trail")
    /// Ghi chú.
    public static let description = TT05Field("description", vi: "Ghi chú", en: "notes", maxLength: 500)

    /// Every element a document `<simpledc>` may hold (21 fields, with both spellings of the code), in TT05 order.
    public static let all: [TT05Field] = [
        docId, docCode, arcDocCode, maintenance, typeName, codeNumber, codeNotation, issuedDate, organName, subject,
        language, numberOfPage, inforSign, keyword, mode, confidenceLevel, autograph, format, riskRecovery,
        riskRecoveryStatus, process, description,
    ]
}

import GRDB

/// A dossier (hồ sơ) row: the 18 TT05 fields, the AIP it lives in, its fonds, and sortable dates.
public struct Dossier: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table `dossiers`.
    public static let databaseTableName = "dossiers"
    /// The AIP (OCFL object id) holding the dossier; one dossier per AIP_hoso.
    public var aipObjectID: String
    /// Mã phông.
    public var fondsCode: String
    /// METS `@RECORDSTATUS` of the package that last wrote it.
    public var recordStatus: String
    /// Mã hồ sơ.
    public var fileCode: String
    /// Mã hồ sơ lưu trữ.
    public var arcFileCode: String?
    /// Tiêu đề hồ sơ.
    public var title: String
    /// Thời hạn lưu trữ.
    public var maintenance: String?
    /// Chế độ sử dụng.
    public var mode: String?
    /// Ngôn ngữ (JSON array in the column).
    public var languages: [String]
    /// Thời gian bắt đầu, as given.
    public var startDate: String?
    /// Thời gian kết thúc, as given.
    public var endDate: String?
    /// Start year, month, day parsed from `startDate` (nil when not a date).
    public var startYear: Int?
    /// Start month.
    public var startMonth: Int?
    /// Start day.
    public var startDay: Int?
    /// End year parsed from `endDate`.
    public var endYear: Int?
    /// End month.
    public var endMonth: Int?
    /// End day.
    public var endDay: Int?
    /// Từ khóa (JSON array).
    public var keywords: [String]
    /// Tổng số tài liệu.
    public var totalDoc: Int?
    /// Số lượng tờ.
    public var numberOfPaper: Int?
    /// Số lượng trang.
    public var numberOfPage: Int?
    /// Tình trạng vật lý.
    public var format: String?
    /// Ký hiệu thông tin.
    public var inforSign: String?
    /// Mức độ tin cậy.
    public var confidenceLevel: String?
    /// Mã hồ sơ gốc giấy.
    public var paperFileCode: String?
    /// Chế độ dự phòng.
    public var riskRecovery: Bool?
    /// Tình trạng dự phòng.
    public var riskRecoveryStatus: String?
    /// Ghi chú.
    public var description: String?

    init(_ e: DossierEntry, aipObjectID: String, fondsCode: String, recordStatus: String) {
        self.aipObjectID = aipObjectID
        self.fondsCode = fondsCode
        self.recordStatus = recordStatus
        fileCode = e.fileCode
        arcFileCode = e.arcFileCode
        title = e.title
        maintenance = e.maintenance
        mode = e.mode
        languages = e.languages
        startDate = e.startDate
        endDate = e.endDate
        let start = PartialDate(e.startDate), end = PartialDate(e.endDate)
        startYear = start?.year
        startMonth = start?.month
        startDay = start?.day
        endYear = end?.year
        endMonth = end?.month
        endDay = end?.day
        keywords = e.keywords
        totalDoc = e.totalDoc
        numberOfPaper = e.numberOfPaper
        numberOfPage = e.numberOfPage
        format = e.format
        inforSign = e.inforSign
        confidenceLevel = e.confidenceLevel
        paperFileCode = e.paperFileCode
        riskRecovery = e.riskRecovery
        riskRecoveryStatus = e.riskRecoveryStatus
        description = e.description
    }

    /// The TT05 fields again, as an entry.
    public var entry: DossierEntry {
        DossierEntry(
            fileCode: fileCode, arcFileCode: arcFileCode, title: title, maintenance: maintenance, mode: mode,
            languages: languages, startDate: startDate, endDate: endDate, keywords: keywords,
            totalDoc: totalDoc, numberOfPaper: numberOfPaper, numberOfPage: numberOfPage, format: format,
            inforSign: inforSign, confidenceLevel: confidenceLevel, paperFileCode: paperFileCode,
            riskRecovery: riskRecovery, riskRecoveryStatus: riskRecoveryStatus, description: description)
    }

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE dossiers (
                aipObjectID TEXT PRIMARY KEY NOT NULL CHECK (aipObjectID <> ''),
                fondsCode TEXT NOT NULL REFERENCES fonds(code),
                recordStatus TEXT NOT NULL,
                fileCode TEXT NOT NULL,
                arcFileCode TEXT,
                title TEXT NOT NULL,
                maintenance TEXT,
                mode TEXT,
                languages TEXT NOT NULL,
                startDate TEXT,
                endDate TEXT,
                startYear INTEGER, startMonth INTEGER, startDay INTEGER,
                endYear INTEGER, endMonth INTEGER, endDay INTEGER,
                keywords TEXT NOT NULL,
                totalDoc INTEGER,
                numberOfPaper INTEGER,
                numberOfPage INTEGER,
                format TEXT,
                inforSign TEXT,
                confidenceLevel TEXT,
                paperFileCode TEXT,
                riskRecovery INTEGER,
                riskRecoveryStatus TEXT,
                description TEXT
            ) STRICT;
            CREATE INDEX dossiers_fileCode ON dossiers(fileCode);
            CREATE INDEX dossiers_fonds_year ON dossiers(fondsCode, startYear, endYear);
            """)
    }

    static let snapshotSQL = "SELECT * FROM dossiers ORDER BY aipObjectID"
}

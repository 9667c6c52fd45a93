import GRDB

/// A document (tài liệu) row: the 21 TT05 `EAD_doc` fields and the AIP it lives in.
public struct Document: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table `documents`.
    public static let databaseTableName = "documents"
    /// The AIP holding the document.
    public var aipObjectID: String
    /// Mã phông.
    public var fondsCode: String
    /// Position in the AIP (0-based), so documents read back in the order given.
    public var ordinal: Int
    /// docId.
    public var docId: String
    /// docCode.
    public var docCode: String?
    /// Thời hạn lưu trữ.
    public var maintenance: String?
    /// Tên loại văn bản.
    public var typeName: String?
    /// Số.
    public var codeNumber: String?
    /// Ký hiệu.
    public var codeNotation: String?
    /// Ngày ban hành, as given.
    public var issuedDate: String?
    /// Year parsed from `issuedDate`.
    public var issuedYear: Int?
    /// Cơ quan ban hành.
    public var organName: String?
    /// Trích yếu.
    public var subject: String
    /// Ngôn ngữ (JSON array).
    public var languages: [String]
    /// Số trang.
    public var numberOfPage: Int?
    /// Ký hiệu thông tin.
    public var inforSign: String?
    /// Từ khóa (JSON array).
    public var keywords: [String]
    /// Chế độ sử dụng.
    public var mode: String?
    /// Mức độ tin cậy.
    public var confidenceLevel: String?
    /// Bút tích.
    public var autograph: String?
    /// Tình trạng vật lý.
    public var format: String?
    /// Chế độ dự phòng.
    public var riskRecovery: Bool?
    /// Tình trạng dự phòng.
    public var riskRecoveryStatus: String?
    /// Quy trình xử lý.
    public var process: Bool?
    /// Ghi chú.
    public var description: String?

    init(_ e: DocumentEntry, aipObjectID: String, fondsCode: String, ordinal: Int) {
        self.aipObjectID = aipObjectID
        self.fondsCode = fondsCode
        self.ordinal = ordinal
        docId = e.docId
        docCode = e.docCode
        maintenance = e.maintenance
        typeName = e.typeName
        codeNumber = e.codeNumber
        codeNotation = e.codeNotation
        issuedDate = e.issuedDate
        issuedYear = PartialDate(e.issuedDate)?.year
        organName = e.organName
        subject = e.subject
        languages = e.languages
        numberOfPage = e.numberOfPage
        inforSign = e.inforSign
        keywords = e.keywords
        mode = e.mode
        confidenceLevel = e.confidenceLevel
        autograph = e.autograph
        format = e.format
        riskRecovery = e.riskRecovery
        riskRecoveryStatus = e.riskRecoveryStatus
        process = e.process
        description = e.description
    }

    /// The TT05 fields again, as an entry (without the full text, which lives in the search index).
    public var entry: DocumentEntry {
        DocumentEntry(
            docId: docId, docCode: docCode, maintenance: maintenance, typeName: typeName,
            codeNumber: codeNumber, codeNotation: codeNotation, issuedDate: issuedDate,
            organName: organName, subject: subject, languages: languages, numberOfPage: numberOfPage,
            inforSign: inforSign, keywords: keywords, mode: mode, confidenceLevel: confidenceLevel,
            autograph: autograph, format: format, riskRecovery: riskRecovery,
            riskRecoveryStatus: riskRecoveryStatus, process: process, description: description)
    }

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE documents (
                aipObjectID TEXT NOT NULL,
                fondsCode TEXT NOT NULL REFERENCES fonds(code),
                ordinal INTEGER NOT NULL,
                docId TEXT NOT NULL CHECK (docId <> ''),
                docCode TEXT,
                maintenance TEXT,
                typeName TEXT,
                codeNumber TEXT,
                codeNotation TEXT,
                issuedDate TEXT,
                issuedYear INTEGER,
                organName TEXT,
                subject TEXT NOT NULL,
                languages TEXT NOT NULL,
                numberOfPage INTEGER,
                inforSign TEXT,
                keywords TEXT NOT NULL,
                mode TEXT,
                confidenceLevel TEXT,
                autograph TEXT,
                format TEXT,
                riskRecovery INTEGER,
                riskRecoveryStatus TEXT,
                process INTEGER,
                description TEXT,
                PRIMARY KEY (aipObjectID, docId)
            ) STRICT;
            CREATE INDEX documents_order ON documents(aipObjectID, ordinal);
            """)
    }

    static let snapshotSQL = "SELECT * FROM documents ORDER BY aipObjectID, docId"
}

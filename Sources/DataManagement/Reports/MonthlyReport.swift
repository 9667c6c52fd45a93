/// The monthly progress report (báo cáo tiến độ nộp lưu hằng tháng) the provincial directive asks for:
/// what each transferring unit (đơn vị nộp lưu) handed over in one month, Vietnam time.
public struct MonthlyReport: Sendable, Hashable, Codable {
    /// The month reported.
    public var month: ReportMonth
    /// When the report was made, ISO 8601 with the +07:00 offset.
    public var generatedAt: String
    /// One row per unit that transferred or had a package rejected in the month, by name.
    public var units: [UnitProgress]
    /// The sum of every row (unit `Tổng cộng`).
    public var totals: UnitProgress
    /// Each rejected package of the month, oldest first.
    public var rejected: [RejectedPackage]

    /// A report from rows; totals are summed here so they always agree with the rows.
    public init(month: ReportMonth, generatedAt: String, units: [UnitProgress], rejected: [RejectedPackage]) {
        self.month = month
        self.generatedAt = generatedAt
        self.units = units
        self.rejected = rejected
        totals = units.reduce(into: UnitProgress(unit: MonthlyReport.totalLabel)) { $0.add($1) }
    }

    /// The label of the totals row.
    public static let totalLabel = "Tổng cộng"
    /// The unit of a rejected package whose unit could not be read.
    public static let unknownUnit = "Không xác định / unknown"
}

/// One transferring unit's numbers for the month.
public struct UnitProgress: Sendable, Hashable, Codable {
    /// Đơn vị nộp lưu, as recorded on the transfer.
    public var unit: String
    /// Accepted transfers (lượt nộp lưu).
    public var transfers = 0
    /// Dossiers (hồ sơ) those transfers archived.
    public var dossiers = 0
    /// Documents (tài liệu) in those dossiers.
    public var documents = 0
    /// Pages (trang): the documents' `numberOfPage`, or the dossier's when it lists no documents.
    public var pages = 0
    /// Pages of digitized documents (trang số hóa).
    public var digitizedPages = 0
    /// Bytes of the dossiers' content files (payload; Kho's METS/PREMIS/EAD metadata not counted).
    public var bytes: Int64 = 0
    /// Documents digitized from paper (confidenceLevel 02).
    public var digitizedDocuments = 0
    /// Born-digital documents (confidenceLevel 01).
    public var bornDigitalDocuments = 0
    /// Mixed (03).
    public var mixedDocuments = 0
    /// No usable confidenceLevel.
    public var unspecifiedDocuments = 0
    /// Packages refused and put in quarantine.
    public var rejectedPackages = 0

    /// An empty row.
    public init(unit: String) {
        self.unit = unit
    }

    /// Counts `count` documents of `provenance`.
    public mutating func addDocuments(_ count: Int, pages: Int, provenance: Provenance) {
        documents += count
        self.pages += pages
        switch provenance {
        case .digitized:
            digitizedDocuments += count
            digitizedPages += pages
        case .bornDigital: bornDigitalDocuments += count
        case .mixed: mixedDocuments += count
        case .unspecified: unspecifiedDocuments += count
        }
    }

    /// Adds another row's numbers to this one.
    public mutating func add(_ other: UnitProgress) {
        transfers += other.transfers
        dossiers += other.dossiers
        documents += other.documents
        pages += other.pages
        digitizedPages += other.digitizedPages
        bytes += other.bytes
        digitizedDocuments += other.digitizedDocuments
        bornDigitalDocuments += other.bornDigitalDocuments
        mixedDocuments += other.mixedDocuments
        unspecifiedDocuments += other.unspecifiedDocuments
        rejectedPackages += other.rejectedPackages
    }
}

/// A package refused at ingest, as its quarantine report tells it (read by Ingest, handed to the report).
public struct RejectedPackage: Sendable, Hashable, Codable {
    /// Đơn vị nộp lưu, when known.
    public var transferringUnit: String?
    /// The package's file or folder name.
    public var packageName: String
    /// When it was received, ISO 8601 with offset.
    public var receivedAt: String
    /// Errors found.
    public var errorCount: Int
    /// The first error: rule and message.
    public var firstError: String

    /// A rejected package.
    public init(transferringUnit: String?, packageName: String, receivedAt: String, errorCount: Int, firstError: String) {
        self.transferringUnit = transferringUnit
        self.packageName = packageName
        self.receivedAt = receivedAt
        self.errorCount = errorCount
        self.firstError = firstError
    }
}

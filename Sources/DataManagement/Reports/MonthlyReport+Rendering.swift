import Foundation
import KhoCore

extension MonthlyReport {
    /// Fill of the digitized segment (đỏ son): distinctive, so a test can find the drawn bars in a screenshot.
    public static let digitizedFill = "#c8102e"
    /// Fill of the born-digital segment.
    public static let bornDigitalFill = "#1565c0"
    /// Fill of mixed and unspecified documents.
    public static let otherFill = "#9e9e9e"

    /// `Báo cáo tiến độ nộp lưu tháng 11/2026`.
    public var title: String { "Báo cáo tiến độ nộp lưu tháng \(month.vietnamese)" }

    /// The report in `format`, as bytes to write.
    public func rendered(as format: ReportFormat) throws -> [UInt8] {
        switch format {
        case .html: Array(html.utf8)
        case .csv: csv.data
        case .json: try ReportJSON.encode(self)
        }
    }

    /// The column headings: Vietnamese, English.
    static let columns: [(vi: String, en: String)] = [
        ("Đơn vị nộp lưu", "Transferring unit"), ("Lượt nộp lưu", "Transfers"), ("Hồ sơ", "Dossiers"),
        ("Tài liệu", "Documents"), ("Số trang", "Pages"), ("Trang số hóa", "Digitized pages"), ("Dung lượng (byte)", "Bytes"),
        ("TL số hóa", "Digitized docs"), ("TL gốc điện tử", "Born-digital docs"), ("TL hỗn hợp", "Mixed docs"),
        ("TL không xác định", "Unspecified docs"), ("Gói bị từ chối", "Rejected packages"),
    ]

    static func numbers(_ row: UnitProgress) -> [Int64] {
        [Int64(row.transfers), Int64(row.dossiers), Int64(row.documents), Int64(row.pages), Int64(row.digitizedPages), row.bytes,
         Int64(row.digitizedDocuments), Int64(row.bornDigitalDocuments), Int64(row.mixedDocuments), Int64(row.unspecifiedDocuments),
         Int64(row.rejectedPackages)]
    }

    /// A row's number cells; the bytes cell also gives the size in binary units underneath.
    static func cells(_ row: UnitProgress) -> String {
        numbers(row).enumerated().map { index, value in
            index == 5 && value >= 1024
                ? "<td class=\"num\">\(VietnameseNumber.grouped(value))<small>\(VietnameseNumber.bytes(value))</small></td>"
                : HTMLTable.number(value)
        }.joined()
    }

    /// CSV: one row per unit then the totals row; plain integers (no grouping) so spreadsheets compute with them.
    var csv: CSVTable {
        var table = CSVTable()
        table.append(["Tháng / Month"] + Self.columns.map { "\($0.vi) / \($0.en)" })
        for row in units + [totals] {
            table.append([month.iso, row.unit] + Self.numbers(row).map(String.init))
        }
        return table
    }

    /// The self-contained HTML page.
    public var html: String {
        let generated = VietnamTime.parse(generatedAt) ?? Date()
        var table = "<table class=\"units\">\n<thead><tr>" + Self.columns.map { HTMLTable.header($0.vi, $0.en) }.joined() + "</tr></thead>\n<tbody>\n"
        for row in units {
            table += "<tr>" + HTMLTable.text(row.unit) + Self.cells(row) + "</tr>\n"
        }
        if units.isEmpty {
            table += "<tr><td colspan=\"\(Self.columns.count)\">Không có lượt nộp lưu nào trong tháng / no transfers this month</td></tr>\n"
        }
        table += "</tbody>\n<tfoot><tr><th>\(Self.totalLabel)<small>Total</small></th>"
            + Self.cells(totals) + "</tr></tfoot>\n</table>"

        let chart = BarChart(
            title: "Tài liệu theo đơn vị nộp lưu, số hóa và gốc điện tử — documents per unit, digitized and born-digital",
            unit: "tài liệu",
            series: [.init(label: "Số hóa / digitized", fill: Self.digitizedFill),
                     .init(label: "Gốc điện tử / born-digital", fill: Self.bornDigitalFill),
                     .init(label: "Hỗn hợp, không xác định / mixed, unspecified", fill: Self.otherFill)],
            bars: units.filter { $0.documents > 0 }.map {
                .init(label: $0.unit, values: [$0.digitizedDocuments, $0.bornDigitalDocuments, $0.mixedDocuments + $0.unspecifiedDocuments])
            })

        var rejectedTable = "<table class=\"rejected\">\n<thead><tr>" + HTMLTable.header("Thời điểm nhận", "Received")
            + HTMLTable.header("Gói", "Package") + HTMLTable.header("Đơn vị nộp lưu", "Transferring unit")
            + HTMLTable.header("Số lỗi", "Errors") + HTMLTable.header("Lỗi đầu tiên", "First error") + "</tr></thead>\n<tbody>\n"
        for package in rejected {
            rejectedTable += "<tr>" + HTMLTable.text(VietnamTime.display(package.receivedAt)) + "<td><code>\(MarkupText.escape(package.packageName))</code></td>"
                + HTMLTable.text(package.transferringUnit ?? Self.unknownUnit) + HTMLTable.number(package.errorCount)
                + HTMLTable.text(package.firstError) + "</tr>\n"
        }
        if rejected.isEmpty { rejectedTable += "<tr><td colspan=\"5\">Không có / none</td></tr>\n" }
        rejectedTable += "</tbody></table>"

        let notes = """
            <section class="note"><h2>Cách tính <small>How the numbers are counted</small></h2><ul>
            <li>Lượt nộp lưu: gói được tiếp nhận trong tháng (giờ Việt Nam, UTC+07:00). <small>Transfers accepted in the month, Vietnam time.</small></li>
            <li>Số hóa / gốc điện tử theo trường Mức độ tin cậy (confidenceLevel, TT05): 02 Số hóa, 01 Gốc điện tử, 03 Hỗn hợp; \
            tài liệu không ghi thì theo hồ sơ, hồ sơ cũng không ghi thì “không xác định”. \
            <small>Digitized vs born-digital by TT05 confidenceLevel of the document, else of its dossier; otherwise unspecified.</small></li>
            <li>Dung lượng: các tệp nội dung của hồ sơ, không tính METS, EAD, PREMIS. <small>Bytes of content files, metadata not counted.</small></li>
            <li>Gói bị từ chối: theo báo cáo trong khu cách ly (quarantine). <small>Rejected packages, from the quarantine reports.</small></li>
            </ul></section>
            """
        let page = HTMLPage(
            title: title,
            englishTitle: "Monthly transfer progress report, \(month.iso)",
            sections: [
                "<section><h2>Số liệu theo đơn vị nộp lưu <small>By transferring unit</small></h2>\n\(table)</section>",
                "<section><h2>Biểu đồ tài liệu <small>Documents per unit</small></h2>\n\(chart.svg)</section>",
                "<section><h2>Gói bị từ chối <small>Rejected packages</small></h2>\n\(rejectedTable)</section>",
                notes,
            ],
            byline: "Lập lúc \(MarkupText.escape(VietnamTime.dateTime(generated))) <small>generated \(MarkupText.escape(generatedAt))</small>",
            footer: "Kho lưu trữ số, \(MarkupText.escape(VietnamTime.longDate(generated))). Số liệu lấy từ mục lục của kho. "
                + "<small>Figures from the repository catalogue.</small>")
        return page.html
    }
}

/// JSON as Kho writes it everywhere: sorted keys, indented, slashes unescaped.
enum ReportJSON {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }
}

import DataManagement
import Foundation
import Testing

/// The renderers: user data escaped in HTML and SVG, CSV quoted with a BOM, Vietnamese labels and numbers.
@Suite struct ReportRenderingTests {
    static let hostile = "Chi bộ <script>alert(1)</script>&\"'"

    static func report() -> MonthlyReport {
        var unit = UnitProgress(unit: hostile)
        unit.transfers = 2
        unit.dossiers = 3
        unit.addDocuments(1_234_567, pages: 2_000_000, provenance: .digitized)
        unit.addDocuments(5, pages: 7, provenance: .bornDigital)
        unit.bytes = 9_876_543_210
        var other = UnitProgress(unit: "Đảng ủy xã Tân Lập, huyện \"Lục Yên\"\nphòng 2")
        other.transfers = 1
        other.addDocuments(4, pages: 4, provenance: .bornDigital)
        let rejected = RejectedPackage(transferringUnit: hostile, packageName: "<img src=x onerror=alert(1)>.zip",
                                       receivedAt: "2026-11-20T10:00:00.000+07:00", errorCount: 1, firstError: "E1 <b>")
        return MonthlyReport(month: ReportMonth(year: 2026, month: 11)!, generatedAt: "2026-11-21T22:00:00+07:00",
                             units: [unit, other], rejected: [rejected])
    }

    @Test func htmlEscapesUserDataEverywhere() throws {
        let html = Self.report().html
        #expect(html.contains("<title>Báo cáo tiến độ nộp lưu tháng 11/2026</title>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("Chi bộ &lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;.zip"))
        // Numbers grouped the Vietnamese way, the totals row present.
        #expect(html.contains(">1.234.567<"))
        #expect(html.contains(">9.876.543.210<small>9,2 GiB</small><"))
        #expect(html.contains("Tổng cộng"))
        #expect(html.contains(">1.234.576<"))  // total documents 1.234.567 + 5 + 4
        // Self-contained: no script, no external reference, a CSP that forbids both.
        #expect(html.contains("default-src 'none'"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2)  // only the SVG namespace
        #expect(!html.contains("https://"))
        // The chart: stacked bars in the digitized and born-digital fills, with titles.
        #expect(html.contains("<svg"))
        #expect(html.contains("class=\"bar\""))
        #expect(html.contains("fill=\"\(MonthlyReport.digitizedFill)\""))
        #expect(html.contains("fill=\"\(MonthlyReport.bornDigitalFill)\""))
        #expect(html.contains("Số hóa / digitized: 1.234.567 tài liệu"))
    }

    @Test func csvHasBOMQuotesAndNeutralisesFormulas() throws {
        let bytes = try Self.report().rendered(as: .csv)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("Tháng / Month,Đơn vị nộp lưu / Transferring unit,Lượt nộp lưu / Transfers,"))
        #expect(lines[1] == "2026-11,\"Chi bộ <script>alert(1)</script>&\"\"'\",2,3,1234572,2000007,2000000,9876543210,1234567,5,0,0,0")
        // A comma, quotes and a line break inside one field: quoted, quotes doubled, the break kept inside.
        #expect(text.contains("2026-11,\"Đảng ủy xã Tân Lập, huyện \"\"Lục Yên\"\"\r\nphòng 2\",1,0,4,4,0,0,0,4,0,0,0") ||
                text.contains("2026-11,\"Đảng ủy xã Tân Lập, huyện \"\"Lục Yên\"\"\nphòng 2\",1,0,4,4,0,0,0,4,0,0,0"))
        #expect(text.contains("2026-11,Tổng cộng,3,3,1234576,2000011,2000000,9876543210,1234567,9,0,0,0\r\n"))

        var formula = UnitProgress(unit: "=HYPERLINK(\"http://x\")")
        formula.transfers = 1
        let csv = String(decoding: try MonthlyReport(month: ReportMonth(year: 2026, month: 1)!, generatedAt: "2026-01-01T00:00:00+07:00",
                                                     units: [formula], rejected: []).rendered(as: .csv).dropFirst(3), as: UTF8.self)
        #expect(csv.contains("2026-01,\"'=HYPERLINK(\"\"http://x\"\")\",1,"))
    }

    @Test func jsonRoundTrips() throws {
        let report = Self.report()
        let decoded = try JSONDecoder().decode(MonthlyReport.self, from: Data(try report.rendered(as: .json)))
        #expect(decoded == report)
        #expect(decoded.totals.documents == 1_234_576)
        #expect(String(decoding: try report.rendered(as: .json), as: UTF8.self).contains("\"month\" : \"2026-11\""))
    }

    @Test func emptyMonthStillRenders() throws {
        let report = MonthlyReport(month: ReportMonth(year: 2026, month: 2)!, generatedAt: "2026-02-01T00:00:00+07:00", units: [], rejected: [])
        #expect(report.totals.transfers == 0)
        let html = report.html
        #expect(html.contains("Báo cáo tiến độ nộp lưu tháng 02/2026"))
        #expect(html.contains("Không có lượt nộp lưu nào trong tháng"))
        #expect(html.contains("Không có dữ liệu / no data"))
    }
}

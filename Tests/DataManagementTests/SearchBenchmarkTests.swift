import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// Opt-in scale check: `KHO_SEARCH_BENCH_DOCS=100000 swift test --filter SearchBenchmark` generates that
/// many Vietnamese documents (100 per dossier) and prints record throughput and search p50/p95.
/// Off by default: the ordinary run keeps to the few-thousand-row check in VietnameseSearchTests.
@Suite struct SearchBenchmarkTests {
    static let documents = Int(ProcessInfo.processInfo.environment["KHO_SEARCH_BENCH_DOCS"] ?? "") ?? 0

    @Test(.enabled(if: documents > 0)) func searchAtScale() throws {
        let dir = try TemporaryDirectory()
        defer { withExtendedLifetime(dir) {} }
        // KHO_SEARCH_BENCH_PATH keeps the generated catalogue for inspection with the sqlite3 shell.
        let path = ProcessInfo.processInfo.environment["KHO_SEARCH_BENCH_PATH"] ?? dir.url.appendingPathComponent("kho.sqlite").path
        let catalogue = try Catalogue(path: path)
        let communes = ["Tân Lập", "Hà Lộc", "Hạ Lộc", "Đông Sơn", "Quảng Phú", "Yên Thế", "Đức Thọ", "Thạch Hà",
                        "Cẩm Xuyên", "Kỳ Anh", "Hương Khê", "Nghi Xuân", "Can Lộc", "Lộc Hà", "Vũ Quang", "Hồng Lĩnh"]
        let subjects = ["Nghị quyết về", "Báo cáo tổng kết", "Biên bản họp", "Kế hoạch thực hiện", "Thông báo kết luận",
                        "Chương trình công tác", "Tờ trình về", "Quyết định chuẩn y"]
        let topics = ["công tác xây dựng Đảng", "phát triển kinh tế", "an ninh quốc phòng", "giáo dục đào tạo",
                      "xây dựng nông thôn mới", "công tác kiểm tra giám sát", "đại hội chi bộ", "công tác dân vận",
                      "thu chi ngân sách", "chính sách người có công", "phòng chống thiên tai", "chuyển đổi số"]
        let notations = ["NQ/ĐU", "BC/ĐU", "KH/ĐU", "TB/ĐU", "CT/ĐU", "QĐ/ĐU", "TTr/ĐU", "BB/CB"]
        let perDossier = 100
        let start = ContinuousClock.now
        for n in 0..<(Self.documents / perDossier) {
            let commune = communes[n % communes.count]
            let year = 1975 + n % 50
            let fileCode = "H49.\(n % 97).\(year).\(n)"
            let documents = (0..<perDossier).map { i in
                DocumentEntry(
                    docId: "\(fileCode).\(i + 1)", typeName: String(format: "%02d", 1 + (i * 7 + n) % 32),
                    codeNumber: "\(i + 1 + n % 13)", codeNotation: notations[(i + n) % notations.count],
                    organName: "Đảng ủy xã \(commune)",
                    subject: "\(subjects[(i + n) % subjects.count]) \(topics[(i * 5 + n) % topics.count]) xã \(commune) năm \(year)",
                    mode: ["01", "01", "02", "03"][(i + n) % 4],
                    fullText: "Văn bản số \(i + 1) của Đảng ủy xã \(commune) về \(topics[(i + 3 * n) % topics.count]) và \(topics[(i * 11 + n) % topics.count]).")
            }
            try catalogue.record(aip: AIPEntry(
                objectID: "urn:uuid:bench-\(n)", version: 1, created: "2026-06-12T11:46:02+07:00",
                fonds: FondsEntry(code: "F\(n % 97)", name: "Phông \(commune)"),
                dossier: DossierEntry(fileCode: fileCode, title: "Hồ sơ \(topics[n % topics.count]) xã \(commune)",
                                      startDate: "\(year)", endDate: "\(year + 1)"),
                documents: documents))
        }
        let recordSeconds = Self.milliseconds(ContinuousClock.now - start) / 1000
        print("bench: recorded \(Self.documents) documents in \(String(format: "%.1f", recordSeconds)) s")
        let queries = [
            SearchQuery("dang uy xa tan lap"), SearchQuery("Hà Lộc"), SearchQuery("xay dung nong thon moi"),
            SearchQuery("5-NQ/ĐU"), SearchQuery("kiem tra giam sat", fondsCode: "F3"),
            SearchQuery("bao cao", yearFrom: 2000, yearTo: 2005, typeName: "02"), SearchQuery("quoc ph*"),
            SearchQuery("đại hội chi bộ", mode: "02"), SearchQuery("chuyen doi so ky anh"),
            SearchQuery("H49.5.1980.5"), SearchQuery("chính sách người có công"), SearchQuery("thien tai", fondsCode: "F10"),
        ]
        for query in queries {
            var timings: [Double] = []
            var count = 0
            for _ in 0..<7 {
                let t0 = ContinuousClock.now
                count = try catalogue.search(query).count
                timings.append(Self.milliseconds(ContinuousClock.now - t0))
            }
            timings.sort()
            print("bench: \(query.text) [\(count) hits] p50 \(String(format: "%.1f", timings[3])) ms, max \(String(format: "%.1f", timings[6])) ms")
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}

import ArgumentParser
import DataManagement
import Foundation
import KhoCore

/// `kho bench search` — latency of `Catalogue.search` on a generated catalogue of (by default)
/// 1,000,000 documents, a fixed set of queries, p50/p95/p99 per query and overall.
struct BenchSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Đo độ trễ tìm kiếm — search latency on a generated catalogue of 1,000,000 documents.",
        discussion: """
            Generates, once, a catalogue of --documents documents under --work (dossiers of 100 \
            documents with Vietnamese subjects, issuers, numbers like 12-NQ/ĐU, years 1975–2024, type \
            and access codes, a short extracted text), loaded through `Catalogue.record(aips:)` (the rows \
            of `record(aip:)`, 50 AIPs per transaction), and reuses it while the marker matches. Then runs \
            a fixed set of queries (without and with diacritics, document numbers, filters, common and \
            rare words), --warmup times each unmeasured and --repeats times each measured, in this process \
            (the latency of the query API, what `kho search` and the access API call), and prints \
            p50/p95/p99 per query and overall. Target (issue 4): p95 < 50 ms.
            """
    )

    @Option(help: "Folder holding the generated catalogue.")
    var work: String = "bench-work"

    @Option(help: "Documents in the catalogue (rounded down to whole dossiers of 100).")
    var documents: Int = 1_000_000

    @Option(help: "Measured runs of each query.")
    var repeats: Int = 50

    @Option(help: "Unmeasured runs of each query first.")
    var warmup: Int = 3

    @Option(help: "Score at most this many matches per query (SearchQuery.rankingWindow; default: the API's, 2,000).")
    var rankingWindow: Int?

    func validate() throws {
        if let rankingWindow, rankingWindow < 1 { throw ValidationError("--ranking-window must be at least 1") }
        guard documents >= BenchSearchCorpus.perDossier else { throw ValidationError("--documents must be at least \(BenchSearchCorpus.perDossier)") }
        guard repeats >= 1, warmup >= 0 else { throw ValidationError("--repeats must be at least 1, --warmup at least 0") }
    }

    func run() async throws {
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        let folder = workURL.appendingPathComponent("search-\(documents)")
        print(BenchTable.machineDescription())
        print("Load average before: \(BenchIngestCommand.loadAverage())\n")
        let (catalogue, loadSeconds) = try BenchSearchCorpus.catalogue(in: folder, documents: documents)
        let dossiers = documents / BenchSearchCorpus.perDossier
        if let loadSeconds {
            print("Generated \(dossiers * BenchSearchCorpus.perDossier) documents in \(dossiers) dossiers in \(String(format: "%.1f", loadSeconds)) s "
                  + "(\(String(format: "%.0f", Double(dossiers * BenchSearchCorpus.perDossier) / max(loadSeconds, 1e-9))) documents/s); "
                  + "load average now \(BenchIngestCommand.loadAverage())\n")
        } else {
            print("Reused the catalogue of \(dossiers * BenchSearchCorpus.perDossier) documents at \(folder.path)\n")
        }
        if let rankingWindow { print("Ranking window: \(rankingWindow) matches per query (SearchQuery.rankingWindow).\n") }
        let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("kho.sqlite").path)[.size] as? Int64) ?? 0
        print("### Search latency — \(dossiers * BenchSearchCorpus.perDossier) documents + \(dossiers) dossiers, catalogue \(size / 1_000_000) MB, "
              + "\(repeats) runs per query after \(warmup) warm-up runs\n")
        print("| query | what it tests | hits (limit 20) | p50 ms | p95 ms | p99 ms | max ms |")
        print("|---|---|---:|---:|---:|---:|---:|")
        var all: [Double] = []
        for (label, what, fixed) in BenchSearchCorpus.queries(dossiers: dossiers) {
            var query = fixed
            if let rankingWindow { query.rankingWindow = rankingWindow }
            for _ in 0..<warmup { _ = try catalogue.search(query) }
            var timings: [Double] = []
            var hits = 0
            for _ in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                hits = try catalogue.search(query).count
                timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            all += timings
            timings.sort()
            print("| `\(label)` | \(what) | \(hits) | \(Self.ms(Self.percentile(timings, 50))) | \(Self.ms(Self.percentile(timings, 95))) | "
                  + "\(Self.ms(Self.percentile(timings, 99))) | \(Self.ms(timings.last ?? 0)) |")
        }
        all.sort()
        let p95 = Self.percentile(all, 95)
        print("| **all queries** | \(all.count) searches | | \(Self.ms(Self.percentile(all, 50))) | **\(Self.ms(p95))** | \(Self.ms(Self.percentile(all, 99))) | \(Self.ms(all.last ?? 0)) |")
        print("\n- target p95 < 50 ms: \(p95 < 50 ? "met" : "NOT met") (\(Self.ms(p95)) ms over all queries)")
        print("- load average after: \(BenchIngestCommand.loadAverage())")
    }

    /// The nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    private static func ms(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// The generated catalogue of `kho bench search`: deterministic, Vietnamese, made once and reused.
enum BenchSearchCorpus {
    /// Documents per dossier.
    static let perDossier = 100
    /// AIPs per write transaction.
    static let batch = 50

    static let communes = ["Tân Lập", "Hà Lộc", "Hạ Lộc", "Đông Sơn", "Quảng Phú", "Yên Thế", "Đức Thọ", "Thạch Hà",
                           "Cẩm Xuyên", "Kỳ Anh", "Hương Khê", "Nghi Xuân", "Can Lộc", "Lộc Hà", "Vũ Quang", "Hồng Lĩnh",
                           "Thạch Đài", "Xuân Thành", "Cẩm Nhượng", "Sơn Kim", "Đồng Lộc", "Phù Việt", "Kỳ Nam", "Hương Đô"]
    /// Issuers: (name before the place, notation suffix).
    static let issuers = [("Đảng ủy xã", "ĐU"), ("Ban Thường vụ Huyện ủy", "HU"), ("Chi bộ thôn Đông", "CB"),
                          ("Ủy ban Kiểm tra Đảng ủy xã", "UBKT"), ("Ban Tuyên giáo Huyện ủy", "BTG"), ("Đảng ủy khối Cơ quan", "ĐU")]
    /// Document types: (TT05 typeName code, name in the subject, notation prefix).
    static let types = [("01", "Nghị quyết về", "NQ"), ("02", "Quyết định về", "QĐ"), ("03", "Chỉ thị về", "CT"),
                        ("05", "Kế hoạch thực hiện", "KH"), ("07", "Thông báo kết luận về", "TB"), ("08", "Báo cáo tổng kết", "BC"),
                        ("10", "Tờ trình về", "TTr"), ("14", "Biên bản họp về", "BB"), ("11", "Chương trình công tác", "CTr"),
                        ("22", "Công văn về", "CV")]
    static let topics = ["công tác xây dựng Đảng", "phát triển kinh tế", "an ninh quốc phòng", "giáo dục đào tạo",
                         "xây dựng nông thôn mới", "công tác kiểm tra giám sát", "đại hội chi bộ", "công tác dân vận",
                         "thu chi ngân sách", "chính sách người có công", "phòng chống thiên tai", "chuyển đổi số",
                         "kết nạp đảng viên", "thu hồi đất làm đường", "y tế dự phòng", "quy hoạch cán bộ",
                         "phòng chống dịch bệnh", "khen thưởng tổ chức cơ sở đảng", "học tập nghị quyết", "bầu cử đại biểu"]
    /// Words that occur in about one document in 20,000 (`rare` queries).
    static let rareTopics = ["trùng tu đình làng Trảo Nha", "khắc phục sự cố vỡ đê Hữu Phủ", "tôn tạo mộ cụ Phan Đình Phùng"]

    /// Opens the catalogue in `folder`, generating it when its marker does not name `documents`;
    /// returns the generation time when it generated.
    static func catalogue(in folder: URL, documents: Int) throws -> (Catalogue, Double?) {
        let marker = folder.appendingPathComponent(".kho-bench-search")
        let signature = "v2 \(documents)"
        let path = folder.appendingPathComponent("kho.sqlite").path
        if let text = try? String(contentsOf: marker, encoding: .utf8), text == signature {
            // Opening applies pending migrations (v3-search-facets re-indexes every row): say how long.
            let start = DispatchTime.now().uptimeNanoseconds
            let catalogue = try Catalogue(path: path)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("Opened the reused catalogue in \(String(format: "%.1f", seconds)) s (migrations: \(try catalogue.appliedMigrations().joined(separator: ", ")))\n")
            return (catalogue, nil)
        }
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let catalogue = try Catalogue(path: path)
        let start = DispatchTime.now().uptimeNanoseconds
        let dossiers = documents / perDossier
        var pending: [AIPEntry] = []
        pending.reserveCapacity(batch)
        for n in 0..<dossiers {
            pending.append(aip(n))
            if pending.count == batch || n == dossiers - 1 {
                try catalogue.record(aips: pending)
                pending.removeAll(keepingCapacity: true)
            }
            if n % 1000 == 999 {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                FileHandle.standardError.write(Data("… \((n + 1) * perDossier) documents, \(String(format: "%.0f", seconds)) s\n".utf8))
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        try Data(signature.utf8).write(to: marker)
        return (catalogue, seconds)
    }

    /// Dossier `n`: one commune, issuer and year; 100 documents numbered within it.
    static func aip(_ n: Int) -> AIPEntry {
        let commune = communes[n % communes.count]
        let (issuerName, suffix) = issuers[(n / communes.count) % issuers.count]
        let issuer = "\(issuerName) \(commune)"
        let year = 1975 + (n * 7) % 50
        let fondsCode = "H49.\(n % 97)"
        let fileCode = "\(fondsCode).\(year).\(n)"
        let topic = topics[n % topics.count]
        let documents = (0..<perDossier).map { i -> DocumentEntry in
            let (typeCode, typeName, prefix) = types[(i * 3 + n) % types.count]
            let subjectTopic = topics[(i * 7 + n * 3) % topics.count]
            let serial = n * perDossier + i
            let rare = serial % 20_000 == 777 ? " và \(rareTopics[(serial / 20_000) % rareTopics.count])" : ""
            return DocumentEntry(
                docId: "\(fileCode).\(i + 1)", docCode: String(format: "%@.%07d", fileCode, i + 1), maintenance: "01",
                typeName: typeCode, codeNumber: "\(1 + (i + n) % 149)", codeNotation: "\(prefix)/\(suffix)",
                issuedDate: String(format: "%02d/%02d/%d", 1 + i % 28, 1 + i % 12, year), organName: issuer,
                subject: "\(typeName) \(subjectTopic)\(rare) \(issuer.hasPrefix("Đảng ủy xã") ? "" : "xã \(commune) ")năm \(year)",
                languages: ["01"], numberOfPage: 1 + i % 9, keywords: [subjectTopic],
                mode: ["01", "01", "01", "02", "03"][(i + n) % 5], confidenceLevel: "02",
                fullText: "\(issuer) ban hành văn bản số \(1 + (i + n) % 149)-\(prefix)/\(suffix) về \(subjectTopic) "
                    + "và \(topics[(i * 11 + n) % topics.count]) trên địa bàn xã \(commune).")
        }
        return AIPEntry(
            objectID: "urn:uuid:bench-search-\(n)", version: 1, created: "2026-06-12T11:46:02+07:00",
            fonds: FondsEntry(code: fondsCode, name: "Phông \(issuer)"),
            dossier: DossierEntry(fileCode: fileCode, title: "Hồ sơ \(topic) của \(issuer) năm \(year)", maintenance: "01",
                                  mode: "01", languages: ["01"], startDate: "\(year)", endDate: "\(year)",
                                  keywords: [topic], totalDoc: perDossier),
            documents: documents)
    }

    /// The fixed queries: (as typed, what it tests, the query).
    static func queries(dossiers: Int) -> [(String, String, SearchQuery)] {
        [
            ("dang uy xa tan lap", "diacritic-free, đ, very common", SearchQuery("dang uy xa tan lap")),
            ("Đảng ủy xã Hà Lộc", "with diacritics, exact first (Hạ Lộc folds the same)", SearchQuery("Đảng ủy xã Hà Lộc")),
            ("xay dung nong thon moi", "diacritic-free, common phrase words", SearchQuery("xay dung nong thon moi")),
            ("chính sách người có công", "with diacritics, common", SearchQuery("chính sách người có công")),
            ("12-NQ/ĐU", "document number as typed", SearchQuery("12-NQ/ĐU")),
            ("12-nq/du", "document number, lower case, no đ", SearchQuery("12-nq/du")),
            ("H49.5.2010.5", "dossier file code", SearchQuery("H49.5.2010.5")),
            ("kiem tra giam sat --fonds H49.3", "words + fonds filter", SearchQuery("kiem tra giam sat", fondsCode: "H49.3")),
            ("bao cao --from 2000 --to 2005 --type 08", "words + years + type", SearchQuery("bao cao", yearFrom: 2000, yearTo: 2005, typeName: "08")),
            ("đại hội chi bộ --mode 02", "diacritics + access filter", SearchQuery("đại hội chi bộ", mode: "02")),
            ("chuyen doi so ky anh", "sparse intersection of common words", SearchQuery("chuyen doi so ky anh")),
            ("quoc ph*", "prefix", SearchQuery("quoc ph*")),
            ("trung tu dinh lang trao nha", "rare words, diacritic-free", SearchQuery("trung tu dinh lang trao nha")),
            ("vỡ đê Hữu Phủ", "rare words, with diacritics", SearchQuery("vỡ đê Hữu Phủ")),
            ("--fonds H49.10 --from 1990 --to 1995", "filters only, no words", SearchQuery("", fondsCode: "H49.10", yearFrom: 1990, yearTo: 1995)),
        ]
    }
}

import Foundation
import KhoTestSupport
import Testing

/// Must-show 4: transfers generated with `kho sample sip` from several units (one package corrupted so it is
/// rejected) are ingested into a fresh home; `kho report monthly` for this month must give, in JSON, CSV and
/// HTML, exactly the numbers the test counted in the packages it generated — never numbers read back from
/// the catalogue. The HTML is then opened in a real headless Chromium.
@Suite struct ReportMonthlyCLITests {
    /// What the test knows about the packages of one unit, counted from the generated files.
    struct Expected: Equatable {
        var transfers = 0, dossiers = 0, documents = 0, pages = 0, digitizedPages = 0, bytes: Int64 = 0
        var digitized = 0, bornDigital = 0, mixed = 0, unspecified = 0, rejected = 0

        /// In the report's column order (after the unit).
        var columns: [Int64] {
            [Int64(transfers), Int64(dossiers), Int64(documents), Int64(pages), Int64(digitizedPages), bytes,
             Int64(digitized), Int64(bornDigital), Int64(mixed), Int64(unspecified), Int64(rejected)]
        }

        mutating func add(_ other: Expected) {
            transfers += other.transfers; dossiers += other.dossiers; documents += other.documents; pages += other.pages
            digitizedPages += other.digitizedPages; bytes += other.bytes; digitized += other.digitized
            bornDigital += other.bornDigital; mixed += other.mixed; unspecified += other.unspecified; rejected += other.rejected
        }
    }

    /// The element's text in a flat `<simpledc>` record, nil when absent or empty.
    static func field(_ name: String, in xml: String) -> String? {
        guard let start = xml.range(of: "<\(name)>"), let end = xml.range(of: "</\(name)>", range: start.upperBound..<xml.endIndex) else { return nil }
        let value = String(xml[start.upperBound..<end.lowerBound])
        return value.isEmpty ? nil : value
    }

    /// Counts one generated package folder: its EAD_doc records and the files under `representations/*/data/`.
    static func count(package: String) throws -> Expected {
        var expected = Expected(transfers: 1, dossiers: 1)
        let dossierLevel = field("confidenceLevel", in: try String(contentsOfFile: package + "/metadata/descriptive/EAD.xml", encoding: .utf8))
        let files = FileManager.default.enumerator(atPath: package)?.allObjects as? [String] ?? []
        for file in files.sorted() {
            let path = package + "/" + file
            if file.contains("/data/"), let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber {
                expected.bytes += size.int64Value
            }
            guard (file as NSString).lastPathComponent.hasPrefix("EAD_doc_") else { continue }
            let record = try String(contentsOfFile: path, encoding: .utf8)
            let pages = Int(field("numberOfPage", in: record) ?? "") ?? 0
            expected.documents += 1
            expected.pages += pages
            switch field("confidenceLevel", in: record) ?? dossierLevel {
            case "02": expected.digitized += 1; expected.digitizedPages += pages
            case "01": expected.bornDigital += 1
            case "03": expected.mixed += 1
            default: expected.unspecified += 1
            }
        }
        return expected
    }

    /// The creator organization named in a package's METS header (the unit of a package ingested without --transfer-unit).
    static func creator(package: String) throws -> String {
        let mets = try String(contentsOfFile: package + "/METS.xml", encoding: .utf8)
        let agent = try #require(mets.range(of: "ROLE=\"CREATOR\" TYPE=\"ORGANIZATION\""))
        let rest = String(mets[agent.upperBound...])
        return try #require(field("mets:name", in: rest))
    }

    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func grouped(_ value: Int64) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(character)
        }
        return out
    }

    /// A fresh home with three units' transfers and one rejected package, and what the test knows of them.
    final class Fixture: @unchecked Sendable {
        let directory: TemporaryDirectory
        var home: String { directory.path + "/home" }
        var expected: [String: Expected] = [:]
        let month: String

        static let units = ["Đảng ủy xã Tân Lập", "Huyện ủy Lục Yên", "Chi bộ <script>&\" thôn 3"]

        init() throws {
            directory = try TemporaryDirectory("kho-report-cli")
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
            let now = calendar.dateComponents([.year, .month], from: Date())
            month = String(format: "%04d-%02d", now.year ?? 0, now.month ?? 0)

            // (unit, dossiers, documents per dossier, seed, extra flags)
            let sets: [(String, Int, Int, Int, [String])] = [
                (Self.units[0], 3, 2, 31, []), (Self.units[1], 2, 4, 32, ["--images"]), (Self.units[2], 1, 5, 33, []),
            ]
            for (unit, dossiers, docs, seed, flags) in sets {
                let out = directory.path + "/sip-\(seed)"
                let sample = try runKho(["sample", "sip", "--out", out, "--dossiers", "\(dossiers)", "--docs", "\(docs)", "--seed", "\(seed)"] + flags)
                try #require(sample.status == 0, "\(sample.stderr)")
                let packages = try FileManager.default.contentsOfDirectory(atPath: out).sorted().map { out + "/" + $0 }
                try #require(packages.count == dossiers)
                var known = Expected()
                for package in packages { known.add(try ReportMonthlyCLITests.count(package: package)) }
                try #require(known.documents == dossiers * docs)
                expected[unit] = known
                let ingest = try runKho(["ingest", "--home", home, "--transfer-unit", unit] + packages)
                try #require(ingest.status == 0, "\(ingest.stdout)\n\(ingest.stderr)")
                // Ingesting the same package again archives nothing and makes no transfer.
                if unit == Self.units[0] {
                    let again = try runKho(["ingest", "--home", home, "--transfer-unit", unit, packages[0]])
                    try #require(again.status == 0 && again.stdout.contains("already archived"), "\(again.stdout)")
                }
            }
            // A package whose PDF no longer matches the SHA-256 its METS declares: rejected to quarantine.
            let bad = directory.path + "/sip-bad"
            try #require(try runKho(["sample", "sip", "--out", bad, "--dossiers", "1", "--docs", "2", "--seed", "34"]).status == 0)
            let package = bad + "/" + (try FileManager.default.contentsOfDirectory(atPath: bad)[0])
            let data = package + "/representations/rep1/data"
            let pdf = data + "/" + (try FileManager.default.contentsOfDirectory(atPath: data).sorted()[0])
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: pdf))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("%% altered after sealing\n".utf8))
            try handle.close()
            let rejected = try runKho(["ingest", "--home", home, package])
            try #require(rejected.status == 1 && rejected.stdout.contains("rejected"), "\(rejected.stdout)")
            var rejectedUnit = expected[try ReportMonthlyCLITests.creator(package: package)] ?? Expected()
            rejectedUnit.rejected += 1
            expected[try ReportMonthlyCLITests.creator(package: package)] = rejectedUnit

            let all = expected.values.reduce(into: Expected()) { $0.add($1) }
            try #require(all.digitized > 0 && all.bornDigital > 0, "the generated set must hold both kinds for the chart")
        }

        var total: Expected { expected.values.reduce(into: Expected()) { $0.add($1) } }

        func report(_ format: String) throws -> String {
            let output = directory.path + "/report.\(format)"
            let result = try runKho(["report", "monthly", "--home", home, "--month", month, "--format", format, "--output", output])
            try #require(result.status == 0, "\(result.stderr)")
            return output
        }
    }

    @Test func reportMatchesWhatWasIngestedInJSONCSVAndHTML() throws {
        let fixture = try Fixture()
        #expect(fixture.expected.count == 4)

        // JSON.
        struct Row: Decodable {
            var unit: String
            var transfers, dossiers, documents, pages, digitizedPages: Int
            var bytes: Int64
            var digitizedDocuments, bornDigitalDocuments, mixedDocuments, unspecifiedDocuments, rejectedPackages: Int
            var expected: Expected {
                Expected(transfers: transfers, dossiers: dossiers, documents: documents, pages: pages, digitizedPages: digitizedPages,
                         bytes: bytes, digitized: digitizedDocuments, bornDigital: bornDigitalDocuments, mixed: mixedDocuments,
                         unspecified: unspecifiedDocuments, rejected: rejectedPackages)
            }
        }
        struct Report: Decodable { var units: [Row]; var totals: Row; var rejected: [Rejected] }
        struct Rejected: Decodable { var transferringUnit: String?; var errorCount: Int }
        let json = try JSONDecoder().decode(Report.self, from: Data(contentsOf: URL(fileURLWithPath: try fixture.report("json"))))
        #expect(Set(json.units.map(\.unit)) == Set(fixture.expected.keys))
        for row in json.units { #expect(row.expected == fixture.expected[row.unit], "\(row.unit)") }
        #expect(json.totals.expected == fixture.total)
        #expect(json.totals.unit == "Tổng cộng")
        #expect(json.rejected.count == 1)
        #expect(json.rejected.first?.errorCount ?? 0 >= 1)

        // CSV: BOM, header, one row per unit, totals; fields split by a small RFC 4180 reader.
        let csvBytes = try Data(contentsOf: URL(fileURLWithPath: try fixture.report("csv")))
        #expect(Array(csvBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let records = Self.parseCSV(String(decoding: csvBytes.dropFirst(3), as: UTF8.self))
        #expect(records.first?.prefix(3) == ["Tháng / Month", "Đơn vị nộp lưu / Transferring unit", "Lượt nộp lưu / Transfers"])
        #expect(records.count == 1 + fixture.expected.count + 1)
        for record in records.dropFirst() {
            #expect(record.count == 13)
            #expect(record[0] == fixture.month)
            let known = record[1] == "Tổng cộng" ? fixture.total : fixture.expected[record[1]]
            #expect(record.dropFirst(2).map { Int64($0) } == known?.columns, "\(record[1])")
        }

        // HTML: each unit's row, escaped, with every number in Vietnamese grouping; the totals row.
        let page = try String(contentsOfFile: try fixture.report("html"), encoding: .utf8)
        let parts = fixture.month.split(separator: "-")
        #expect(page.contains("<title>Báo cáo tiến độ nộp lưu tháng \(parts[1])/\(parts[0])</title>"))
        #expect(!page.contains("<script"))
        for (unit, known) in fixture.expected {
            let start = try #require(page.range(of: "<tr><td>\(Self.html(unit))</td>"), "row of \(unit)")
            let row = String(page[start.upperBound...].prefix { $0 != "\n" })
            #expect(Self.numberCells(row) == known.columns.map(Self.grouped), "\(unit)")
        }
        let totals = try #require(page.range(of: "<tfoot><tr><th>Tổng cộng"))
        #expect(Self.numberCells(String(page[totals.upperBound...].prefix { $0 != "\n" })) == fixture.total.columns.map(Self.grouped))
    }

    @Test(.enabled(if: which("chromium") != nil && (which("convert") != nil || which("magick") != nil),
                   "cần chromium và ImageMagick / needs chromium and ImageMagick (.ci/run installs both)"))
    func htmlRendersInHeadlessChromium() throws {
        let fixture = try Fixture()
        let file = try fixture.report("html")
        let chromium = try #require(which("chromium"))
        let profile = fixture.directory.path + "/chromium-home"
        try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        let environment = ["HOME": profile, "XDG_CONFIG_HOME": profile, "XDG_CACHE_HOME": profile]
        let common = ["60", chromium.path, "--headless=new", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)/data"]
        let timeout = URL(fileURLWithPath: "/usr/bin/timeout")

        let dump = try runProcess(timeout, common + ["--dump-dom", "file://\(file)"], environment: environment)
        try #require(dump.status == 0, "\(dump.stderr)")
        let dom = dump.stdout
        let parts = fixture.month.split(separator: "-")
        #expect(dom.contains("Báo cáo tiến độ nộp lưu tháng \(parts[1])/\(parts[0])"))
        // The hostile unit name is text in the rendered DOM, never an element.
        #expect(dom.contains("Chi bộ &lt;script&gt;&amp;\" thôn 3"))
        #expect(!dom.contains("<script"))
        for unit in fixture.expected.keys where !unit.contains("<") { #expect(dom.contains(unit), "\(unit)") }
        #expect(dom.contains(Self.grouped(fixture.total.bytes)))
        #expect(dom.contains("<svg"))
        let segments = fixture.expected.values.reduce(0) { count, known in
            count + (known.digitized > 0 ? 1 : 0) + (known.bornDigital > 0 ? 1 : 0) + (known.mixed + known.unspecified > 0 ? 1 : 0)
        }
        #expect(dom.components(separatedBy: "<rect class=\"bar\"").count - 1 == segments)

        // The chart is really drawn: the digitized red and the born-digital blue fill pixels of the screenshot.
        let png = fixture.directory.path + "/report.png"
        let shot = try runProcess(timeout, common + ["--screenshot=\(png)", "--window-size=1200,1600", "--hide-scrollbars", "file://\(file)"],
                                  environment: environment)
        try #require(shot.status == 0 && FileManager.default.fileExists(atPath: png), "\(shot.stderr)")
        let magick = try #require(which("convert") ?? which("magick"))
        let histogram = try runProcess(magick, [png, "-format", "%c", "histogram:info:-"])
        try #require(histogram.status == 0, "\(histogram.stderr)")
        func pixels(_ hex: String) -> Int {
            histogram.stdout.split(separator: "\n").filter { $0.uppercased().contains(hex.uppercased()) }
                .compactMap { Int($0.split(separator: ":").first?.trimmingCharacters(in: .whitespaces) ?? "") }.reduce(0, +)
        }
        // A bar is 26 px high and at least one document wide of a 650 px plot: far more than 500 pixels.
        #expect(pixels("#C8102E") > 500, "digitized bars")
        #expect(pixels("#1565C0") > 500, "born-digital bars")
    }

    @Test func monthIsValidatedAsAUsageError() throws {
        let directory = try TemporaryDirectory("kho-report-month")
        for bad in ["2026-13", "2026-1", "tháng-11"] {
            let result = try runKho(["report", "monthly", "--home", directory.path, "--month", bad])
            #expect(result.status == 2)
            #expect(result.stderr.contains("không hợp lệ"))
            #expect(result.stderr.contains("is not valid"))
        }
        let missing = try runKho(["report", "monthly", "--home", directory.path + "/none", "--month", "2026-11"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("KHO-CAT-MISSING"))
    }

    /// `<td class="num">…</td>` values of one table row, in order.
    static func numberCells(_ row: String) -> [String] {
        row.components(separatedBy: "<td class=\"num\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    /// RFC 4180: fields split on commas outside quotes, doubled quotes inside, records end at CRLF.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { record.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { record.append(field); records.append(record); record = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}

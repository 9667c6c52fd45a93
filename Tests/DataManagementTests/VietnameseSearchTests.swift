import DataManagement
import Foundation
import KhoTestSupport
import Testing

@Suite struct VietnameseFoldingTests {
    @Test func foldsDiacriticsAndDStroke() {
        #expect(VietnameseFolding.fold("Đảng ủy xã Tân Lập") == "dang uy xa tan lap")
        #expect(VietnameseFolding.fold("ĐỒNG CHÍ Nguyễn Văn Đức") == "dong chi nguyen van duc")
        // NFD input (as some Mac tools write it) folds the same.
        #expect(VietnameseFolding.fold("Ha\u{300} No\u{323}i") == "ha noi")
        #expect(VietnameseFolding.exact("Ha\u{300}") == VietnameseFolding.exact("Hà"))
        #expect(VietnameseFolding.hasDiacritics("Hạ") && !VietnameseFolding.hasDiacritics("Ha"))
        #expect(VietnameseFolding.hasDiacritics("đu"))
    }

    @Test func documentNumbersBecomeOneToken() {
        for typed in ["12-NQ/ĐU", "12-nq/đu", "12-NQ/DU", "12 NQ ĐU"] {
            #expect(VietnameseFolding.numberToken(typed) == "12nqdu", "\(typed)")
        }
        #expect(VietnameseFolding.looksLikeNumber("15/QĐ-BNV"))
        #expect(!VietnameseFolding.looksLikeNumber("Đảng-ủy"))
    }
}

@Suite struct VietnameseSearchTests {
    /// Three dossiers in two fonds, with documents of several types and regimes.
    static func corpus() throws -> (TemporaryDirectory, Catalogue) {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.url.appendingPathComponent("kho.sqlite").path)
        let tanLap = FondsEntry(code: "F01", name: "Phông Đảng ủy xã Tân Lập")
        let haLoc = FondsEntry(code: "F02", name: "Phông Đảng ủy xã Hà Lộc")
        func aip(_ id: String, _ fonds: FondsEntry, _ dossier: DossierEntry, _ documents: [DocumentEntry]) -> AIPEntry {
            AIPEntry(objectID: "urn:uuid:\(id)", version: 1, created: "2026-06-12T11:46:02+07:00", fonds: fonds,
                     dossier: dossier, documents: documents)
        }
        try catalogue.record(aip: aip("a1", tanLap,
            DossierEntry(fileCode: "F01.2001.01", title: "Hồ sơ Đại hội Đảng ủy xã Tân Lập", mode: "01",
                         startDate: "05/03/2001", endDate: "28/12/2001", keywords: ["đại hội"]),
            [DocumentEntry(docId: "F01.2001.01.1", typeName: "01", codeNumber: "12", codeNotation: "NQ/ĐU",
                           organName: "Đảng ủy xã Tân Lập", subject: "Nghị quyết về phát triển kinh tế", mode: "01",
                           fullText: "Hội nghị quyết định xây dựng trường học và đường giao thông nông thôn."),
             DocumentEntry(docId: "F01.2001.01.2", typeName: "14", codeNumber: "15", codeNotation: "QĐ-BNV",
                           organName: "Bộ Nội vụ", subject: "Báo cáo công tác kiểm tra", mode: "03")]))
        try catalogue.record(aip: aip("a2", haLoc,
            DossierEntry(fileCode: "F02.1995.07", title: "Hồ sơ hội nghị xã Hà Lộc", mode: "02",
                         startDate: "1995", endDate: "1996"),
            [DocumentEntry(docId: "F02.1995.07.1", typeName: "20", organName: "Chi bộ thôn Hà Lộc",
                           subject: "Biên bản họp chi bộ thôn Hà Lộc", mode: "02")]))
        try catalogue.record(aip: aip("a3", haLoc,
            DossierEntry(fileCode: "F02.2010.02", title: "Hồ sơ hội nghị xã Hạ Lộc", mode: "01",
                         startDate: "02/2010", endDate: "11/2010"),
            [DocumentEntry(docId: "F02.2010.02.1", typeName: "20", codeNumber: "3", codeNotation: "BB/CB",
                           organName: "Chi bộ thôn Hạ Lộc", subject: "Biên bản họp chi bộ thôn Hạ Lộc", mode: "01")]))
        return (dir, catalogue)
    }

    @Test func queriesWithoutDiacriticsFindVietnameseText() throws {
        let (dir, catalogue) = try Self.corpus()
        defer { withExtendedLifetime(dir) {} }
        let hits = try catalogue.search(SearchQuery("dang uy xa tan lap"))
        #expect(hits.contains { $0.kind == .dossier && $0.title == "Hồ sơ Đại hội Đảng ủy xã Tân Lập" })
        // The document is found through its issuer (organName) field.
        #expect(hits.contains { $0.docId == "F01.2001.01.1" })
        #expect(hits.allSatisfy { $0.aipObjectID == "urn:uuid:a1" })
        let dossier = try #require(hits.first { $0.kind == .dossier })
        #expect(dossier.snippet?.contains("[Đảng]") == true)
        #expect(dossier.snippet?.contains("[Lập]") == true)
        // Upper-case Đ typed without its stroke, and the stroke alone, both work.
        #expect(try !catalogue.search(SearchQuery("DANG UY")).isEmpty)
        #expect(try !catalogue.search(SearchQuery("Đảng ủy")).isEmpty)
        // Extracted full text is searched too.
        let text = try catalogue.search(SearchQuery("giao thong nong thon"))
        #expect(text.map(\.docId) == ["F01.2001.01.1"])
        #expect(text.first?.snippet?.contains("[giao] [thông] [nông] [thôn.]") == true)
        // Every word must match.
        #expect(try catalogue.search(SearchQuery("tan lap ha loc")).isEmpty)
    }

    @Test func exactDiacriticsRankFirst() throws {
        let (dir, catalogue) = try Self.corpus()
        defer { withExtendedLifetime(dir) {} }
        let typedHa = try catalogue.search(SearchQuery("Hà Lộc", kinds: [.dossier]))
        #expect(typedHa.map(\.title) == ["Hồ sơ hội nghị xã Hà Lộc", "Hồ sơ hội nghị xã Hạ Lộc"])
        let typedHaDot = try catalogue.search(SearchQuery("Hạ Lộc", kinds: [.dossier]))
        #expect(typedHaDot.map(\.title) == ["Hồ sơ hội nghị xã Hạ Lộc", "Hồ sơ hội nghị xã Hà Lộc"])
        #expect(typedHaDot[0].rank > typedHaDot[1].rank)
        // Without diacritics both are found.
        #expect(try catalogue.search(SearchQuery("ha loc", kinds: [.dossier])).count == 2)
        // Diacritics typed in NFD behave as NFC.
        let nfd = try catalogue.search(SearchQuery("Ha\u{323} Lo\u{302}\u{323}c", kinds: [.dossier]))
        #expect(nfd.first?.title == "Hồ sơ hội nghị xã Hạ Lộc")
    }

    @Test(arguments: ["12-NQ/ĐU", "12-nq/đu", "12-NQ/DU", "12-nq/du"])
    func partyDocumentNumbersAreFoundAsTyped(_ typed: String) throws {
        let (dir, catalogue) = try Self.corpus()
        defer { withExtendedLifetime(dir) {} }
        let hits = try catalogue.search(SearchQuery(typed))
        #expect(hits.first?.docId == "F01.2001.01.1", "\(typed)")
        #expect(hits.count == 1)
    }

    @Test func stateNumbersCodesAndPrefixes() throws {
        let (dir, catalogue) = try Self.corpus()
        defer { withExtendedLifetime(dir) {} }
        #expect(try catalogue.search(SearchQuery("15/QĐ-BNV")).map(\.docId) == ["F01.2001.01.2"])
        #expect(try catalogue.search(SearchQuery("15/qd-bnv")).map(\.docId) == ["F01.2001.01.2"])
        // Another number must not match: 3-BB/CB is not 12-NQ/ĐU.
        #expect(try catalogue.search(SearchQuery("13-NQ/ĐU")).isEmpty)
        // Dossier and document codes are number tokens too.
        #expect(try catalogue.search(SearchQuery("F02.2010.02")).map(\.kind) == [.dossier])
        #expect(try catalogue.search(SearchQuery("F02.1995.07.1")).map(\.docId) == ["F02.1995.07.1"])
        // A trailing star makes a prefix query.
        #expect(try catalogue.search(SearchQuery("kiem tr*")).map(\.docId) == ["F01.2001.01.2"])
    }

    @Test func filtersByFondsYearTypeAndMode() throws {
        let (dir, catalogue) = try Self.corpus()
        defer { withExtendedLifetime(dir) {} }
        #expect(Set(try catalogue.search(SearchQuery("hoi nghi")).map(\.aipObjectID)) == ["urn:uuid:a2", "urn:uuid:a3", "urn:uuid:a1"])
        let fonds = try catalogue.search(SearchQuery("ho so", fondsCode: "F01"))
        #expect(fonds.map(\.aipObjectID) == ["urn:uuid:a1"])
        // Years overlap the dossier's range: 1995–1996 and 2010 only.
        #expect(Set(try catalogue.search(SearchQuery("hoi nghi", yearFrom: 1996, yearTo: 1996)).map(\.aipObjectID)) == ["urn:uuid:a2"])
        #expect(Set(try catalogue.search(SearchQuery("ho so", yearFrom: 2005)).map(\.aipObjectID)) == ["urn:uuid:a3"])
        #expect(Set(try catalogue.search(SearchQuery("ho so", yearTo: 2001)).map(\.aipObjectID)) == ["urn:uuid:a1", "urn:uuid:a2"])
        // typeName 20 (Biên bản) selects documents only.
        let minutes = try catalogue.search(SearchQuery("chi bo", typeName: "20"))
        #expect(Set(minutes.compactMap(\.docId)) == ["F02.1995.07.1", "F02.2010.02.1"])
        #expect(minutes.allSatisfy { $0.kind == .document })
        // mode 03 (Mật) documents only when asked; mode 02 dossiers and documents of Hà Lộc.
        #expect(try catalogue.search(SearchQuery("bao cao", mode: "03")).map(\.docId) == ["F01.2001.01.2"])
        #expect(try catalogue.search(SearchQuery("bao cao", mode: "01")).isEmpty)
        #expect(Set(try catalogue.search(SearchQuery("", mode: "02")).map(\.aipObjectID)) == ["urn:uuid:a2"])
        // Filters alone list records, no snippet.
        let listed = try catalogue.search(SearchQuery("", fondsCode: "F02", kinds: [.dossier]))
        #expect(listed.map(\.aipObjectID) == ["urn:uuid:a2", "urn:uuid:a3"])
        #expect(listed.allSatisfy { $0.snippet == nil })
    }

    @Test func aRankingWindowScoresOnlyTheNewestMatches() throws {
        let dir = try TemporaryDirectory()
        defer { withExtendedLifetime(dir) {} }
        let catalogue = try Catalogue(path: dir.url.appendingPathComponent("kho.sqlite").path)
        // The best match for "Đảng ủy" is recorded first; thirty weaker ones follow.
        var documents = [DocumentEntry(docId: "D.0", subject: "Đảng ủy Đảng ủy Đảng ủy")]
        for n in 1...30 {
            documents.append(DocumentEntry(docId: "D.\(n)", subject: "Báo cáo số \(n) gửi Đảng ủy xã về công tác năm \(2000 + n)"))
        }
        try catalogue.record(aip: AIPEntry(
            objectID: "urn:uuid:window", version: 1, created: "2026-06-12T11:46:02+07:00",
            fonds: FondsEntry(code: "F1", name: "Phông"), dossier: nil, documents: documents))
        let exhaustive = try catalogue.search(SearchQuery("Đảng ủy", limit: 50))
        #expect(exhaustive.count == 31)
        #expect(exhaustive.first?.docId == "D.0")
        // With a window of 10, only the newest 10 matches are ranked: the best one, older, is missed.
        let windowed = try catalogue.search(SearchQuery("Đảng ủy", limit: 10, rankingWindow: 10))
        #expect(Set(windowed.compactMap(\.docId)) == Set((21...30).map { "D.\($0)" }))
        // The window never holds fewer rows than the page asks for: deeper pages still page.
        let paged = try catalogue.search(SearchQuery("Đảng ủy", limit: 10, offset: 10, rankingWindow: 10))
        #expect(paged.count == 10)
        #expect(Set(paged.compactMap(\.docId)).isDisjoint(with: Set(windowed.compactMap(\.docId))))
        // Below the window nothing changes.
        #expect(try catalogue.search(SearchQuery("Đảng ủy", limit: 50, rankingWindow: 31)) == exhaustive)
        // Filters apply inside the window too.
        #expect(try catalogue.search(SearchQuery("Đảng ủy", yearFrom: 2026, rankingWindow: 10)).isEmpty)
    }

    /// A few thousand generated Vietnamese documents: searches stay fast and correct. The ingest
    /// issue will ask for p95 < 50 ms on 1,000,000 documents; this only guards against LIKE scans.
    @Test func thousandsOfGeneratedRowsSearchQuickly() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.url.appendingPathComponent("kho.sqlite").path)
        let communes = ["Tân Lập", "Hà Lộc", "Hạ Lộc", "Đông Sơn", "Quảng Phú", "Yên Thế", "Đức Thọ", "Thạch Hà"]
        let subjects = ["Nghị quyết về", "Báo cáo tổng kết", "Biên bản họp", "Kế hoạch thực hiện", "Thông báo kết luận"]
        let topics = ["công tác xây dựng Đảng", "phát triển kinh tế", "an ninh quốc phòng", "giáo dục đào tạo",
                      "xây dựng nông thôn mới", "công tác kiểm tra giám sát", "đại hội chi bộ"]
        var target = ""
        for n in 0..<40 {
            let commune = communes[n % communes.count]
            let fileCode = "F\(n % 8).\(1990 + n % 30).\(n)"
            let documents = (0..<75).map { i in
                DocumentEntry(
                    docId: "\(fileCode).\(i + 1)", typeName: String(format: "%02d", 1 + i % 32),
                    codeNumber: "\(i + 1)", codeNotation: ["NQ/ĐU", "BC/ĐU", "KH/ĐU", "TB/ĐU"][i % 4],
                    organName: "Đảng ủy xã \(commune)",
                    subject: "\(subjects[i % subjects.count]) \(topics[(i + n) % topics.count]) xã \(commune) năm \(1990 + n % 30)",
                    mode: ["01", "02"][i % 2],
                    fullText: "Văn bản số \(i + 1) của Đảng ủy xã \(commune) về \(topics[i % topics.count]).")
            }
            if n == 17 { target = "\(fileCode).5" }
            try catalogue.record(aip: AIPEntry(
                objectID: "urn:uuid:gen-\(n)", version: 1, created: "2026-06-12T11:46:02+07:00",
                fonds: FondsEntry(code: "F\(n % 8)", name: "Phông \(commune)"),
                dossier: DossierEntry(fileCode: fileCode, title: "Hồ sơ \(topics[n % topics.count]) xã \(commune)",
                                      startDate: "\(1990 + n % 30)", endDate: "\(1991 + n % 30)"),
                documents: documents))
        }
        #expect(try catalogue.count(table: "documents") == 3000)
        let queries = [
            SearchQuery("dang uy xa tan lap"), SearchQuery("Hà Lộc"), SearchQuery("xay dung nong thon moi"),
            SearchQuery("5-NQ/ĐU"), SearchQuery("kiem tra giam sat", fondsCode: "F3"),
            SearchQuery("bao cao", yearFrom: 2000, yearTo: 2005, typeName: "02"), SearchQuery("quoc ph*"),
            SearchQuery("đại hội chi bộ", mode: "02"),
        ]
        var timings: [Double] = []
        for _ in 0..<5 {
            for query in queries {
                let start = ContinuousClock.now
                let hits = try catalogue.search(query)
                let elapsed = (ContinuousClock.now - start).components
                timings.append(Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15)
                #expect(!hits.isEmpty, "\(query.text) found nothing")
            }
        }
        timings.sort()
        let p95 = timings[Int(Double(timings.count) * 0.95) - 1]
        #expect(p95 < 250, "p95 \(p95) ms on 3,000 documents (debug build, shared machine)")
        // The generated number 5-NQ/ĐU exists once per dossier; fonds F1 narrows it to its dossiers.
        let numbered = try catalogue.search(SearchQuery("5-NQ/ĐU", fondsCode: "F1", limit: 100))
        #expect(numbered.allSatisfy { $0.docId?.hasSuffix(".5") == true })
        #expect(numbered.count == 5)
        #expect(try catalogue.search(SearchQuery("5-NQ/ĐU", limit: 100)).contains { $0.docId == target })
    }
}

@Suite struct SnippetTests {
    @Test func longExtractedTextGetsAWindowAroundTheFirstMatch() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.url.appendingPathComponent("kho.sqlite").path)
        let filler = Array(repeating: "Nội dung văn bản được số hóa từ bản gốc giấy.", count: 2_000).joined(separator: " ")
        let text = filler + " Chi bộ thôn Yên Thế\tthống nhất đề nghị khen thưởng đồng chí Lê Văn Đạt. " + filler
        try catalogue.record(aip: AIPEntry(
            objectID: "urn:uuid:long", version: 1, created: "2026-06-12T11:46:02+07:00",
            fonds: FondsEntry(code: "F9", name: "Phông thử"), dossier: nil,
            documents: [DocumentEntry(docId: "F9.1", subject: "Biên bản họp chi bộ", fullText: text)]))
        let hit = try #require(try catalogue.search(SearchQuery("khen thuong le van dat")).first)
        let snippet = try #require(hit.snippet)
        #expect(snippet.hasPrefix("… "))
        #expect(snippet.hasSuffix(" …"))
        #expect(snippet.contains("đề nghị [khen] [thưởng] đồng chí [Lê] [Văn] [Đạt.]"))
        #expect(snippet.split(separator: " ").count <= Snippet.width + 2)
    }
}

/// Mirrors the snippet width so the test reads without importing internals.
enum Snippet { static let width = 20 }

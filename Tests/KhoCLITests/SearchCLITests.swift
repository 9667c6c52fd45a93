import Foundation
import KhoTestSupport
import Testing

/// `kho search` run as a process on a catalogue DataManagement filled with Vietnamese records.
@Suite struct SearchCLITests {
    func search(_ fixture: SearchCLIFixture, _ arguments: [String]) throws -> SearchOutput {
        let result = try fixture.kho(["search"] + arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(SearchOutput.self, from: Data(result.stdout.utf8))
    }

    @Test func queryWithoutDiacriticsFindsDangUyIncludingDStroke() throws {
        let fixture = try SearchCLIFixture()
        for query in ["dang uy", "DANG UY", "Đảng ủy", "đảng ủy"] {
            let output = try search(fixture, [query])
            let titles = output.hits.map(\.title)
            #expect(titles.contains("Hồ sơ Đại hội Đảng ủy xã Tân Lập nhiệm kỳ 2001-2005"), "\(query): \(titles)")
            #expect(output.hits.allSatisfy { $0.aipObjectID == SearchCLIFixture.tanLap }, "\(query): \(titles)")
        }
        // A plain `d` does not match an unrelated word: "dai" finds Đại hội but not Hà Lộc's dossier.
        let dai = try search(fixture, ["dai hoi"])
        #expect(dai.hits.contains { $0.title.contains("Đại hội") })
        #expect(!dai.hits.contains { $0.aipObjectID == SearchCLIFixture.haLoc })
    }

    @Test func readableOutputHasVietnameseLabelsNumberAndDate() throws {
        let fixture = try SearchCLIFixture()
        let result = try fixture.kho(["search", "dai hoi tan lap"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[Tài liệu] Nghị quyết Đại hội Đảng bộ xã Tân Lập lần thứ XV"))
        #expect(result.stdout.contains("Mã hồ sơ: H49.64.33.2001.160 · Số, ký hiệu: 12-NQ/ĐU · Ngày: 15/03/2001"))
        #expect(result.stdout.contains("[Hồ sơ] Hồ sơ Đại hội Đảng ủy xã Tân Lập"))
        #expect(result.stdout.contains("Thời gian: 05/03/2001 – 28/12/2001"))
        #expect(result.stdout.contains("[") && result.stdout.contains("]"))
    }

    @Test func exactDiacriticsRankFirst() throws {
        let fixture = try SearchCLIFixture()
        let ha = try search(fixture, ["Hà Lộc"])
        #expect(ha.hits.first?.title == "Báo cáo tình hình xã Hà Lộc năm 2010", "\(ha.hits.map(\.title))")
        let ha2 = try search(fixture, ["Hạ Lộc"])
        #expect(ha2.hits.first?.title == "Báo cáo tình hình xã Hạ Lộc năm 2001", "\(ha2.hits.map(\.title))")
        let folded = try search(fixture, ["ha loc"])
        #expect(Set(folded.hits.compactMap(\.docId)).isSuperset(of: ["H49.64.40.2010.07.1", "H49.64.33.2001.160.2"]))
    }

    @Test(arguments: ["12-NQ/ĐU", "12-nq/đu", "12-NQ/DU"])
    func documentNumberAsTyped(query: String) throws {
        let fixture = try SearchCLIFixture()
        let output = try search(fixture, [query])
        #expect(output.hits.first?.docId == "H49.64.33.2001.160.1", "\(output.hits.map(\.title))")
        #expect(output.hits.first?.documentNumber == "12-NQ/ĐU")
        #expect(output.hits.first?.date == "15/03/2001")
        // A State-style number is joined the other way round.
        let state = try search(fixture, ["15/QĐ-UBND"])
        #expect(state.hits.first?.documentNumber == "15/QĐ-UBND", "\(state.hits.map(\.title))")
    }

    @Test func eachFilterNarrowsTheHits() throws {
        let fixture = try SearchCLIFixture()
        let all = try search(fixture, ["bao cao"])
        #expect(Set(all.hits.map(\.aipObjectID)) == [SearchCLIFixture.tanLap, SearchCLIFixture.haLoc])

        let fonds = try search(fixture, ["bao cao", "--fonds", "H49.64.40"])
        #expect(!fonds.hits.isEmpty && fonds.hits.allSatisfy { $0.aipObjectID == SearchCLIFixture.haLoc })

        let from = try search(fixture, ["bao cao", "--from", "2005"])
        #expect(!from.hits.isEmpty && from.hits.allSatisfy { $0.aipObjectID == SearchCLIFixture.haLoc })

        let to = try search(fixture, ["bao cao", "--to", "2005"])
        #expect(!to.hits.isEmpty && to.hits.allSatisfy { $0.aipObjectID == SearchCLIFixture.tanLap })

        let type = try search(fixture, ["", "--type", "02"])
        #expect(type.hits.map(\.docId) == ["H49.64.40.2010.07.2"])

        let mode = try search(fixture, ["bao cao", "--mode", "02"])
        #expect(mode.hits.map(\.docId) == ["H49.64.33.2001.160.2"])

        let limited = try search(fixture, ["bao cao", "--limit", "1"])
        #expect(limited.count == 1 && limited.hits.count == 1)
    }

    @Test func noResultsIsNotAnError() throws {
        let fixture = try SearchCLIFixture()
        let result = try fixture.kho(["search", "hợp tác xã thủy sản"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Không tìm thấy"))
        #expect(result.stdout.contains("no results"))
        let json = try search(fixture, ["hợp tác xã thủy sản"])
        #expect(json.count == 0 && json.hits.isEmpty)
    }

    @Test func usageErrorsExitTwoAndAMissingCatalogueExitsOne() throws {
        let fixture = try SearchCLIFixture()
        #expect(try fixture.kho(["search", "dang uy", "--limit", "0"]).status == 2)
        #expect(try fixture.kho(["search", "dang uy", "--from", "2010", "--to", "2001"]).status == 2)
        #expect(try fixture.kho(["search", "dang uy", "--type", "nghị quyết"]).status == 2)
        let empty = try TemporaryDirectory("kho-cli-search-empty")
        let missing = try runKho(["search", "dang uy", "--home", empty.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("KHO-CAT-MISSING"))
        #expect(!FileManager.default.fileExists(atPath: empty.path + "/kho.sqlite"))
    }
}

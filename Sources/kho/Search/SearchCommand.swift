import ArgumentParser
import DataManagement
import Foundation

/// `kho search QUERY` — finds dossiers (hồ sơ) and documents (tài liệu) in the catalogue.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Tìm hồ sơ, tài liệu trong mục lục — search the catalogue.",
        discussion: """
            Tìm trong tiêu đề hồ sơ, trích yếu, số và ký hiệu văn bản, từ khóa, cơ quan ban hành và \
            nội dung trích xuất. Gõ có dấu hay không dấu đều được: "dang uy" tìm thấy "Đảng ủy"; \
            gõ có dấu thì kết quả đúng dấu xếp trước. Số, ký hiệu văn bản gõ như trên văn bản.
            Searches dossier titles, document abstracts (trích yếu), numbers and notations, keywords, \
            issuers and extracted text. With or without diacritics: "dang uy" finds "Đảng ủy"; a query \
            with diacritics ranks exact matches first. Document numbers are found as typed.

            Ví dụ / examples:
              kho search "dang uy xa tan lap"
              kho search "Nghị quyết" --fonds H49.64.33 --from 2001 --to 2005
              kho search 12-NQ/ĐU
              kho search "bao cao" --type 14 --mode 01 --limit 50 --json
              kho search "" --fonds H49.64.33        (no words: list by filters)

            Exit status: 0 with or without results, 1 the catalogue cannot be read, 2 usage error.
            """
    )

    @Argument(help: "Từ cần tìm — the words, with or without diacritics; `word*` is a prefix.")
    var query: String

    @OptionGroup var home: HomeOptions

    @Option(help: "Chỉ phông này (mã phông) — only this fonds code.")
    var fonds: String?

    @Option(help: "Từ năm — records reaching this year or later.")
    var from: Int?

    @Option(help: "Đến năm — records beginning this year or earlier.")
    var to: Int?

    @Option(help: "Tên loại văn bản (mã 01–32, vd. 01 Nghị quyết) — document type code.")
    var type: String?

    @Option(help: "Chế độ sử dụng (01 công khai, 02 có điều kiện, 03 mật) — access regime code.")
    var mode: String?

    @Option(help: "Số kết quả tối đa — at most this many hits.")
    var limit = 20

    @Option(help: ArgumentHelp("Xếp hạng tối đa chừng này kết quả khớp mới nhất — rank at most this many matches, newest first.",
                               discussion: "Older matches beyond it are not returned; raise it (slower) or narrow the query."))
    var rankingWindow = SearchQuery("").rankingWindow

    @Flag(help: "In kết quả dạng JSON — print the hits as JSON.")
    var json = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit phải ≥ 1 / must be at least 1") }
        guard rankingWindow >= 1 else { throw ValidationError("--ranking-window phải ≥ 1 / must be at least 1") }
        if let from, let to, from > to {
            throw ValidationError("--from \(from) sau --to \(to) / --from is after --to")
        }
        for (name, code) in [("--type", type), ("--mode", mode)] {
            if let code, code.isEmpty || !code.allSatisfy(\.isASCII) || !code.allSatisfy(\.isNumber) {
                throw ValidationError("\(name) là mã số, vd. 01 / \(name) takes a numeric code, e.g. 01")
            }
        }
    }

    func run() async throws {
        let catalogue = try home.existingCatalogue()
        let search = SearchQuery(query, fondsCode: fonds, yearFrom: from, yearTo: to, typeName: type,
                                 mode: mode, limit: limit, rankingWindow: rankingWindow)
        let hits = try catalogue.search(search)
        let results = try SearchResult.details(of: hits, in: catalogue)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let output = SearchResult.Output(query: query, count: results.count, hits: results)
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
            return
        }
        guard !results.isEmpty else {
            print("Không tìm thấy kết quả nào cho \"\(query)\" / no results")
            return
        }
        print("\(results.count) kết quả / results for \"\(query)\"\n")
        for (index, result) in results.enumerated() {
            print(result.text(number: index + 1))
        }
    }
}

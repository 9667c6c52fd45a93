import DataManagement
import Foundation
import KhoTestSupport

/// A repository home whose catalogue DataManagement filled with `record(aip:)`: two commune Party
/// committees' dossiers, Vietnamese titles and Party document numbers, as ingest would record them.
final class SearchCLIFixture {
    let directory: TemporaryDirectory
    var home: String { directory.path }
    var cataloguePath: String { home + "/kho.sqlite" }

    static let tanLap = "urn:uuid:7d0b6c1e-1111-4a5e-9f00-000000000001"
    static let haLoc = "urn:uuid:7d0b6c1e-2222-4a5e-9f00-000000000002"

    init() throws {
        directory = try TemporaryDirectory("kho-cli-search")
        let catalogue = try Catalogue(path: cataloguePath)
        try catalogue.record(aip: Self.tanLapAIP)
        try catalogue.record(aip: Self.haLocAIP)
    }

    /// Runs `kho ARGS --home <home>`.
    func kho(_ arguments: [String]) throws -> ProcessResult {
        try runKho(arguments + ["--home", home])
    }

    static let software = AgentEntry(identifier: "kho/0.1.0", name: "Kho", kind: .software, version: "0.1.0")

    static func events(_ objectID: String) -> [EventEntry] {
        [
            EventEntry(identifier: "\(objectID)-ins", type: .ingestionStart, dateTime: "2026-06-12T11:45:40+07:00",
                       outcome: .success, detail: "Bắt đầu tiếp nhận", linkingObjects: [objectID], agent: software),
            EventEntry(identifier: "\(objectID)-fix", type: .fixityCheck, dateTime: "2026-06-12T11:45:41+07:00",
                       outcome: .success, outcomeDetail: "2/2 tệp", linkingObjects: [objectID], agent: software),
            EventEntry(identifier: "\(objectID)-ipc", type: .informationPackageCreation, dateTime: "2026-06-12T11:46:02+07:00",
                       outcome: .success, linkingObjects: [objectID], agent: software),
        ]
    }

    static var tanLapAIP: AIPEntry {
        let code = "H49.64.33.2001.160"
        return AIPEntry(
            objectID: tanLap, version: 1, created: "2026-06-12T11:46:02+07:00",
            fonds: FondsEntry(code: "H49.64.33", name: "Phông Đảng ủy xã Tân Lập"),
            dossier: DossierEntry(fileCode: code, title: "Hồ sơ Đại hội Đảng ủy xã Tân Lập nhiệm kỳ 2001-2005",
                                  maintenance: "01", mode: "01", languages: ["01"], startDate: "05/03/2001",
                                  endDate: "28/12/2001", keywords: ["đại hội"]),
            documents: [
                DocumentEntry(docId: "\(code).1", typeName: "01", codeNumber: "12", codeNotation: "NQ/ĐU",
                              issuedDate: "15/03/2001", organName: "Đảng ủy xã Tân Lập",
                              subject: "Nghị quyết Đại hội Đảng bộ xã Tân Lập lần thứ XV", mode: "01"),
                DocumentEntry(docId: "\(code).2", typeName: "14", codeNumber: "15", codeNotation: "BC-BCH",
                              issuedDate: "20/12/2001", organName: "Ban Chấp hành Đảng bộ xã",
                              subject: "Báo cáo tình hình xã Hạ Lộc năm 2001", mode: "02"),
            ],
            events: events(tanLap))
    }

    static var haLocAIP: AIPEntry {
        let code = "H49.64.40.2010.07"
        return AIPEntry(
            objectID: haLoc, version: 1, created: "2026-06-13T09:00:00+07:00",
            fonds: FondsEntry(code: "H49.64.40", name: "Phông Đảng ủy xã Hà Lộc"),
            dossier: DossierEntry(fileCode: code, title: "Hồ sơ hội nghị Ban Chấp hành mở rộng năm 2010",
                                  maintenance: "01", mode: "01", languages: ["01"], startDate: "2010", endDate: "2010"),
            documents: [
                DocumentEntry(docId: "\(code).1", typeName: "14", codeNumber: "40", codeNotation: "BC/ĐU",
                              issuedDate: "10/10/2010", organName: "Ban Thường vụ",
                              subject: "Báo cáo tình hình xã Hà Lộc năm 2010", mode: "01"),
                DocumentEntry(docId: "\(code).2", typeName: "02", codeNumber: "15", codeNotation: "QĐ-UBND",
                              issuedDate: "11/10/2010", organName: "Ủy ban nhân dân xã",
                              subject: "Quyết định thành lập tổ công tác", mode: "03"),
            ],
            events: events(haLoc))
    }
}

/// The `--json` output of `kho search`.
struct SearchOutput: Decodable {
    struct Hit: Decodable {
        var kind: String
        var aipObjectID: String
        var fileCode: String?
        var docId: String?
        var title: String
        var documentNumber: String?
        var date: String?
        var snippet: String?
    }
    var query: String
    var count: Int
    var hits: [Hit]
}

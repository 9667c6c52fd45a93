import ArchivalStorage
import ArgumentParser
import Foundation
import Ingest

/// `kho catalogue rebuild` — recreates the catalogue from the OCFL storage root alone.
struct CatalogueRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Dựng lại mục lục từ kho lưu trữ — recreate the catalogue from the storage root.",
        discussion: """
            Kho lưu trữ (OCFL) là nguồn gốc sự thật; mục lục chỉ là bản chiếu. Lệnh đọc lại METS, EAD, \
            PREMIS của mọi phiên bản của mọi gói AIP, ghi vào một mục lục mới rồi thay thế mục lục cũ \
            trong một lần đổi tên. Mục lục cũ được giữ (kho.sqlite.before-rebuild) cho tới khi xong. \
            Nhật ký kiểm toán và các lần nộp lưu không có trong kho lưu trữ nên được chép nguyên từ mục lục cũ.
            Storage is the source of truth; the catalogue is a projection. Reads back the METS, EAD and \
            PREMIS of every version of every AIP into a fresh catalogue, then swaps it in with one rename; \
            the old file is kept (kho.sqlite.before-rebuild) until that succeeds. The audit log and the \
            transfers are not in storage: they are carried over from the old catalogue as they are.

            Ví dụ / examples:
              kho catalogue rebuild
              kho catalogue rebuild --home /srv/kho
              kho catalogue rebuild --skip-text      (faster; no PDF text for search)

            Exit status: 0 rebuilt, 1 an object could not be read (nothing changed), 2 usage error.
            """
    )

    @OptionGroup var home: HomeOptions

    @Flag(help: "Không trích xuất lại văn bản (tìm kiếm toàn văn sẽ thiếu) — skip text extraction; full-text search will lack document text.")
    var skipText = false

    func run() async throws {
        let home = home.repositoryHome
        guard FileManager.default.fileExists(atPath: home.ocflRoot + "/0=ocfl_1.1") else {
            throw RebuildError("KHO-REBUILD-OBJECT", path: home.ocflRoot,
                               vi: "Không có gốc kho OCFL ở đây (kiểm tra --home)", en: "No OCFL storage root here (check --home)")
        }
        let storage = try OCFLStorageRoot.open(at: home.ocflRoot)
        let report = try CatalogueRebuilder(storage: storage, cataloguePath: home.cataloguePath, extractText: !skipText).rebuild()
        print("Đã dựng lại mục lục / catalogue rebuilt: \(home.cataloguePath)")
        print("  Gói AIP / objects: \(report.objects)   Phiên bản / versions: \(report.versions)")
        print("  Tài liệu / documents: \(report.documents)   Sự kiện PREMIS / events: \(report.events)")
        print("  Giữ từ mục lục cũ / kept from the old catalogue: \(report.auditEntriesKept) mục nhật ký / audit entries, \(report.transfersKept) lần nộp lưu / transfers, \(report.eventsKept) sự kiện sau tiếp nhận / later events")
    }
}

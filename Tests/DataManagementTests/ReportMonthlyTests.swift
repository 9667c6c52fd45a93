import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// The monthly report's numbers on a real catalogue holding hand-made transfers whose counts the test fixes,
/// including the month edges in Vietnam time and the confidenceLevel fallbacks.
@Suite struct ReportMonthlyTests {
    static let november = ReportMonth(year: 2026, month: 11)!

    /// A transfer of one dossier with documents of the given (confidenceLevel, pages).
    func record(_ catalogue: Catalogue, id: String, unit: String, receivedAt: String, dossierLevel: String?,
                documents: [(level: String?, pages: Int?)], fileSizes: [Int64]) throws {
        try catalogue.record(transfer: TransferEntry(id: id, transferringUnit: unit, receivedAt: receivedAt,
                                                     packageSHA256: String(repeating: "a", count: 64), packageName: "\(id).zip", status: .accepted))
        let fileCode = "H49.\(id)"
        var dossier = SampleAIPs.dossier(fileCode: fileCode)
        dossier.confidenceLevel = dossierLevel
        let docs = documents.enumerated().map { index, document in
            var entry = SampleAIPs.documents(fileCode: fileCode)[0]
            entry.docId = "\(fileCode).\(index + 1)"
            entry.confidenceLevel = document.level
            entry.numberOfPage = document.pages
            return entry
        }
        var files = fileSizes.enumerated().map { index, size in
            FileEntry(path: "representations/rep1/data/\(fileCode).\(index + 1).pdf", size: size, sha256: String(repeating: "b", count: 64),
                      docId: index < docs.count ? docs[index].docId : nil)
        }
        files.append(FileEntry(path: "METS.xml", size: 50_000, sha256: String(repeating: "c", count: 64)))
        files.append(FileEntry(path: "metadata/preservation/PREMIS.xml", size: 70_000, sha256: String(repeating: "d", count: 64)))
        _ = try catalogue.record(aip: AIPEntry(
            objectID: "urn:uuid:\(id)", version: 1, created: receivedAt, fonds: SampleAIPs.fonds, transferID: id, recordStatus: "NEW",
            dossier: dossier, documents: docs, files: files, events: []))
    }

    @Test func countsPerUnitWithinTheVietnameseMonth() throws {
        let directory = try TemporaryDirectory("kho-report")
        let catalogue = try Catalogue(path: directory.path + "/kho.sqlite")
        let tanLap = "Đảng ủy xã Tân Lập", lucYen = "Huyện ủy Lục Yên"
        // 1 Nov 00:05 in Vietnam is still 31 Oct in UTC: November.
        try record(catalogue, id: "t1", unit: tanLap, receivedAt: "2026-11-01T00:05:00+07:00", dossierLevel: "02",
                   documents: [("02", 10), (nil, 5), ("01", 3)], fileSizes: [1_000_000, 200_000, 34_567])
        // 30 Nov 16:59:59 UTC is 23:59:59 in Vietnam: November.
        try record(catalogue, id: "t2", unit: tanLap, receivedAt: "2026-11-30T16:59:59Z", dossierLevel: nil,
                   documents: [("3", 7), (nil, nil)], fileSizes: [2_000])
        try record(catalogue, id: "t3", unit: lucYen, receivedAt: "2026-11-15T09:00:00.250+07:00", dossierLevel: "01",
                   documents: [("01", 4)], fileSizes: [99])
        // 30 Nov 17:00 UTC is already 1 December in Vietnam; 31 Oct 23:59 in Vietnam is October.
        try record(catalogue, id: "t4", unit: lucYen, receivedAt: "2026-11-30T17:00:00Z", dossierLevel: "02",
                   documents: [("02", 100)], fileSizes: [1])
        try record(catalogue, id: "t5", unit: tanLap, receivedAt: "2026-10-31T23:59:00+07:00", dossierLevel: "02",
                   documents: [("02", 100)], fileSizes: [1])
        let rejected = [
            RejectedPackage(transferringUnit: lucYen, packageName: "bad.zip", receivedAt: "2026-11-20T10:00:00.000+07:00", errorCount: 2, firstError: "E1"),
            RejectedPackage(transferringUnit: nil, packageName: "lost.zip", receivedAt: "2026-11-21T10:00:00.000+07:00", errorCount: 1, firstError: "E2"),
            RejectedPackage(transferringUnit: lucYen, packageName: "old.zip", receivedAt: "2026-10-20T10:00:00.000+07:00", errorCount: 1, firstError: "E3"),
        ]
        let report = try catalogue.monthlyReport(month: Self.november, rejected: rejected)

        #expect(report.units.map(\.unit) == [tanLap, lucYen, MonthlyReport.unknownUnit])
        let a = try #require(report.units.first { $0.unit == tanLap })
        #expect(a.transfers == 2)
        #expect(a.dossiers == 2)
        #expect(a.documents == 5)
        #expect(a.pages == 10 + 5 + 3 + 7)
        // t1: "02", nil → dossier "02", "01"; t2: "3" (mixed), nil with no dossier level → unspecified.
        #expect(a.digitizedDocuments == 2)
        #expect(a.digitizedPages == 15)
        #expect(a.bornDigitalDocuments == 1)
        #expect(a.mixedDocuments == 1)
        #expect(a.unspecifiedDocuments == 1)
        #expect(a.bytes == 1_000_000 + 200_000 + 34_567 + 2_000)
        #expect(a.rejectedPackages == 0)
        let b = try #require(report.units.first { $0.unit == lucYen })
        #expect(b.transfers == 1 && b.dossiers == 1 && b.documents == 1 && b.pages == 4 && b.bytes == 99)
        #expect(b.bornDigitalDocuments == 1 && b.digitizedDocuments == 0)
        #expect(b.rejectedPackages == 1)
        #expect(report.rejected.map(\.packageName) == ["bad.zip", "lost.zip"])
        #expect(report.totals.transfers == 3)
        #expect(report.totals.documents == 6)
        #expect(report.totals.rejectedPackages == 2)
        #expect(report.totals.bytes == 1_236_666)

        let december = try catalogue.monthlyReport(month: ReportMonth(parsing: "2026-12"))
        #expect(december.units.map(\.unit) == [lucYen])
        #expect(december.totals.pages == 100)
    }

    @Test func monthIsValidated() throws {
        #expect(try ReportMonth(parsing: "2026-11") == ReportMonth(year: 2026, month: 11))
        for bad in ["2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", "", "２０２６-11", "abcd-ef"] {
            #expect(throws: ReportError.invalidMonth(bad)) { try ReportMonth(parsing: bad) }
        }
        let error = ReportError.invalidMonth("2026-13")
        #expect(error.message.vi.contains("không hợp lệ"))
        #expect(error.message.en.contains("not valid"))
        #expect(Self.november.vietnamese == "11/2026")
    }

    @Test func vietnameseNumbersAndDates() throws {
        #expect(VietnameseNumber.grouped(0) == "0")
        #expect(VietnameseNumber.grouped(999) == "999")
        #expect(VietnameseNumber.grouped(1_000) == "1.000")
        #expect(VietnameseNumber.grouped(1_234_567) == "1.234.567")
        #expect(VietnameseNumber.grouped(-12_345) == "-12.345")
        #expect(VietnameseNumber.percent(2, of: 3) == "66,7 %")
        #expect(VietnameseNumber.bytes(1_572_864) == "1,5 MiB")
        let date = try #require(VietnamTime.parse("2026-11-30T17:30:00Z"))
        #expect(VietnamTime.date(date) == "01/12/2026")
        #expect(VietnamTime.longDate(date) == "ngày 1 tháng 12 năm 2026")
        #expect(VietnamTime.dateTime(date) == "00:30 01/12/2026")
    }
}

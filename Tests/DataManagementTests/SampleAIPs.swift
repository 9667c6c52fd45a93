import DataManagement

/// Vietnamese sample data shaped like a commune Party committee's transfer.
enum SampleAIPs {
    static let fonds = FondsEntry(code: "H49.64.33", name: "Phông Đảng ủy xã Tân Lập")
    static let software = AgentEntry(identifier: "kho/0.1.0", name: "Kho", kind: .software, version: "0.1.0")
    static let archivist = AgentEntry(identifier: "user:nguyenthilan", name: "Nguyễn Thị Lan", kind: .person)

    static let transfer = TransferEntry(
        id: "transfer-2026-001", transferringUnit: "Đảng ủy xã Tân Lập", receivedAt: "2026-06-12T11:45:37+07:00",
        packageSHA256: String(repeating: "ab", count: 32), packageName: "1uuid-4F1C.zip", status: .accepted,
        report: "Hợp lệ / valid")

    static func dossier(fileCode: String = "H49.64.33.2001.160", title: String = "Hồ sơ Đại hội Đảng ủy xã Tân Lập nhiệm kỳ 2001-2005",
                        start: String = "05/03/2001", end: String = "28/12/2001", mode: String = "01") -> DossierEntry {
        DossierEntry(
            fileCode: fileCode, arcFileCode: "LTT.\(fileCode)", title: title, maintenance: "01", mode: mode,
            languages: ["01", "09"], startDate: start, endDate: end, keywords: ["đại hội", "nhiệm kỳ"],
            totalDoc: 2, numberOfPaper: 45, numberOfPage: 90, format: "02", inforSign: "ĐH.01",
            confidenceLevel: "02", paperFileCode: "LTT.K3.G12.H5.160", riskRecovery: true,
            riskRecoveryStatus: "01", description: "Bản gốc giấy lưu tại kho 3; một số trang ố vàng")
    }

    static func documents(fileCode: String = "H49.64.33.2001.160") -> [DocumentEntry] {
        [
            DocumentEntry(
                docId: "\(fileCode).1", docCode: "\(fileCode).0000001", maintenance: "01", typeName: "01",
                codeNumber: "12", codeNotation: "NQ/ĐU", issuedDate: "15/03/2001", organName: "Đảng ủy xã Tân Lập",
                subject: "Nghị quyết Đại hội Đảng bộ xã Tân Lập lần thứ XV", languages: ["01"], numberOfPage: 12,
                inforSign: "NQ", keywords: ["nghị quyết", "đại hội"], mode: "01", confidenceLevel: "02",
                autograph: "Bút phê của Bí thư: “Đồng ý, triển khai ngay”", format: "01", riskRecovery: true,
                riskRecoveryStatus: "01", process: false, description: "Bản chính",
                fullText: "Đại hội đại biểu Đảng bộ xã Tân Lập quyết nghị phát triển kinh tế nông nghiệp, giữ vững quốc phòng."),
            DocumentEntry(
                docId: "\(fileCode).2", docCode: "\(fileCode).0000002", maintenance: "01", typeName: "14",
                codeNumber: "15", codeNotation: "BC-BCH", issuedDate: "20/12/2001", organName: "Ban Chấp hành Đảng bộ xã",
                subject: "Báo cáo tổng kết công tác xây dựng Đảng năm 2001", languages: ["01"], numberOfPage: 8,
                keywords: ["báo cáo"], mode: "02", confidenceLevel: "02", format: "02", riskRecovery: false,
                process: false),
        ]
    }

    static func files(fileCode: String = "H49.64.33.2001.160") -> [FileEntry] {
        [
            FileEntry(path: "representations/rep1/data/\(fileCode).1.pdf", size: 1_234_567,
                      sha256: String(repeating: "1", count: 64), sha512: String(repeating: "2", count: 128),
                      puid: "fmt/476", mimeType: "application/pdf", docId: "\(fileCode).1"),
            FileEntry(path: "representations/rep1/data/\(fileCode).2.pdf", size: 345_678,
                      sha256: String(repeating: "3", count: 64), puid: "fmt/476", mimeType: "application/pdf",
                      docId: "\(fileCode).2"),
            FileEntry(path: "METS.xml", size: 9_876, sha256: String(repeating: "4", count: 64), mimeType: "application/xml"),
        ]
    }

    static func events(objectID: String, prefix: String = "ev") -> [EventEntry] {
        [
            EventEntry(identifier: "\(prefix)-\(objectID)-1", type: .ingestionStart, dateTime: "2026-06-12T11:45:40+07:00",
                       outcome: .success, detail: "Bắt đầu tiếp nhận gói SIP", linkingObjects: ["uuid-4F1C"], agent: software),
            EventEntry(identifier: "\(prefix)-\(objectID)-2", type: .fixityCheck, dateTime: "2026-06-12T11:45:41+07:00",
                       outcome: .success, detail: "SHA-256 khớp với METS", outcomeDetail: "3/3 tệp",
                       linkingObjects: ["METS.xml", "representations/rep1/data/H49.64.33.2001.160.1.pdf"], agent: software),
            EventEntry(identifier: "\(prefix)-\(objectID)-3", type: .informationPackageCreation, dateTime: "2026-06-12T11:46:02+07:00",
                       outcome: .success, detail: "SIP → AIP được phê duyệt", linkingObjects: ["uuid-4F1C", objectID], agent: archivist),
        ]
    }

    static func aip(objectID: String = "urn:uuid:7d0b6c1e-1111-4a5e-9f00-000000000001", version: Int = 1,
                    fileCode: String = "H49.64.33.2001.160", title: String? = nil) -> AIPEntry {
        var d = dossier(fileCode: fileCode)
        if let title { d.title = title }
        return AIPEntry(
            objectID: objectID, version: version, created: "2026-06-12T11:46:02+07:00",
            message: "Nộp lưu từ Đảng ủy xã Tân Lập", fonds: fonds, transferID: transfer.id, recordStatus: "NEW",
            dossier: d, documents: documents(fileCode: fileCode), files: files(fileCode: fileCode),
            events: events(objectID: objectID))
    }
}

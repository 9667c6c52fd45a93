import DataManagement
import Foundation
import Ingest
import KhoCore
import KhoTestSupport
import Testing

/// `QuarantineListing` reads rejection reports back for the monthly report, and finds each package's unit
/// where it can: a unit the report names, else the SIP folder's METS creator, else the bag's Source-Organization.
@Suite struct ReportQuarantineListingTests {
    func writeReport(_ folder: String, source: String, receivedAt: String, unit: String? = nil, findings: [Finding]) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var object: [String: Any] = [
            "source": source, "receivedAt": receivedAt,
            "findings": try findings.map { try JSONSerialization.jsonObject(with: JSONEncoder().encode($0)) },
        ]
        if let unit { object["transferringUnit"] = unit }
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: folder + "/report.json"))
    }

    @Test func readsReportsAndFindsUnits() throws {
        let directory = try TemporaryDirectory("kho-quarantine-listing")
        let quarantine = directory.path + "/quarantine"
        let error = Finding(code: "CSIP17", severity: .error, message: BilingualMessage(vi: "Tổng kiểm sai", en: "Checksum differs"), path: "a.pdf")
        let warning = Finding(code: "W1", severity: .warning, message: BilingualMessage(vi: "Cảnh báo", en: "Warning"))

        // A SIP folder still in place: its METS names the creator.
        let sip = directory.path + "/uuid-1"
        try FileManager.default.createDirectory(atPath: sip, withIntermediateDirectories: true)
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <mets:mets xmlns:mets="http://www.loc.gov/METS/" OBJID="uuid-1"><mets:metsHdr>
            <mets:agent ROLE="ARCHIVIST" TYPE="ORGANIZATION"><mets:name>Lưu trữ</mets:name></mets:agent>
            <mets:agent ROLE="CREATOR" TYPE="ORGANIZATION"><mets:name> Đảng ủy xã Tân Lập </mets:name></mets:agent>
            </mets:metsHdr></mets:mets>
            """.utf8).write(to: URL(fileURLWithPath: sip + "/METS.xml"))
        try writeReport(quarantine + "/20261103T010000Z-uuid-1", source: sip, receivedAt: "2026-11-03T08:00:00.000+07:00", findings: [warning, error])
        // A bag.
        let bag = directory.path + "/bag"
        try FileManager.default.createDirectory(atPath: bag, withIntermediateDirectories: true)
        try Data("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8).write(to: URL(fileURLWithPath: bag + "/bagit.txt"))
        try Data("Source-Organization: Huyện ủy Lục Yên\nBagging-Date: 2026-11-01\n".utf8).write(to: URL(fileURLWithPath: bag + "/bag-info.txt"))
        try writeReport(quarantine + "/20261102T010000Z-bag", source: bag, receivedAt: "2026-11-02T08:00:00.000+07:00", findings: [error])
        // A zip (not opened) and a report that names its unit.
        try writeReport(quarantine + "/20261104T010000Z-x.zip", source: directory.path + "/x.zip", receivedAt: "2026-11-04T08:00:00.000+07:00", findings: [error])
        try writeReport(quarantine + "/20261105T010000Z-y.zip", source: directory.path + "/y.zip", receivedAt: "2026-11-05T08:00:00.000+07:00",
                        unit: "Chi bộ thôn 3", findings: [error])
        // Not rejection reports: repair evidence, an unreadable report.
        try FileManager.default.createDirectory(atPath: quarantine + "/repair/20261121T000000Z", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: quarantine + "/broken", withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: quarantine + "/broken/report.json"))

        let packages = QuarantineListing(folder: quarantine).rejectedPackages()
        #expect(packages.map(\.packageName) == ["bag", "uuid-1", "x.zip", "y.zip"])
        #expect(packages.map(\.transferringUnit) == ["Huyện ủy Lục Yên", "Đảng ủy xã Tân Lập", nil, "Chi bộ thôn 3"])
        #expect(packages[1].errorCount == 1)
        #expect(packages[1].firstError == "CSIP17: Tổng kiểm sai / Checksum differs")
        #expect(packages[1].receivedAt == "2026-11-03T08:00:00.000+07:00")

        #expect(QuarantineListing(folder: directory.path + "/none").rejectedPackages().isEmpty)
    }
}

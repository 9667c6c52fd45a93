import Foundation
import KhoCore

/// The quarantine area (khu cách ly): one folder per rejected package, `<UTC time>-<package name>/`, holding
/// `report.json`, `report.txt` (Vietnamese and English) and `source.txt`, a pointer to the package as given
/// with its SHA-256. The package itself is neither copied nor moved: the source is never modified
/// (invariant 3), and the pointer plus digest let an archivist show which bytes were refused.
struct Quarantine {
    /// `home/quarantine`.
    let folder: String

    /// Writes the report and returns its folder.
    func write(_ report: IngestReport, packageName: String) throws(IngestError) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stamp = formatter.string(from: Date())
        let safeName = packageName.replacingOccurrences(of: "/", with: "_")
        var target = folder + "/" + stamp + "-" + safeName
        var counter = 2
        while FileManager.default.fileExists(atPath: target) {
            target = folder + "/" + stamp + "-" + safeName + "-\(counter)"
            counter += 1
        }
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(report).write(to: URL(fileURLWithPath: target + "/report.json"), options: .atomic)
            try Data(report.text.utf8).write(to: URL(fileURLWithPath: target + "/report.txt"), options: .atomic)
            let pointer = "\(report.source)\nSHA-256: \(report.packageSHA256 ?? "-")\n"
            try Data(pointer.utf8).write(to: URL(fileURLWithPath: target + "/source.txt"), options: .atomic)
        } catch {
            throw IngestError("KHO-INGEST-QUARANTINE", path: target, vi: "Không ghi được báo cáo vào khu cách ly",
                              en: "Cannot write the report to quarantine", error: error)
        }
        return target
    }
}

extension IngestRun {
    /// Rejects the package: report to quarantine, nothing else written (no OCFL object, no catalogue row).
    mutating func reject(_ findings: [Finding], submissionObjectID: String?, packageSHA256: String?) throws(IngestError) -> IngestOutcome {
        let ordered = findings.sorted { ($0.severity, $0.code) > ($1.severity, $1.code) }
        let report = IngestReport(source: source, receivedAt: vietnamTime(received), transferringUnit: options.transferringUnit,
                                  submissionObjectID: submissionObjectID, packageSHA256: packageSHA256, findings: ordered)
        let folder = try Quarantine(folder: home.quarantine).write(report, packageName: packageName)
        return .rejected(quarantine: folder, report: report)
    }

    /// Rejects a package that passed validation but cannot be archived (e.g. a NEW dossier already kept).
    mutating func reject(_ findings: [Finding], package: ReceivedPackage) throws(IngestError) -> IngestOutcome {
        try reject(findings, submissionObjectID: package.submissionObjectID, packageSHA256: package.packageSHA256)
    }
}

public import DataManagement
import Foundation
import KhoCore
import Metadata

/// Reads the quarantine area (khu cách ly) back: one `RejectedPackage` per rejection report, for the monthly
/// report. Only reports are read; a package is opened only to learn its transferring unit (see `unit(of:)`).
public struct QuarantineListing: Sendable {
    /// `home/quarantine`.
    public var folder: String

    /// A listing of `folder`.
    public init(folder: String) {
        self.folder = folder
    }

    /// Every readable `*/report.json`, oldest first. A folder without a readable report is skipped: it is not a
    /// rejection Kho wrote (an unreadable one would be found by the archivist looking at the folder itself).
    public func rejectedPackages() -> [RejectedPackage] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return [] }
        var packages: [RejectedPackage] = []
        for name in names.sorted() {
            let reportPath = folder + "/" + name + "/report.json"
            guard let data = fm.contents(atPath: reportPath),
                  let report = try? JSONDecoder().decode(IngestReport.self, from: data) else { continue }
            let first = report.errors.first ?? report.findings.first
            // A report that names its unit (`transferringUnit`, the --transfer-unit given) is believed first.
            let named = (try? JSONDecoder().decode(UnitField.self, from: data))?.transferringUnit
            packages.append(RejectedPackage(
                transferringUnit: named.flatMap { $0.isEmpty ? nil : $0 } ?? Self.unit(of: report.source),
                packageName: URL(fileURLWithPath: report.source).lastPathComponent,
                receivedAt: report.receivedAt,
                errorCount: report.errors.count,
                firstError: first.map { "\($0.code): \($0.message.vi) / \($0.message.en)" } ?? ""))
        }
        return packages.sorted { $0.receivedAt < $1.receivedAt }
    }

    /// The optional `transferringUnit` of a report.json (written by reports that carry it).
    private struct UnitField: Decodable { var transferringUnit: String? }

    /// The transferring unit of a rejected package. A quarantine report does not name one yet, so it is read from the
    /// package where it still is and can be read cheaply: a SIP folder's `METS.xml` (`agent ROLE=CREATOR
    /// TYPE=ORGANIZATION`, as ingest takes it when no `--transfer-unit` is given) or a bag's `bag-info.txt`
    /// (`Source-Organization`). A zip, a moved package or an unreadable METS gives nil (shown as "unknown").
    static func unit(of source: String) -> String? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        if let info = try? String(contentsOfFile: source + "/bag-info.txt", encoding: .utf8) {
            for line in info.split(whereSeparator: \.isNewline) where line.hasPrefix("Source-Organization:") {
                let value = line.dropFirst("Source-Organization:".count).trimmingCharacters(in: .whitespaces)
                if !value.isEmpty { return value }
            }
            return nil
        }
        guard let mets = try? XMLDocument.parse(fileAt: source + "/METS.xml").root,
              let header = mets.firstChild(named: "metsHdr", namespace: XMLNamespace.mets) else { return nil }
        for agent in header.children(named: "agent", namespace: XMLNamespace.mets)
        where agent.attribute("ROLE") == "CREATOR" && agent.attribute("TYPE") == "ORGANIZATION" {
            let name = agent.firstChild(named: "name", namespace: XMLNamespace.mets)?.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let name, !name.isEmpty { return name }
        }
        return nil
    }
}

import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import Preservation

/// What the preservation commands open: the home, its configuration, catalogue and every root.
struct PreservationContext {
    let home: RepositoryHome
    let configuration: HomeConfiguration
    let catalogue: Catalogue
    let primary: OCFLStorageRoot
    let roots: StorageRoots

    /// Opens an existing home (a mistyped `--home` is an error, never a new empty archive).
    init(_ options: HomeOptions) throws {
        home = options.repositoryHome
        guard FileManager.default.fileExists(atPath: home.ocflRoot + "/0=ocfl_1.1") else {
            throw KhoFailure(rule: "KHO-HOME-MISSING", path: home.path,
                             vi: "Không có kho lưu trữ ở đây (kiểm tra --home)", en: "No repository home here (check --home)")
        }
        configuration = try home.loadConfiguration()
        primary = try OCFLStorageRoot.open(at: home.ocflRoot)
        catalogue = try Catalogue(path: home.cataloguePath)
        roots = StorageRoots.open(primary: primary, configuration: configuration)
    }
}

/// Pretty, stable JSON for `--json`.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// The lines every fixity report ends with: the audit head an auditor anchors.
func auditLines(_ audit: AuditHead) -> [String] {
    var lines = ["Nhật ký kiểm toán / audit chain: \(audit.length) mục / entries, head \(audit.headDigest)"]
    if !audit.intact {
        lines.append("⚠ NHẬT KÝ BỊ HỎNG / AUDIT CHAIN BROKEN: \(audit.problem ?? "") — chạy / run `kho audit verify`")
    }
    return lines
}

/// One damage line, both languages.
func damageLine(_ finding: DamageFinding) -> String {
    let path = finding.path.isEmpty ? "(cả đối tượng / whole object)" : finding.path
    let detail = finding.detail.isEmpty ? "" : " — \(finding.detail)"
    return "  ✘ [\(finding.root)] \(finding.objectID) \(path): \(finding.kindLabel)\(detail)"
}

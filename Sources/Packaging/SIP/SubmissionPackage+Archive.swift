import Foundation
import KhoCore

extension SubmissionPackage {
    /// Unpacks a zip or tar into a fresh work area with `ArchiveExtractor` (safe: no traversal, no links,
    /// bounded sizes) and locates the package root inside it. The archive itself is only read.
    static func openArchive(_ path: String, workArea: String?) throws(KhoFailure) -> SubmissionPackage {
        let parent = workArea ?? FileManager.default.temporaryDirectory.path
        let area = parent + "/kho-sip-" + UUID().uuidString
        do {
            _ = try ArchiveExtractor().extract(archive: URL(fileURLWithPath: path), into: URL(fileURLWithPath: area))
        } catch {
            try? FileManager.default.removeItem(atPath: area)
            throw KhoFailure(rule: error.rule, path: path, vi: error.message.vi, en: error.message.en)
        }
        do {
            let (root, name, findings) = try locateRoot(in: area, source: path)
            return SubmissionPackage(source: path, root: root, rootName: name, findings: findings, ownedWorkArea: area)
        } catch {
            try? FileManager.default.removeItem(atPath: area)
            throw error
        }
    }
}

public import KhoCore
import Foundation

/// A submission package (gói tin nộp lưu) opened for reading: a folder, or a zip unpacked into a work area.
///
/// The source is never modified (DESIGN.md invariant 3). A zip may hold the package folder at its top
/// (the usual case, even when the zip is named by a random GUID) or the package files directly.
public struct SubmissionPackage: Sendable {
    /// What the user gave.
    public var source: String
    /// The package root folder (holding METS.xml).
    public var root: String
    /// The root folder's name as the producer gave it: the unpacked top folder, or the zip or folder name.
    public var rootName: String
    /// Findings about the container itself (CSIPSTR1 for zips that unpack to several folders).
    public var findings: [Finding]
    /// A work area created for this package, removed by `cleanUp()`.
    var ownedWorkArea: String?

    /// Opens a folder or a zip; zips are unpacked safely into `workArea` (a fresh temporary folder if nil).
    public static func open(_ path: String, workArea: String? = nil) throws(KhoFailure) -> SubmissionPackage {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw KhoFailure(rule: "KHO-SIP-OPEN", path: path, vi: "Không tìm thấy gói", en: "Package not found")
        }
        let name = String(path.split(separator: "/").last ?? Substring(path))
        if isDirectory.boolValue {
            // An unpacked transfer folder (often named by a GUID) holding the package folder is accepted too.
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }
            if !entries.contains("METS.xml"), entries.count == 1,
               FileManager.default.fileExists(atPath: path + "/" + entries[0] + "/METS.xml") {
                return SubmissionPackage(source: path, root: path + "/" + entries[0], rootName: entries[0], findings: [], ownedWorkArea: nil)
            }
            return SubmissionPackage(source: path, root: path, rootName: name, findings: [], ownedWorkArea: nil)
        }
        return try openArchive(path, workArea: workArea)
    }

    /// Removes the work area this package created, if any.
    public func cleanUp() {
        if let ownedWorkArea { try? FileManager.default.removeItem(atPath: ownedWorkArea) }
    }

    /// Locates the package root inside an unpacked archive (CSIPSTR1).
    static func locateRoot(in folder: String, source: String) throws(KhoFailure) -> (root: String, name: String, findings: [Finding]) {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        if entries.contains("METS.xml") {
            let finding = Finding(
                code: "CSIPSTR1", severity: .error,
                message: BilingualMessage(vi: "Tệp nén phải giải nén ra một thư mục gốc duy nhất, nhưng METS.xml nằm ngay ở đỉnh",
                                          en: "The archive must unpack to a single root folder, but METS.xml is at its top"),
                path: source)
            let name = String((source.split(separator: "/").last ?? "").split(separator: ".").first ?? "")
            return (folder, name, [finding])
        }
        let folders = entries.filter { entry in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + entry, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        guard folders.count == 1, entries.count == 1 else {
            throw KhoFailure(rule: "CSIPSTR1", path: source,
                             vi: "Tệp nén phải giải nén ra một thư mục gốc duy nhất, gặp \(entries.count) mục: \(entries.prefix(5).joined(separator: ", "))",
                             en: "The archive must unpack to a single root folder, found \(entries.count) entries: \(entries.prefix(5).joined(separator: ", "))")
        }
        return (folder + "/" + folders[0], folders[0], [])
    }
}

import Foundation
import KhoCore
import KhoTestSupport
@testable import Packaging

/// Shared helpers for the SIP tests: sample packages in temporary folders, validation with the corpus catalog.
enum SIPTestSupport {
    /// The XML catalog of ../shared/corpora/xsd (METS, xlink, CSIP, SIP, PREMIS schemas).
    static var catalog: String { TestEnvironment.corpus("xsd").appendingPathComponent("catalog.xml").path }

    /// Writes one sample package (folder) and returns its path.
    static func samplePackage(in directory: TemporaryDirectory, seed: UInt64 = 11, documents: Int = 3, images: Bool = false) throws -> String {
        let options = SampleSIPOptions(dossiers: 1, documents: documents, seed: seed, images: images)
        let packages = try SampleSIPGenerator(options: options).generate(into: directory.path)
        return packages[0].path
    }

    /// Validates with schema validation through the corpus catalog.
    static func validate(_ path: String, fixity: Bool = true) throws -> SIPValidationReport {
        try SIPValidator(options: SIPValidationOptions(verifyFixity: fixity, schemaCatalog: catalog)).validate(path: path)
    }

    /// The error-level codes of a report.
    static func errorCodes(_ report: SIPValidationReport) -> Set<String> {
        Set(report.findings.filter { $0.severity == .error }.map(\.code))
    }

    /// Rewrites the SIZE and CHECKSUM a METS file (`mets`, relative to the package) declares for `href` (relative to
    /// that METS) after the file was edited on purpose, so that only the edit under test is wrong. When the METS is a
    /// representation METS, the package METS's declaration of it is updated too.
    static func redeclare(_ href: String, inMETS mets: String, package: String) throws {
        let metsPath = package + "/" + mets
        let folder = (metsPath as NSString).deletingLastPathComponent
        let digest = try FileHasher().digest(fileAt: folder + "/" + href, algorithms: [.sha256])
        var lines = try String(contentsOf: URL(fileURLWithPath: metsPath), encoding: .utf8).components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains("xlink:href=\"\(href)\"") && !$0.contains("mptr") }) else { return }
        let target = lines[index].contains("SIZE=") ? index : index - 1
        lines[target] = lines[target]
            .replacingOccurrences(of: #"SIZE="\d+""#, with: "SIZE=\"\(digest.size)\"", options: .regularExpression)
            .replacingOccurrences(of: #"CHECKSUM="[0-9A-Fa-f]+""#, with: "CHECKSUM=\"\(digest.digests[.sha256] ?? "")\"", options: .regularExpression)
        try lines.joined(separator: "\n").write(toFile: metsPath, atomically: true, encoding: .utf8)
        if mets != "METS.xml" {
            try redeclare(mets, inMETS: "METS.xml", package: package)
        }
    }

    /// Replaces `old` by `new` in a package file (which must contain it) and redeclares it in its METS.
    static func edit(_ relative: String, in package: String, replacing old: String, with new: String) throws {
        let path = package + "/" + relative
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        precondition(text.contains(old), "\(relative) does not contain \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        if relative.hasPrefix("representations/rep1/") {
            try redeclare(String(relative.dropFirst("representations/rep1/".count)), inMETS: "representations/rep1/METS.xml", package: package)
        } else if relative != "METS.xml" {
            try redeclare(relative, inMETS: "METS.xml", package: package)
        }
    }
}

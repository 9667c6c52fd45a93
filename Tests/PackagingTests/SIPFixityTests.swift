import Foundation
import KhoCore
import KhoTestSupport
@testable import Packaging
import Testing

/// Each METS size/checksum failure is reported on its own, naming the file.
@Suite struct SIPFixityTests {
    static let pdf = "representations/rep1/data/"

    static func firstPDF(_ package: String) throws -> String {
        let folder = package + "/" + pdf
        let name = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().first { $0.hasSuffix(".pdf") }
        return pdf + (name ?? "")
    }

    @Test func samplePackageVerifiesEveryDeclaredFile() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir, documents: 4, images: true)
        let report = try SIPTestSupport.validate(package)
        #expect(report.isValid, "\(report.findings.map(\.line))")
        // 4 PDFs + 4 TIFFs + 4 EAD_doc + EAD.xml + representation METS.
        #expect(report.filesVerified == 14)
    }

    @Test func wrongDigestIsReported() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir)
        let target = try Self.firstPDF(package)
        // Same size, one byte changed.
        let handle = try #require(FileHandle(forUpdatingAtPath: package + "/" + target))
        try handle.seek(toOffset: 20)
        try handle.write(contentsOf: Data([0x58]))
        try handle.close()
        let report = try SIPTestSupport.validate(package)
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["KHO-FIX-CHECKSUM"])
        #expect(errors.first?.path == target)
        #expect(errors.first?.location?.hasPrefix("representations/rep1/METS.xml:") == true)
    }

    @Test func wrongSizeIsReported() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir)
        let target = try Self.firstPDF(package)
        let handle = try #require(FileHandle(forWritingAtPath: package + "/" + target))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("%extra\n".utf8))
        try handle.close()
        let report = try SIPTestSupport.validate(package)
        #expect(SIPTestSupport.errorCodes(report) == ["KHO-FIX-SIZE", "KHO-FIX-CHECKSUM"])
        #expect(report.findings.filter { $0.severity == .error }.allSatisfy { $0.path == target })
    }

    @Test func missingFileIsReported() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir)
        let target = try Self.firstPDF(package)
        try FileManager.default.removeItem(atPath: package + "/" + target)
        let report = try SIPTestSupport.validate(package)
        #expect(SIPTestSupport.errorCodes(report) == ["KHO-FIX-MISSING"])
        #expect(report.findings.first { $0.code == "KHO-FIX-MISSING" }?.path == target)
    }

    @Test func extraFileIsReported() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir)
        let extra = "representations/rep1/data/Thumbs.db"
        try Data("not declared".utf8).write(to: URL(fileURLWithPath: package + "/" + extra))
        let report = try SIPTestSupport.validate(package)
        #expect(SIPTestSupport.errorCodes(report) == ["KHO-FIX-EXTRA"])
        #expect(report.findings.first { $0.code == "KHO-FIX-EXTRA" }?.path == extra)
    }

    @Test func sha512AndMD5DeclarationsAreVerifiedInTheSamePass() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir)
        let target = try Self.firstPDF(package)
        let digest = try FileHasher().digest(fileAt: package + "/" + target, algorithms: [.sha512, .md5])
        let repMETS = package + "/representations/rep1/METS.xml"
        var lines = try String(contentsOfFile: repMETS, encoding: .utf8).components(separatedBy: "\n")
        let href = String(target.dropFirst("representations/rep1/".count))
        let index = try #require(lines.firstIndex { $0.contains("xlink:href=\"\(href)\"") })
        lines[index - 1] = lines[index - 1]
            .replacingOccurrences(of: #"CHECKSUM="[0-9A-F]+""#, with: "CHECKSUM=\"\(digest.digests[.sha512] ?? "")\"", options: .regularExpression)
            .replacingOccurrences(of: "CHECKSUMTYPE=\"SHA-256\"", with: "CHECKSUMTYPE=\"SHA-512\"")
        try lines.joined(separator: "\n").write(toFile: repMETS, atomically: true, encoding: .utf8)
        try SIPTestSupport.redeclare("representations/rep1/METS.xml", inMETS: "METS.xml", package: package)
        var report = try SIPTestSupport.validate(package)
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.findings.contains { $0.code == "TT05-PKG-007" && $0.severity == .warning })
        // Now a wrong SHA-512.
        let wrong = String(repeating: "ab", count: 64)
        try String(contentsOfFile: repMETS, encoding: .utf8)
            .replacingOccurrences(of: digest.digests[.sha512] ?? "", with: wrong)
            .write(toFile: repMETS, atomically: true, encoding: .utf8)
        try SIPTestSupport.redeclare("representations/rep1/METS.xml", inMETS: "METS.xml", package: package)
        report = try SIPTestSupport.validate(package)
        #expect(report.findings.contains { $0.code == "KHO-FIX-CHECKSUM" && $0.path == target && $0.message.en.contains("SHA-512") })
        _ = digest.digests[.md5]
    }
}

import DataManagement
import Foundation
import KhoTestSupport
import Testing
@testable import Ingest

/// The virus check runs `clamdscan` when there is one (stand-in scripts here, with clamdscan's exit codes).
@Suite("Ingest pipeline: virus check")
struct PipelineVirusTests {
    func standIn(_ temp: TemporaryDirectory, exit status: Int, output: String) throws -> URL {
        let url = URL(fileURLWithPath: temp.path + "/clamdscan-\(status)")
        try Data("#!/bin/sh\necho '\(output)'\nexit \(status)\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    @Test("an infected package is quarantined with KHO-INGEST-VIRUS; a clean one records a successful virus check")
    func infectedAndClean() throws {
        let temp = try TemporaryDirectory("kho-ingest-virus")
        let packages = try PipelineSupport.samples(in: temp.path + "/in", dossiers: 2, seed: 91, zip: false)
        var infected = PipelineSupport.pipeline(temp)
        infected.options.clamdscan = try standIn(temp, exit: 1, output: "data/x.pdf: Eicar-Test-Signature FOUND")
        let outcome = try infected.ingest(packages[0].path)
        guard case .rejected(_, let report) = outcome else { Issue.record("infected package accepted"); return }
        #expect(report.errors.first?.code == "KHO-INGEST-VIRUS" && report.errors.first?.message.en.contains("Eicar") == true)

        var clean = PipelineSupport.pipeline(temp)
        clean.options.clamdscan = try standIn(temp, exit: 0, output: "")
        guard case .accepted(let receipt, _) = try clean.ingest(packages[1].path) else { Issue.record("clean package refused"); return }
        let events = try Catalogue(path: clean.home.cataloguePath).events(aipObjectID: receipt.aipObjectID)
        #expect(events.contains { $0.type.rawValue == "virus check" && $0.outcome == .success })

        let otherHome = try TemporaryDirectory("kho-ingest-novirus")
        var absent = PipelineSupport.pipeline(otherHome)
        absent.options.clamdscan = nil
        guard case .accepted(let other, _) = try absent.ingest(packages[0].path) else { Issue.record("refused without a scanner"); return }
        let notRun = try Catalogue(path: absent.home.cataloguePath).events(aipObjectID: other.aipObjectID)
        #expect(notRun.contains { $0.type.rawValue == "virus check" && $0.outcome == .warning })
    }
}

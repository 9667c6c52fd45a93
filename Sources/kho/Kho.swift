import ArgumentParser
import Foundation

/// `kho` — the command-line face of the archive. Commands parse and present; the modules do the work.
@main
struct Kho: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kho",
        abstract: "Kho lưu trữ số — digital archive repository.",
        discussion: """
            Lưu trữ, kiểm tra và khai thác hồ sơ số theo Thông tư 05/2025/TT-BNV, OCFL 1.1, E-ARK, BagIt.
            Preserve, verify and serve digital records by TT05/2025, OCFL 1.1, E-ARK and BagIt.
            """,
        version: KhoVersion.current,
        subcommands: [
            OCFLCommand.self, SIPCommand.self, BagCommand.self, SampleCommand.self, UnpackCommand.self, DigestCommand.self,
            BenchCommand.self, IngestCommand.self, DemoCommand.self, SearchCommand.self, AuditCommand.self,
            CatalogueCommand.self, FixityCommand.self, ReplicaCommand.self, RepairCommand.self, SchedulerCommand.self,
            ReportCommand.self,
        ]
    )

    /// Exit codes archivists' scripts can rely on: 0 success/valid, 1 invalid or failed, 2 usage error.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help, --version
            }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            // ArgumentParser reports usage errors as EX_USAGE (64); Kho promises 2.
            let status = code.rawValue == 64 ? 2 : code.rawValue
            Foundation.exit(status)
        }
    }
}

/// The version Kho records as its agent in PREMIS events and reports.
enum KhoVersion {
    static let current = "0.1.0"
}

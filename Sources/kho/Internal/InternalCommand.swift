import ArgumentParser
import Foundation
import Ingest

/// `kho internal …` — processes Kho starts for itself; not for people, so not listed in `kho --help`.
struct InternalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "internal",
        abstract: "Tiến trình nội bộ của Kho — processes Kho starts for itself.",
        shouldDisplay: false,
        subcommands: [PDFTextWorkerCommand.self]
    )
}

/// `kho internal pdf-text-worker` — reads PDF text layers for `kho ingest`, one request after another on
/// standard input, answers on standard output (length-prefixed frames; see `PDFTextWorkerService`), so a PDF
/// that crashes poppler ends this process and not the ingest. Ends when standard input closes.
struct PDFTextWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf-text-worker",
        abstract: "Đọc lớp văn bản PDF cho kho ingest — reads PDF text layers for kho ingest.",
        shouldDisplay: false
    )

    /// The argv `kho ingest` starts workers with: this very executable (even if replaced on disk meanwhile).
    static let workerArguments = ["/proc/self/exe", "internal", "pdf-text-worker"]

    func run() throws {
        let status = PDFTextWorkerService.serve()
        if status != 0 { throw ExitCode(status) }
    }
}

import ArgumentParser

/// `kho ocfl …` — OCFL storage roots and objects.
struct OCFLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocfl",
        abstract: "Kho lưu trữ OCFL — OCFL storage roots and objects.",
        subcommands: [
            OCFLValidateCommand.self, OCFLInitCommand.self, OCFLListCommand.self,
            OCFLCatCommand.self, OCFLExportCommand.self, OCFLCommitCommand.self,
        ]
    )
}

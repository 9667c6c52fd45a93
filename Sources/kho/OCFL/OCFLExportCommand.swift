import ArgumentParser

/// `kho ocfl export` — not written yet.
struct OCFLExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho ocfl export: chưa có / not yet available")
    }
}

import ArgumentParser

/// `kho ocfl commit` — not written yet.
struct OCFLCommitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "commit", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho ocfl commit: chưa có / not yet available")
    }
}

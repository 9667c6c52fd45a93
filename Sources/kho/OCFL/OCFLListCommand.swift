import ArgumentParser

/// `kho ocfl ls` — not written yet.
struct OCFLListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ls", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho ocfl ls: chưa có / not yet available")
    }
}

import ArgumentParser

/// `kho ocfl init` — not written yet.
struct OCFLInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho ocfl init: chưa có / not yet available")
    }
}

import ArgumentParser

/// `kho ocfl cat` — not written yet.
struct OCFLCatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cat", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho ocfl cat: chưa có / not yet available")
    }
}

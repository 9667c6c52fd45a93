import ArgumentParser

/// `kho ocfl validate` — not written yet.
struct OCFLValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho ocfl validate: chưa có / not yet available")
    }
}

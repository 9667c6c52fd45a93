import ArgumentParser

/// `kho bag validate` — not written yet.
struct BagValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho bag validate: chưa có / not yet available")
    }
}

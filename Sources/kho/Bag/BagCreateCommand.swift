import ArgumentParser

/// `kho bag create` — not written yet.
struct BagCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho bag create: chưa có / not yet available")
    }
}

import ArgumentParser

/// `kho bench storage` — not written yet.
struct BenchStorageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "storage", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho bench storage: chưa có / not yet available")
    }
}

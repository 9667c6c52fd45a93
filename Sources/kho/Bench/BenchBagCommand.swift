import ArgumentParser

/// `kho bench bag` — not written yet.
struct BenchBagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bag", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho bench bag: chưa có / not yet available")
    }
}

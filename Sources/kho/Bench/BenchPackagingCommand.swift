import ArgumentParser

/// `kho bench packaging` — not written yet.
struct BenchPackagingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "packaging", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho bench packaging: chưa có / not yet available")
    }
}

import ArgumentParser

/// `kho bench sip` — not written yet.
struct BenchSIPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sip", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho bench sip: chưa có / not yet available")
    }
}

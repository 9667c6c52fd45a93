import ArgumentParser

/// `kho sample sip` — not written yet.
struct SampleSIPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sip", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho sample sip: chưa có / not yet available")
    }
}

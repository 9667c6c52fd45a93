import ArgumentParser

/// `kho sip validate` — not written yet.
struct SIPValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(not yet available)")

    func run() async throws {
        throw ValidationError("kho sip validate: chưa có / not yet available")
    }
}

import ArgumentParser

/// `kho bag …` — BagIt (RFC 8493) bags.
struct BagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bag",
        abstract: "Túi BagIt — BagIt bags (RFC 8493).",
        subcommands: [BagValidateCommand.self, BagCreateCommand.self]
    )
}

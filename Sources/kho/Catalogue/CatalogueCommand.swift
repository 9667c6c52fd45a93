import ArgumentParser

/// `kho catalogue …` — the catalogue (mục lục) as a whole.
struct CatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Mục lục — the catalogue as a whole (rebuild from storage).",
        subcommands: [CatalogueRebuildCommand.self]
    )
}

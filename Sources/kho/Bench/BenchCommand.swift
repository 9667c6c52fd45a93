import ArgumentParser

/// `kho bench …` — benchmarks against reference tools, printed side by side.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Đo hiệu năng — benchmarks against reference tools.",
        subcommands: [BenchStorageCommand.self, BenchBagCommand.self, BenchSIPCommand.self, BenchHashCommand.self, BenchIngestCommand.self, BenchSearchCommand.self, BenchFixityCommand.self]
    )
}

import ArgumentParser

/// `kho sample …` — realistic sample data for tests, benchmarks and demonstrations.
struct SampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Dữ liệu mẫu — sample transfers.",
        subcommands: [SampleSIPCommand.self]
    )
}

import ArgumentParser

/// `kho fixity …` — integrity checks (kiểm tra tính toàn vẹn) over every copy.
struct FixityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixity",
        abstract: "Kiểm tra tính toàn vẹn — fixity sweeps over every storage root.",
        subcommands: [FixitySweepCommand.self]
    )
}

import ArgumentParser

/// `kho replica …` — replica roots (bản sao dự phòng) on independent media, TT05 Đ27.
struct ReplicaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replica",
        abstract: "Bản sao dự phòng — add replica roots and bring them up to date.",
        subcommands: [ReplicaAddCommand.self, ReplicaSyncCommand.self]
    )
}

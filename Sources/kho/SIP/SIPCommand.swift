import ArgumentParser

/// `kho sip …` — submission information packages (TT05 SIP_hoso, E-ARK SIP).
struct SIPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sip",
        abstract: "Gói tin nộp lưu — submission packages.",
        subcommands: [SIPValidateCommand.self]
    )
}

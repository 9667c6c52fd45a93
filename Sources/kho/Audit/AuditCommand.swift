import ArgumentParser

/// `kho audit …` — the hash-chained audit trail (nhật ký kiểm toán), for auditors.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Nhật ký kiểm toán — verify and export the hash-chained audit trail.",
        subcommands: [AuditVerifyCommand.self, AuditExportCommand.self]
    )
}

import ArgumentParser
import Foundation
import Preservation

/// `kho replica sync` — brings every replica up to the primary.
struct ReplicaSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Đồng bộ bản sao — bring every replica up to date with the primary root.",
        discussion: """
            Với mỗi bản sao trong kho.toml, sao chép các phiên bản còn thiếu của mọi đối tượng, kiểm tra từng tệp \
            với inventory của bản chính, công bố nguyên tử; ghi sự kiện PREMIS "replication" cho mỗi đối tượng và \
            một dòng replica_sync. Bản sao không tới được (ổ chưa gắn) được báo, không bị tạo mới.
            For each replica in kho.toml, copies every object's missing versions, verifying each file against the \
            primary's inventory, published atomically; records a PREMIS "replication" event per object and a \
            replica_sync row. An unreachable replica (disk not mounted) is reported, never created afresh.

            Exit status: 0 every replica current, 1 an object or a replica failed, 2 usage error.
            """
    )

    @OptionGroup var home: HomeOptions

    @Flag(help: "In kết quả dạng JSON — print the result as JSON.")
    var json = false

    func run() async throws {
        let context = try PreservationContext(home)
        var synchronizer = ReplicaSynchronizer(catalogue: context.catalogue, primary: context.primary,
                                               softwareVersion: KhoVersion.current, threads: context.configuration.fixity.parallel)
        // Crash tests only: block at this durable step of each object's replication (see `kho ocfl commit`).
        synchronizer.crashAtStep = ProcessInfo.processInfo.environment["KHO_TEST_CRASH_AT"].flatMap { Int($0) }
        let stop = StopFlag()
        stop.raiseOnTerminationSignals()
        var summaries: [ReplicaSyncSummary] = []
        for replica in context.configuration.replicas {
            summaries.append(try synchronizer.sync(replica, stop: stop))
        }
        if json {
            try printJSON(summaries)
        } else if summaries.isEmpty {
            print("Chưa có bản sao nào trong kho.toml / no replica in kho.toml — kho replica add PATH")
        } else {
            print(summaries.map(Self.text).joined(separator: "\n"))
        }
        if summaries.contains(where: { $0.failed > 0 || $0.unreachable != nil }) { throw ExitCode(1) }
    }

    static func text(_ s: ReplicaSyncSummary) -> String {
        var lines: [String] = []
        if let unreachable = s.unreachable {
            lines.append("✘ \(s.replica) (\(s.path)): không tới được / unreachable — \(unreachable)")
            return lines.joined(separator: "\n")
        }
        let mark = s.failed == 0 ? "✔" : "✘"
        lines.append("\(mark) \(s.replica) (\(s.path)): đã cập nhật / current \(s.current), đã sao chép / copied \(s.copied), lỗi / failed \(s.failed)")
        for result in s.results where result.status == .failed {
            lines.append("  ✘ \(result.objectID): \(result.detail)")
        }
        return lines.joined(separator: "\n")
    }
}

import ArgumentParser
import Foundation
import Preservation

/// `kho scheduler` — keeps every copy checked at least every N days.
struct SchedulerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler",
        abstract: "Lịch kiểm tra định kỳ — sweep what is due so every copy is checked every N days.",
        discussion: """
            Chạy lâu dài: kiểm tra các (bản, đối tượng) có lần kiểm tra gần nhất cũ hơn N ngày (kho.toml [fixity] \
            interval_days, mặc định 90), lâu nhất trước, giới hạn tốc độ đọc, rồi ngủ tới khi đến hạn tiếp. \
            SIGTERM/SIGINT dừng gọn giữa hai đối tượng. --once: một lượt rồi thoát (cho cron và kiểm thử).
            Long-running: checks the (root, object) pairs whose last check is older than N days (kho.toml [fixity] \
            interval_days, default 90), stalest first, throttled, then sleeps until the next falls due. SIGTERM/SIGINT \
            stop it cleanly between objects. --once: one pass, then exit (for cron and tests).

            Ví dụ / examples:
              kho scheduler --home /srv/kho --max-rate 100
              kho scheduler --once --interval-days 30

            Exit status: 0 the last pass found everything intact, 1 damage found, 2 usage error.
            """
    )

    @OptionGroup var home: HomeOptions

    @Option(help: "Số ngày giữa hai lần kiểm tra một bản — days between checks of one copy (default kho.toml, else 90).")
    var intervalDays: Int?

    @Option(help: "Giới hạn tốc độ đọc MB/s — throttle (default kho.toml max_rate_mb).")
    var maxRate: Double?

    @Flag(help: "Một lượt rồi thoát — one pass, then exit.")
    var once = false

    @Option(help: "Ngủ tối đa bao nhiêu giây giữa hai lần xem lịch — longest sleep between looks at the schedule (s).")
    var tick: Double = 3600

    @Flag(help: "In kết quả dạng JSON (mỗi lượt một dòng) — print each pass as a JSON line.")
    var json = false

    func validate() throws {
        if let intervalDays, intervalDays < 1 { throw ValidationError("--interval-days ≥ 1") }
        if let maxRate, !(maxRate > 0) { throw ValidationError("--max-rate > 0") }
        if !(tick > 0) { throw ValidationError("--tick > 0") }
    }

    func run() async throws {
        let context = try PreservationContext(home)
        let settings = context.configuration.fixity
        let schedule = FixityScheduler(intervalDays: intervalDays ?? settings.intervalDays)
        let options = SweepOptions(parallel: settings.parallel, maxRateMB: maxRate ?? settings.maxRateMB, softwareVersion: KhoVersion.current)
        let runner = FixitySchedulerRun(catalogue: context.catalogue, roots: context.roots, schedule: schedule, options: options)
        let stop = StopFlag()
        stop.raiseOnTerminationSignals()
        var clean = true
        repeat {
            let pass = try runner.pass(stop: stop)
            clean = pass.sweep?.isClean ?? true
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(pass), as: UTF8.self))
            } else {
                print("[\(FixityTimeText.now())] Đến hạn / due: \(pass.due); hạn kế tiếp / next due: \(pass.nextDue ?? "-")")
                if let sweep = pass.sweep { print(FixitySweepCommand.text(sweep)) }
            }
            fflush(nil)  // a long-running process: each pass visible at once in logs
            if once || stop.isRaised { break }
            let wait = pass.nextDue.flatMap(FixityTimeText.date).map { max(1, $0.timeIntervalSinceNow) } ?? tick
            stop.sleep(seconds: min(wait, tick))
        } while !stop.isRaised
        if !clean { throw ExitCode(1) }
    }
}

/// Times as the fixity tables write them.
enum FixityTimeText {
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
    static func date(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }
}

import Foundation
import KhoCore

/// The virus check (kiểm tra virus) of a received package with `clamdscan` (ClamAV's daemon client), when
/// installed; otherwise the check is recorded as not run, with a warning outcome, never as passed.
struct VirusScan {
    /// What the scan found.
    enum Verdict: Equatable {
        /// clamdscan reported no infected file.
        case clean(detail: String)
        /// clamdscan reported infected files (its report lines).
        case infected(report: String)
        /// clamdscan is not installed, or could not scan (daemon down, timeout).
        case notRun(reason: String)
    }

    /// The scanner; nil when absent.
    var clamdscan: URL?
    /// Longest a scan may take.
    var timeout: Duration = .seconds(600)

    /// Scans the package folder (read only: `--fdpass` lets the daemon read files through our descriptors).
    func scan(_ folder: String) -> Verdict {
        guard let clamdscan else {
            return .notRun(reason: "clamdscan không có (gói clamav-daemon): không quét virus / clamdscan not installed: no virus scan")
        }
        let process = BoundedProcess(executable: clamdscan, arguments: ["--no-summary", "--infected", "--fdpass", folder],
                                     timeout: timeout, maxOutputBytes: 1 << 20)
        guard let result = try? process.run(), !result.timedOut else {
            return .notRun(reason: "clamdscan không chạy được hoặc quá thời gian / clamdscan failed to run or timed out")
        }
        let output = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch result.status {
        case 0: return .clean(detail: "clamdscan")
        case 1: return .infected(report: output)
        default: return .notRun(reason: "clamdscan lỗi / error (\(result.status)): \(output.prefix(500))")
        }
    }
}

extension IngestRun {
    /// Runs the virus check and records it; an infected package is a rejection finding.
    mutating func virusCheck(_ folder: String) -> [Finding] {
        switch VirusScan(clamdscan: options.clamdscan).scan(folder) {
        case .clean(let detail):
            event(.virusCheck, outcome: .success, detail: detail, outcomeDetail: "không phát hiện virus / no virus found")
            return []
        case .notRun(let reason):
            event(.virusCheck, outcome: .warning, detail: reason, outcomeDetail: "không kiểm tra / not checked")
            return []
        case .infected(let report):
            event(.virusCheck, outcome: .failure, detail: "clamdscan", outcomeDetail: report)
            return [Self.finding("KHO-INGEST-VIRUS", "Phát hiện virus: \(report)", "Virus found: \(report)", nil)]
        }
    }
}


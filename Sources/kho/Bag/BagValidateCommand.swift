import ArgumentParser
import Foundation
import KhoCore
import Packaging

/// `kho bag validate BAG` — checks a BagIt bag and says why it is or is not valid.
struct BagValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Kiểm tra túi BagIt — validate a BagIt bag (RFC 8493, 0.93–1.0).",
        discussion: """
            Kiểm tra khai báo, bảng kê, bag-info.txt, fetch.txt, tính đầy đủ và mọi giá trị băm.
            Checks the declaration, manifests, bag-info.txt, fetch.txt, completeness and every digest.
            Nothing is fetched from the network and nothing is written.

            Exit status: 0 valid (warnings on standard error), 1 invalid, 2 usage error.
            Each finding is one line on standard error, starting with its code (BAGIT-…).

            Examples:
              kho bag validate /srv/transfers/ubnd-xa-2024
              kho bag validate --fast /srv/transfers/ubnd-xa-2024
              kho bag validate --json /srv/transfers/ubnd-xa-2024 > report.json
            """
    )

    @Argument(help: "Thư mục túi — the bag directory.")
    var bag: String

    @Flag(help: "Báo cáo JSON trên stdout — print the full report as JSON on standard output.")
    var json = false

    @Flag(help: "Chỉ kiểm tra Payload-Oxum và cấu trúc, không băm — Payload-Oxum and structure only, no digests.")
    var fast = false

    @Option(help: "Số luồng băm — hashing threads.")
    var threads = 2

    func run() async throws {
        let report = BagValidator(options: BagValidationOptions(fast: fast, threads: threads)).validate(bagAt: bag)
        var errorText = ""
        for finding in report.findings where finding.severity != .info {
            errorText += finding.line + "\n"
        }
        if !errorText.isEmpty { FileHandle.standardError.write(Data(errorText.utf8)) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(report)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } else {
            let scope = fast ? "Payload-Oxum" : report.algorithms.joined(separator: ", ")
            let summary = report.isValid
                ? "Hợp lệ / valid: \(bag) (BagIt \(report.version ?? "?"), \(report.payloadFileCount) files, \(report.payloadByteCount) bytes, \(scope))"
                : "Không hợp lệ / invalid: \(bag) (\(report.errors.count) errors, \(report.warnings.count) warnings)"
            print(summary)
        }
        if !report.isValid { throw ExitCode(1) }
    }
}

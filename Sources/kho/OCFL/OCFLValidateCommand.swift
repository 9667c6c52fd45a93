import ArchivalStorage
import ArgumentParser
import Foundation
import KhoCore

/// `kho ocfl validate PATH` — checks an OCFL object or storage root against the OCFL 1.0/1.1 spec.
struct OCFLValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Kiểm tra đối tượng hoặc kho OCFL — validate an OCFL object or storage root.",
        discussion: """
            PATH là thư mục gốc của một đối tượng OCFL (có tệp 0=ocfl_object_1.x) hoặc của một kho
            lưu trữ OCFL (có tệp 0=ocfl_1.x). Mỗi phát hiện in trên một dòng, bắt đầu bằng mã của đặc tả:
            lỗi (E…) ra đầu ra chuẩn, cảnh báo (W…) ra đầu ra lỗi chuẩn; dòng cuối là tóm tắt.
            PATH is an OCFL object root or storage root. Each finding is printed on its own line starting
            with the spec code: errors (E…) on standard output, warnings (W…) on standard error; a summary
            line ends the output. Exit status: 0 valid, 1 invalid, 2 usage error.

            Ví dụ / Examples:
              kho ocfl validate storage/ocfl
              kho ocfl validate --no-digests storage/ocfl/0a1/b2c/…/object
              kho ocfl validate --json storage/ocfl > report.json
            """
    )

    @Argument(help: "Thư mục đối tượng hoặc kho OCFL — object or storage root directory.")
    var path: String

    @Flag(help: "In báo cáo JSON — print a JSON report.")
    var json = false

    @Flag(name: .customLong("no-digests"), help: "Không băm nội dung (chỉ kiểm tra cấu trúc) — skip content digest checks.")
    var noDigests = false

    @Flag(name: .customLong("no-fixity"), help: "Chỉ kiểm tra mã băm manifest, bỏ qua giá trị fixity — manifest digests only, skip fixity values (E093).")
    var noFixity = false

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("Không tìm thấy thư mục / no such directory: \(path)")
        }
        let validator = OCFLValidator(options: .init(checkDigests: !noDigests, checkFixity: !noFixity))
        let report = validator.validate(at: URL(fileURLWithPath: path))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(OCFLValidationJSON(report))
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            var stdout = ""
            var stderr = ""
            for finding in report.findings {
                if finding.severity == .error { stdout += finding.line + "\n" } else { stderr += finding.line + "\n" }
            }
            stdout += report.summary.combined + "\n"
            if !stderr.isEmpty { FileHandle.standardError.write(Data(stderr.utf8)) }
            FileHandle.standardOutput.write(Data(stdout.utf8))
        }
        if !report.isValid { throw ExitCode(1) }
    }
}

/// The `--json` shape: the report plus its verdict and summary.
struct OCFLValidationJSON: Encodable {
    var valid: Bool
    var summary: BilingualMessage
    var report: ValidationReport

    init(_ report: ValidationReport) {
        self.valid = report.isValid
        self.summary = report.summary
        self.report = report
    }
}

import ArgumentParser
import Foundation
import Ingest
import KhoCore
import Packaging
import Preservation

/// `kho demo` — a working archive in one command: a home, sample transfers, ingested, and what to try next.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Tạo kho mẫu và tiếp nhận vài hồ sơ — create a home, generate sample transfers and ingest them.",
        discussion: """
            Tạo thư mục kho (mặc định ./storage), sinh gói SIP_hoso mẫu (zip và thư mục) vào <kho>/demo-transfers, \
            tiếp nhận chúng và gợi ý các lệnh nên thử tiếp. Chạy lại an toàn: gói đã lưu trữ được bỏ qua.
            Creates the home (default ./storage), writes sample SIP_hoso transfers (zip and folder) into \
            <home>/demo-transfers, ingests them and prints what to try next. Safe to repeat: archived packages are skipped.

            Example:
              swift run kho demo
              kho demo --home /tmp/kho-thu
            """
    )

    @OptionGroup var homeOptions: HomeOptions

    @Option(help: "Số hồ sơ mẫu dạng zip — sample dossiers as zips.")
    var zips = 2

    @Option(help: "Số hồ sơ mẫu dạng thư mục — sample dossiers as folders.")
    var folders = 1

    func run() async throws {
        let home = homeOptions.repositoryHome
        let transfers = home.path + "/demo-transfers"
        print("Kho lưu trữ số — bản chạy thử / demo")
        print("Thư mục kho / home: \(home.path)")
        try? FileManager.default.removeItem(atPath: transfers)
        var packages: [GeneratedPackage] = []
        do {
            packages += try SampleSIPGenerator(options: SampleSIPOptions(dossiers: zips, documents: 3, seed: 2026, zip: true),
                                               zipper: SampleZipper.zip).generate(into: transfers + "/zip")
            packages += try SampleSIPGenerator(options: SampleSIPOptions(dossiers: folders, documents: 4, seed: 2027, images: true))
                .generate(into: transfers + "/thu-muc")
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode(1)
        }
        print("Đã sinh \(packages.count) gói mẫu / generated \(packages.count) sample transfers in \(transfers)\n")
        let pipeline = IngestPipeline(home: home, options: IngestOptions(softwareVersion: KhoVersion.current))
        var failed = false
        var receipts: [String] = []
        for package in packages {
            do {
                let outcome = try pipeline.ingest(package.path)
                print(IngestCommandOutput.text(path: package.path, outcome: outcome))
                if case .accepted(_, let files) = outcome { receipts += files.filter { $0.hasSuffix(".html") } }
                failed = failed || !outcome.isSuccess
            } catch {
                failed = true
                FileHandle.standardError.write(Data("\(package.path): \(error.description)\n".utf8))
            }
        }
        let homeArgument = home.path == RepositoryHome.resolve(nil).path ? "" : " --home \(home.path)"
        print("""

            Thử tiếp / try next:
              kho search "dang uy"\(homeArgument)                  tìm không dấu / search without diacritics
              kho ocfl validate \(home.ocflRoot)          kiểm tra kho OCFL / validate the storage root
              kho ocfl ls \(home.ocflRoot)                liệt kê gói AIP / list the AIPs
              kho ingest \(packages.first?.path ?? "<gói>")\(homeArgument)
                                                        tiếp nhận lại: được nhận ra, không ghi lại / re-ingest is a no-op
              kho fixity sweep\(homeArgument)                    kiểm tra tính toàn vẹn / re-read and check every file
              kho replica add <thư mục trên ổ khác / folder on another disk>\(homeArgument)
                                                        bản sao dự phòng / a replica on independent media
              kho report monthly --month \(Self.currentMonth())\(homeArgument) --output bao-cao.html
                                                        báo cáo tiến độ nộp lưu / the monthly progress report
              kho audit verify\(homeArgument)                    kiểm tra nhật ký kiểm toán / verify the audit trail
              Biên bản giao nhận / receipts: \(home.receipts)
            """)
        if let receipt = receipts.first { print("  Mở thử / open: \(receipt)") }
        if failed { throw ExitCode(1) }
    }

    /// This month in Vietnam time (UTC+7), as `kho report monthly --month` takes it.
    private static func currentMonth() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
        let parts = calendar.dateComponents([.year, .month], from: Date())
        return String(format: "%04d-%02d", parts.year ?? 1970, parts.month ?? 1)
    }
}

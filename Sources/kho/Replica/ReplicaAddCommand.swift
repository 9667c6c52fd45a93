import ArgumentParser
import Foundation
import Preservation

/// `kho replica add PATH` — registers a new replica root in kho.toml and fills it.
struct ReplicaAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Thêm bản sao dự phòng — add a replica root and copy every object to it.",
        discussion: """
            Tạo gốc OCFL ở PATH (thư mục trống hoặc chưa có; chấp nhận gốc OCFL có sẵn), thêm khối [[replica]] vào \
            cuối kho.toml (giữ nguyên chú thích), rồi sao chép có kiểm tra mọi đối tượng. Từ chối thư mục nằm trong \
            kho chính, thư mục đã là bản sao, hoặc thư mục không trống mà không phải gốc OCFL.
            Creates an OCFL root at PATH (empty or missing folder; an existing OCFL root is accepted), appends a \
            [[replica]] block to kho.toml (comments kept), then copies every object with verification. Refuses a \
            folder inside the primary root, one already a replica, or a non-empty folder that is not an OCFL root.

            Ví dụ / examples:
              kho replica add /mnt/ban-sao-1/ocfl --name o-dia-1

            Exit status: 0 added and synced, 1 refused or a copy failed, 2 usage error.
            """
    )

    @OptionGroup var home: HomeOptions

    @Argument(help: "Thư mục gốc OCFL của bản sao — the replica's OCFL root folder.")
    var path: String

    @Option(help: "Tên bản sao (mặc định replica-N) — the replica's name (default replica-N).")
    var name: String?

    @Flag(help: "In kết quả dạng JSON — print the result as JSON.")
    var json = false

    func run() async throws {
        let repositoryHome = home.repositoryHome
        guard FileManager.default.fileExists(atPath: repositoryHome.ocflRoot + "/0=ocfl_1.1") else {
            _ = try repositoryHome.prepare()
            return try await run()
        }
        let replica = try ReplicaRegistration(home: repositoryHome).add(path: path, name: name)
        let context = try PreservationContext(home)
        let summary = try ReplicaSynchronizer(catalogue: context.catalogue, primary: context.primary, softwareVersion: KhoVersion.current,
                                              threads: context.configuration.fixity.parallel).sync(replica)
        if json {
            try printJSON(summary)
        } else {
            print("✔ Đã thêm bản sao / replica added: \(replica.name) → \(replica.path) (kho.toml)")
            print(ReplicaSyncCommand.text(summary))
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

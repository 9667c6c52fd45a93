import ArchivalStorage
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `kho ocfl cat ROOT OBJECT_ID LOGICAL_PATH [--version vN]` — writes one file's bytes to standard output.
struct OCFLCatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat",
        abstract: "In nội dung một tệp — stream one logical file to standard output.",
        discussion: "Example: kho ocfl cat storage/ocfl info:kho/hs-001 'Tài liệu/Quyết định.pdf' --version v1 > qd.pdf"
    )

    @Argument(help: "Gốc kho OCFL — OCFL storage root.")
    var root: String

    @Argument(help: "Định danh đối tượng — object identifier.")
    var objectID: String

    @Argument(help: "Đường dẫn logic — logical path.")
    var logicalPath: String

    @Option(help: "Phiên bản — version (vN); head by default.")
    var version: String?

    func run() async throws {
        let object = try OCFLStorageRoot.open(at: root).object(objectID)
        var failed = false
        try object.read(logicalPath: logicalPath, version: version) { chunk in
            var offset = 0
            while offset < chunk.count, !failed {
                let written = write(1, chunk.baseAddress.map { $0 + offset }, chunk.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                } else {
                    offset += written
                }
            }
        }
        if failed { throw ExitCode.failure }
    }
}

import ArgumentParser
import Foundation
import KhoCore
import Packaging

/// `kho sample sip` — writes realistic TT05 SIP_hoso packages.
struct SampleSIPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sip",
        abstract: "Tạo gói SIP_hoso mẫu — write sample TT05 SIP_hoso transfer packages.",
        discussion: """
            Mỗi gói là một hồ sơ: METS gốc và METS biểu diễn (SHA-256), EAD.xml, EAD_doc cho từng tài liệu, \
            tệp PDF có lớp chữ tiếng Việt. Cùng --seed cho kết quả giống hệt từng byte.
            Each package is one dossier: package and representation METS (SHA-256), EAD.xml, one EAD_doc per \
            document, PDF files with a Vietnamese text layer. The same --seed gives byte-identical output.

            Examples:
              kho sample sip --out transfers --dossiers 3 --docs 5 --seed 7
              kho sample sip --out transfers --zip --images
              kho sample sip --out big --docs 20 --file-size 52428800
            """
    )

    @Option(help: "Thư mục đích — output folder.")
    var out: String

    @Option(help: "Số hồ sơ (gói) — dossiers, one package each.")
    var dossiers = 1

    @Option(help: "Số tài liệu mỗi hồ sơ — documents per dossier.")
    var docs = 3

    @Option(help: "Hạt giống ngẫu nhiên — seed.")
    var seed: UInt64 = 1

    @Flag(help: "Đóng gói zip — write <sequence><OBJID>.zip files.")
    var zip = false

    @Flag(help: "Thêm ảnh TIFF quét — add a scanned TIFF page per document.")
    var images = false

    @Option(name: [.customLong("file-size"), .customLong("payload-bytes")], help: "Kích thước mỗi PDF (byte) — approximate size of each PDF.")
    var fileSize: Int?

    func validate() throws {
        guard dossiers >= 0, docs >= 0 else { throw ValidationError("--dossiers and --docs must not be negative") }
        if let fileSize, fileSize < 0 { throw ValidationError("--file-size must not be negative") }
    }

    func run() async throws {
        let options = SampleSIPOptions(dossiers: dossiers, documents: docs, seed: seed, zip: zip, images: images, payloadBytes: fileSize)
        let generator = SampleSIPGenerator(options: options, zipper: SampleZipper.zip)
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for package in try generator.generate(into: out) {
                print("\(package.path)\t\(package.fileCode)\t\(package.documentCount) tài liệu/documents\t\(package.fileCount) tệp/files")
            }
        } catch let error as KhoFailure {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}

import ArgumentParser
import Foundation
import KhoCore
import Packaging

/// `kho bag create DIR` — turns a directory into a BagIt 1.0 bag, or copies it into a new bag.
struct BagCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Đóng túi BagIt — make a BagIt 1.0 bag from a directory.",
        discussion: """
            Không có --output: chuyển DIR thành túi tại chỗ (nội dung chuyển vào DIR/data/).
            Có --output: sao chép DIR thành túi mới, không thay đổi DIR.
            Without --output, DIR itself becomes the bag (its contents move into DIR/data/), like bagit.py.
            With --output, a new bag is written there and DIR is only read.

            Examples:
              kho bag create /srv/transfers/ubnd-xa-2024
              kho bag create --algorithms sha256,sha512 --info "Source-Organization: UBND xã Tân Phú" DIR
              kho bag create DIR --output /srv/bags/ubnd-xa-2024
            """
    )

    @Argument(help: "Thư mục nguồn — the directory to bag.")
    var directory: String

    @Option(help: "Thuật toán băm, cách nhau bởi dấu phẩy — comma-separated algorithms (md5, sha1, sha256, sha512).")
    var algorithms = "sha256,sha512"

    @Option(help: "Túi mới ở đây, không đụng tới nguồn — write a new bag here and leave DIR untouched.")
    var output: String?

    @Option(name: .customLong("info"), help: "Thêm dòng bag-info.txt 'Nhãn: giá trị' — extra bag-info.txt element (repeatable).")
    var info: [String] = []

    @Option(help: "Số luồng băm — hashing threads.")
    var threads = 2

    func run() async throws {
        var chosen: [DigestAlgorithm] = []
        for name in algorithms.split(separator: ",") {
            guard let algorithm = DigestAlgorithm(name: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("thuật toán không hỗ trợ / unsupported algorithm: \(name)")
            }
            if !chosen.contains(algorithm) { chosen.append(algorithm) }
        }
        guard !chosen.isEmpty else { throw ValidationError("cần ít nhất một thuật toán / at least one algorithm is needed") }
        var elements: [BagInfo.Element] = []
        for line in info {
            guard let colon = line.firstIndex(of: ":") else {
                throw ValidationError("--info phải có dạng 'Nhãn: giá trị' / must be 'Label: value': \(line)")
            }
            elements.append(BagInfo.Element(label: line[..<colon].trimmingCharacters(in: .whitespaces),
                                            value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let creator = BagCreator(options: BagCreationOptions(algorithms: chosen, bagInfo: elements,
                                                             softwareAgent: "Kho \(KhoVersion.current)", threads: threads))
        do {
            let result = if let output {
                try creator.create(from: directory, to: output)
            } else {
                try creator.convertInPlace(directory: directory)
            }
            print("Đã đóng túi / bag created: \(result.bagPath) (\(result.payloadFileCount) files, \(result.payloadByteCount) bytes, \(chosen.map(\.rawValue).joined(separator: ", ")))")
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

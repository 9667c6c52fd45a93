import Foundation
import KhoCore

/// Makes BagIt 1.0 bags: in place (like `bagit.py`), or from a source tree into a new directory
/// without touching the source (DESIGN.md invariant 3). Every byte is read once: hashed in place,
/// or copied and hashed in the same pass.
///
/// Đóng túi BagIt. Crash behaviour is described in `README.md` ("Creating bags").
public struct BagCreator: Sendable {
    /// Algorithms, extra metadata, threads, durability.
    public var options: BagCreationOptions

    /// Name of the journal left at the top of a directory while it is being converted in place.
    public static let journalName = ".kho-bag-create.journal"
    /// Name of the folder the payload is gathered in before it becomes `data/`.
    public static let stagingName = ".kho-bag-staging"
    /// Suffix of the staging directory used by `create(from:to:)`.
    public static let partialSuffix = ".kho-partial"

    /// A creator with the given options.
    public init(options: BagCreationOptions = BagCreationOptions()) {
        self.options = options
    }

    /// Turns `directory` into a bag: its contents move into `data/` and the tag files are written beside it.
    public func convertInPlace(directory: String) throws(BagItError) -> BagCreationResult {
        let root = BagFileSystem.bytes(of: directory)
        try requireDirectory(root)
        let journal = BagFileSystem.join(root, Array(Self.journalName.utf8))
        let staging = BagFileSystem.join(root, Array(Self.stagingName.utf8))
        for leftover in [journal, staging] where BagFileSystem.kind(of: leftover).0 != .missing {
            throw BagItError(rule: "BAGIT-CREATE-INTERRUPTED", path: BagPath.display(leftover),
                             vi: "một lần đóng túi trước đã bị gián đoạn; xem tệp nhật ký và README trước khi thử lại",
                             en: "an earlier bag creation was interrupted; read the journal and README before retrying")
        }
        let files = try scanSource(root)
        // 1. Hash in place: nothing is modified yet, so a failure here leaves the directory untouched.
        let jobs = files.map { BagParallelHasher.Job(path: BagFileSystem.join(root, $0.path), algorithms: options.algorithms) }
        let digests: [FileDigest]
        do {
            digests = try collect(BagParallelHasher(threads: options.threads).hash(jobs))
        } catch {
            throw BagItError(error)
        }
        let topLevel: [[UInt8]]
        do {
            topLevel = try BagFileSystem.list(root).sorted { $0.lexicographicallyPrecedes($1) }
            // 2. Journal first, so an interrupted move is never silent.
            var text = "Kho bag create: moving these entries into \(Self.stagingName)/, then renaming it to data/\n"
            for name in topLevel { text += BagPath.display(name) + "\n" }
            try BagFileSystem.write(Array(text.utf8), to: journal, durable: options.durable)
            try BagFileSystem.makeDirectory(staging)
            // 3. One rename per top-level entry (atomic each), then one rename to data/.
            for name in topLevel {
                try BagFileSystem.rename(BagFileSystem.join(root, name), BagFileSystem.join(staging, name))
            }
            if options.durable {
                try BagFileSystem.syncDirectory(staging)
                try BagFileSystem.syncDirectory(root)
            }
            try BagFileSystem.rename(staging, BagFileSystem.join(root, Array("data".utf8)))
            if options.durable { try BagFileSystem.syncDirectory(root) }
            // 4. Tag files, tag manifests last; then the journal goes.
            let payload = zip(files, digests).map { (Array("data/".utf8) + $0.path, $1) }
            try writeTagFiles(root, payload: payload)
            try BagFileSystem.removeFile(journal)
            if options.durable { try BagFileSystem.syncDirectory(root) }
        } catch {
            throw BagItError(error)
        }
        return result(directory, digests)
    }

    /// Builds a new bag at `destination` (which must not exist) from the files under `source`, which
    /// is only read. The bag is assembled in `destination + ".kho-partial"` and renamed into place at
    /// the end, so `destination` either does not exist or is a complete bag.
    public func create(from source: String, to destination: String) throws(BagItError) -> BagCreationResult {
        let sourceRoot = BagFileSystem.bytes(of: source)
        let target = BagFileSystem.bytes(of: destination)
        try requireDirectory(sourceRoot)
        let staging = target + Array(Self.partialSuffix.utf8)
        for existing in [target, staging] where BagFileSystem.kind(of: existing).0 != .missing {
            throw BagItError(rule: "BAGIT-CREATE-DESTINATION-EXISTS", path: BagPath.display(existing),
                             vi: "đích đã tồn tại", en: "destination already exists")
        }
        let entries = try scanSource(sourceRoot, includeDirectories: true)
        let files = entries.filter { $0.kind == .file }
        let data = BagFileSystem.join(staging, Array("data".utf8))
        let digests: [FileDigest]
        do {
            try BagFileSystem.makeDirectory(staging)
            try BagFileSystem.makeDirectory(data)
            var directories = [data]
            for entry in entries where entry.kind == .directory {
                try BagFileSystem.makeDirectory(BagFileSystem.join(data, entry.path))
                directories.append(BagFileSystem.join(data, entry.path))
            }
            let jobs = files.map {
                BagParallelHasher.Job(path: BagFileSystem.join(sourceRoot, $0.path), algorithms: options.algorithms,
                                   copyTo: BagFileSystem.join(data, $0.path))
            }
            digests = try collect(BagParallelHasher(threads: options.threads).hash(jobs))
            if options.durable {
                // One syncfs for thousands of files, then each new directory.
                try BagFileSystem.syncFilesystem(staging)
                for directory in directories { try BagFileSystem.syncDirectory(directory) }
            }
            let payload = zip(files, digests).map { (Array("data/".utf8) + $0.path, $1) }
            try writeTagFiles(staging, payload: payload)
            try BagFileSystem.rename(staging, target)
            if options.durable {
                var parent = target
                while let last = parent.last, last != UInt8(ascii: "/") { parent.removeLast() }
                try BagFileSystem.syncDirectory(parent.isEmpty ? Array(".".utf8) : parent)
            }
        } catch {
            throw BagItError(error)
        }
        return result(destination, digests)
    }

    // MARK: helpers

    private func result(_ path: String, _ digests: [FileDigest]) -> BagCreationResult {
        BagCreationResult(bagPath: path, payloadFileCount: digests.count,
                          payloadByteCount: digests.reduce(0) { $0 + $1.size }, algorithms: options.algorithms)
    }

    private func requireDirectory(_ path: [UInt8]) throws(BagItError) {
        guard BagFileSystem.kind(of: path).0 == .directory else {
            throw BagItError(rule: "BAGIT-CREATE-NOT-A-DIRECTORY", path: BagPath.display(path),
                             vi: "không phải thư mục", en: "not a directory")
        }
    }

    /// Every entry of the source; refuses links, special files and names equal under NFC.
    private func scanSource(_ root: [UInt8], includeDirectories: Bool = false) throws(BagItError) -> [BagFileSystem.Entry] {
        let entries: [BagFileSystem.Entry]
        do {
            entries = try BagFileSystem.walk(root, prefix: [], sizes: false)
        } catch {
            throw BagItError(error)
        }
        for entry in entries where entry.kind == .symlink || entry.kind == .other {
            throw BagItError(rule: entry.kind == .symlink ? BagItRule.payloadSymlink.rawValue : BagItRule.payloadSpecialFile.rawValue,
                             path: BagPath.display(entry.path),
                             vi: "không đóng túi được liên kết tượng trưng hoặc tệp đặc biệt",
                             en: "cannot bag a symbolic link or special file")
        }
        let names = entries.map(\.path).filter { $0.contains { $0 >= 0x80 } }.map(BagPath.display)
        if let group = UnicodeNames.nfcCollisions(names).first {
            throw BagItError(rule: BagItRule.pathNFCCollision.rawValue, path: group[0],
                             vi: "các tên chỉ khác nhau về chuẩn hoá Unicode: \(group.joined(separator: ", "))",
                             en: "names differ only in Unicode normalization: \(group.joined(separator: ", "))")
        }
        return includeDirectories ? entries : entries.filter { $0.kind == .file }
    }

    private func collect(_ outcomes: [BagParallelHasher.Outcome]) throws(KhoFailure) -> [FileDigest] {
        var digests: [FileDigest] = []
        digests.reserveCapacity(outcomes.count)
        for outcome in outcomes {
            switch outcome {
            case .digest(let digest): digests.append(digest)
            case .failed(let failure): throw failure
            }
        }
        return digests
    }

    /// Writes manifests, `bagit.txt`, `bag-info.txt`, then tag manifests, hashing each tag file from memory.
    private func writeTagFiles(_ bag: [UInt8], payload: [([UInt8], FileDigest)]) throws(KhoFailure) {
        var tagFiles: [(name: String, bytes: [UInt8])] = []
        for algorithm in options.algorithms {
            let entries = payload.map { (path: $0.0, checksum: $0.1.digests[algorithm] ?? "") }
            tagFiles.append(("manifest-\(algorithm.rawValue).txt", BagManifest.render(entries)))
        }
        tagFiles.append(("bagit.txt", BagDeclaration.current.fileBytes))
        let octets = payload.reduce(Int64(0)) { $0 + $1.1.size }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        var info = options.bagInfo
        info.append(BagInfo.Element(label: "Bag-Software-Agent", value: options.softwareAgent))
        info.append(BagInfo.Element(label: "Bagging-Date", value: formatter.string(from: Date())))
        info.append(BagInfo.Element(label: "Payload-Oxum", value: "\(octets).\(payload.count)"))
        tagFiles.append(("bag-info.txt", BagInfo(elements: info).fileBytes))
        for file in tagFiles {
            try BagFileSystem.write(file.bytes, to: BagFileSystem.join(bag, Array(file.name.utf8)), durable: options.durable)
        }
        for algorithm in options.algorithms {
            let entries = tagFiles.map { file -> (path: [UInt8], checksum: String) in
                let digester = MultiDigester([algorithm])
                file.bytes.withUnsafeBytes { digester.update($0) }
                return (Array(file.name.utf8), digester.finalize()[algorithm] ?? "")
            }
            let name = "tagmanifest-\(algorithm.rawValue).txt"
            try BagFileSystem.write(BagManifest.render(entries), to: BagFileSystem.join(bag, Array(name.utf8)), durable: options.durable)
        }
        if options.durable { try BagFileSystem.syncDirectory(bag) }
    }
}

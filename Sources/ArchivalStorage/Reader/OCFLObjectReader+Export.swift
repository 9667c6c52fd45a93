import KhoCore

extension OCFLObjectReader {
    /// Writes a version's files under `destination` (created; must be absent or empty), checking each digest
    /// against the inventory on the way. Returns the number of files written.
    @discardableResult
    public func export(version: String? = nil, to destination: String) throws(OCFLStorageError) -> Int {
        if FileSystem.exists(destination), !(try FileSystem.entries(destination).isEmpty) {
            throw OCFLStorageError("KHO-OCFL-EXPORT-EXISTS", path: destination,
                                   vi: "Thư mục đích đã có dữ liệu", en: "Destination folder is not empty")
        }
        try FileSystem.makeDirectories(destination)
        guard let algorithm = DigestAlgorithm(rawValue: inventory.digestAlgorithm) else {
            throw OCFLStorageError("E025", path: objectRoot,
                                   vi: "Thuật toán băm không hỗ trợ: \(inventory.digestAlgorithm)",
                                   en: "Unsupported digest algorithm: \(inventory.digestAlgorithm)")
        }
        let state = try state(version: version)
        let hasher = FileHasher()
        let ordered = state.sorted { StableJSON.byteOrder($0.key.string, $1.key.string) }
        for (logical, digest) in ordered {
            guard let content = inventory.contentPath(for: digest) else {
                throw OCFLStorageError("E050", path: logical.string,
                                       vi: "Bản kê không có nội dung cho mã băm \(digest)",
                                       en: "Manifest has no content for digest \(digest)")
            }
            let target = destination + "/" + logical.string
            try FileSystem.makeDirectories(FileSystem.parent(target))
            let copied: FileDigest
            do {
                copied = try hasher.copy(from: objectRoot + "/" + content, to: target, algorithms: [algorithm], durable: false)
            } catch { throw OCFLStorageError(error) }
            guard copied.digests[algorithm]?.lowercased() == digest.lowercased() else {
                throw OCFLStorageError("E092", path: content,
                                       vi: "Mã băm của tệp không khớp bản kê (tệp đã bị thay đổi?)",
                                       en: "File digest does not match the inventory (file altered?)")
            }
        }
        return ordered.count
    }
}

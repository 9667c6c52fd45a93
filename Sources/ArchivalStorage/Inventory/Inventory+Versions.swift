import KhoCore

extension Inventory {
    /// The number in a version name (`v12` → 12), or nil for a malformed name.
    public static func versionNumber(_ name: String) -> Int? {
        guard name.hasPrefix("v"), let number = Int(name.dropFirst()), number > 0 else { return nil }
        return number
    }

    /// Version names oldest first.
    public var versionNames: [String] {
        versions.keys.sorted { (Self.versionNumber($0) ?? 0) < (Self.versionNumber($1) ?? 0) }
    }

    /// The name of the version after head, keeping any zero padding the object already uses.
    public var nextVersionName: String {
        let number = (Self.versionNumber(head) ?? 0) + 1
        let width = head.count - 1
        let digits = String(number)
        if head.hasPrefix("v0"), digits.count < width {
            return "v" + String(repeating: "0", count: width - digits.count) + digits
        }
        return "v" + digits
    }

    /// Logical path → digest for a version, paths keyed by their exact bytes.
    public func state(of version: String) throws(OCFLStorageError) -> [RelativePath: String] {
        guard let block = versions[version] else {
            throw OCFLStorageError("KHO-OCFL-NO-VERSION", path: version,
                                   vi: "Đối tượng \(id) không có phiên bản \(version)",
                                   en: "Object \(id) has no version \(version)")
        }
        var result: [RelativePath: String] = [:]
        for (digest, paths) in block.state {
            for path in paths {
                do { result[try RelativePath(path)] = digest } catch { throw OCFLStorageError(error) }
            }
        }
        return result
    }

    /// Lower-cased digest → the manifest key as written (digests compare case-insensitively, E096).
    public var manifestKeysByLowercase: [String: String] {
        var result: [String: String] = [:]
        for key in manifest.keys { result[Self.lowercasedSharing(key)] = key }
        return result
    }

    /// `digest` lower-cased; the same string (no new storage) when it is lower-case already, as Kho writes it.
    static func lowercasedSharing(_ digest: String) -> String {
        digest.utf8.contains { (0x41...0x5A).contains($0) } ? digest.lowercased() : digest
    }

    /// The content path to read for a digest: the first one the manifest lists.
    public func contentPath(for digest: String) -> String? {
        if let paths = manifest[digest], let first = paths.first { return first }
        guard let key = manifestKeysByLowercase[digest.lowercased()] else { return nil }
        return manifest[key]?.first
    }
}

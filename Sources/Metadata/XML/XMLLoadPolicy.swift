import Foundation

/// What the external entity loader may read while one schema is compiled: files under a few local folders,
/// and remote URLs only when an XML catalog maps them to such a local file. Everything else is refused.
struct XMLLoadPolicy: Sendable {
    /// Catalog used to map `http(s)://…` schema locations to local files.
    var catalog: XMLCatalog?
    /// Canonical folders (ending in "/") whose files may be read.
    var allowedRoots: [String]

    /// Allows the folders given plus every folder a catalog entry points into.
    init(catalog: XMLCatalog?, allowedDirectories: [String]) {
        self.catalog = catalog
        var roots = allowedDirectories
        if let catalog { roots += catalog.localDirectories }
        self.allowedRoots = Array(Set(roots.compactMap(XMLLoadPolicy.canonicalDirectory))).sorted()
    }

    /// The local file to read for `requested`, or nil to refuse.
    func resolve(_ requested: String) -> String? {
        if let scheme = XMLLoadPolicy.scheme(of: requested), scheme != "file" {
            guard let mapped = catalog?.resolve(requested) else { return nil }
            return XMLLoadPolicy.canonicalFile(mapped)
        }
        var path = requested
        if path.hasPrefix("file://") {
            guard let url = URL(string: path), url.isFileURL else { return nil }
            path = url.path
        }
        guard path.hasPrefix("/"), let file = XMLLoadPolicy.canonicalFile(path) else { return nil }
        return allowedRoots.contains { file.hasPrefix($0) } ? file : nil
    }

    /// The URI scheme (lower-cased) if `string` starts with one of two or more letters (so `C:` is not one).
    static func scheme(of string: String) -> String? {
        guard let colon = string.firstIndex(of: ":") else { return nil }
        let candidate = string[..<colon]
        guard candidate.count >= 2, candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            return nil
        }
        return candidate.lowercased()
    }

    /// The real path of an existing regular file, symlinks resolved; nil otherwise.
    static func canonicalFile(_ path: String) -> String? {
        guard let real = realPath(path) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return real
    }

    /// The real path of an existing directory with a trailing "/"; nil otherwise.
    static func canonicalDirectory(_ path: String) -> String? {
        guard let real = realPath(path) else { return nil }
        return real.hasSuffix("/") ? real : real + "/"
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

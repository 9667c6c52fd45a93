import Foundation

/// An OASIS XML catalog read by Kho itself, mapping public schema URLs to local files so that nothing is fetched.
///
/// Understands the entries Kho's catalogs use: `system`, `uri`, `rewriteSystem`, `rewriteURI` and local
/// `nextCatalog`. Relative targets are resolved against the catalog file's folder.
public struct XMLCatalog: Sendable, Hashable {
    /// Exact identifier → absolute local path.
    public private(set) var entries: [String: String] = [:]
    /// Identifier prefix → local path prefix, longest prefix first.
    public private(set) var rewrites: [Rewrite] = []
    /// The catalog files read, in order.
    public private(set) var files: [String] = []

    /// A `rewriteSystem`/`rewriteURI` entry.
    public struct Rewrite: Sendable, Hashable {
        /// The identifier prefix matched.
        public var prefix: String
        /// The local path prefix that replaces it.
        public var replacement: String
    }

    /// An empty catalog that resolves nothing.
    public init() {}

    /// Reads one or more catalog files (and the local catalogs they chain to with `nextCatalog`).
    public init(files paths: [String]) throws(XMLError) {
        for path in paths { try load(path, depth: 0) }
        rewrites.sort { $0.prefix.count > $1.prefix.count }
    }

    /// Reads one catalog file.
    public init(fileAt path: String) throws(XMLError) {
        try self.init(files: [path])
    }

    /// The catalogs named in `XML_CATALOG_FILES` (space-separated paths or `file://` URLs), or nil when unset.
    public static func fromEnvironment() throws(XMLError) -> XMLCatalog? {
        guard let value = ProcessInfo.processInfo.environment["XML_CATALOG_FILES"], !value.isEmpty else { return nil }
        let paths = value.split(separator: " ").map { item -> String in
            let text = String(item)
            if text.hasPrefix("file://"), let url = URL(string: text) { return url.path }
            return text
        }
        return try XMLCatalog(files: paths)
    }

    /// The local file for a system identifier or URI, or nil when the catalog does not know it.
    public func resolve(_ identifier: String) -> String? {
        if let exact = entries[identifier] { return exact }
        for rewrite in rewrites where identifier.hasPrefix(rewrite.prefix) {
            return rewrite.replacement + identifier.dropFirst(rewrite.prefix.count)
        }
        return nil
    }

    /// Every folder this catalog points into (the loader may read schema files there).
    var localDirectories: [String] {
        var directories = Set(files.map { ($0 as NSString).deletingLastPathComponent })
        for target in entries.values { directories.insert((target as NSString).deletingLastPathComponent) }
        for rewrite in rewrites { directories.insert(rewrite.replacement) }
        return directories.sorted()
    }

    private mutating func load(_ rawPath: String, depth: Int) throws(XMLError) {
        let path = URL(fileURLWithPath: rawPath).standardizedFileURL.path
        guard depth < 8, !files.contains(path) else { return }
        files.append(path)
        let document = try XMLDocument.parse(fileAt: path)
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func local(_ target: String) -> String {
            if target.hasPrefix("file://"), let url = URL(string: target) { return url.path }
            return URL(fileURLWithPath: target, relativeTo: base).standardizedFileURL.path
        }
        guard document.root.name == "catalog" else {
            throw XMLError(.catalog, path: path, line: document.root.line,
                           vi: "Không phải danh mục XML (catalog): phần tử gốc là '\(document.root.name)'",
                           en: "Not an XML catalog: the root element is '\(document.root.name)'")
        }
        var pending = [document.root]
        var chained: [String] = []
        while let element = pending.popLast() {
            for child in element.children {
                switch child.name {
                case "system":
                    if let id = child.attribute("systemId"), let uri = child.attribute("uri"), entries[id] == nil { entries[id] = local(uri) }
                case "uri":
                    if let id = child.attribute("name"), let uri = child.attribute("uri"), entries[id] == nil { entries[id] = local(uri) }
                case "rewriteSystem":
                    if let prefix = child.attribute("systemIdStartString"), let target = child.attribute("rewritePrefix") {
                        rewrites.append(Rewrite(prefix: prefix, replacement: local(target)))
                    }
                case "rewriteURI":
                    if let prefix = child.attribute("uriStartString"), let target = child.attribute("rewritePrefix") {
                        rewrites.append(Rewrite(prefix: prefix, replacement: local(target)))
                    }
                case "nextCatalog":
                    if let target = child.attribute("catalog"), XMLLoadPolicy.scheme(of: target) == nil || target.hasPrefix("file://") {
                        chained.append(local(target))
                    }
                case "group":
                    pending.append(child)
                default:
                    continue
                }
            }
        }
        for next in chained { try load(next, depth: depth + 1) }
    }
}

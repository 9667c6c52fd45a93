/// Checks each version directory: its files (E015, W002), its content (E024), its inventory (W010, E064, E066, W011, E103).
struct VersionDirectoryCheck {
    /// One version directory's own inventory.
    struct VersionInventory {
        var name: String
        var inventory: ParsedInventory
    }

    var object: ObjectValidation
    /// The root inventory.
    var root: ParsedInventory
    /// The version whose rules apply.
    var rootVersion: OCFLSpecVersion
    /// Every content file found, relative to the object root, in version order.
    private(set) var contentFiles: [String] = []
    /// Content files per version directory.
    private var filesByVersion: [String: [String]] = [:]
    /// The inventories found in version directories, in version order.
    private(set) var versionInventories: [VersionInventory] = []

    init(object: ObjectValidation, root: ParsedInventory, rootVersion: OCFLSpecVersion) {
        self.object = object
        self.root = root
        self.rootVersion = rootVersion
    }

    mutating func run(_ out: inout FindingCollector) {
        let base = object.root
        var previousSpec: OCFLSpecVersion?
        for v in root.versions {
            let name = v.name
            guard let entries = DirectoryListing.entries(base + "/" + name) else { continue }
            var files: [String] = []
            // Version inventory first: its digest algorithm names its sidecar.
            var vinv: ParsedInventory?
            if entries.contains(where: { $0.name == "inventory.json" && $0.kind == .file }), let bytes = DirectoryListing.readFile(base + "/\(name)/inventory.json") {
                if name == root.versions.last?.name, bytes == root.bytes {
                    // The head version's inventory is byte-identical to the root one (E064 holds): no need to parse it twice.
                    object.checkSidecar(directory: name, inventory: root, entries: entries, &out)
                    vinv = root
                } else {
                let check = InventoryCheck(label: object.rel("\(name)/inventory.json"), declaredVersion: rootVersion, versionDirectory: name)
                // Warnings the root inventory already raised (W001, W004…) are not repeated for each version.
                var local = FindingCollector(version: rootVersion)
                let parsed = check.run(bytes, &local)
                let rootWarnings = Set(out.findings.filter { $0.severity == .warning }.map(\.code))
                out.append(contentsOf: local.findings.filter { $0.severity == .error || !rootWarnings.contains($0.code) })
                object.checkSidecar(directory: name, inventory: parsed, entries: entries, &out)
                vinv = parsed
                }
            } else {
                out.add("W010", object.rel("\(name)/inventory.json"), "missing", vi: "không có")
            }
            let sidecar = "inventory.json.\(vinv?.digestAlgorithm ?? root.digestAlgorithm ?? "sha512")"
            for e in entries {
                if e.name == "inventory.json" || e.name == sidecar { continue }
                if e.kind == .directory {
                    if e.name == root.contentDirectory {
                        walk("\(name)/\(e.name)", &files, &out)
                    } else {
                        out.add("W002", object.rel("\(name)/\(e.name)"), "extra directory in version directory", vi: "thư mục thừa trong thư mục phiên bản")
                    }
                } else {
                    if e.kind == .symlink { out.add("E090", object.rel("\(name)/\(e.name)")) }
                    out.add("E015", object.rel("\(name)/\(e.name)"), "unexpected file in version directory", vi: "tệp không mong đợi trong thư mục phiên bản")
                }
            }
            filesByVersion[name] = files
            contentFiles.append(contentsOf: files)
            if let vinv {
                if let spec = vinv.specVersion {
                    if let prev = previousSpec, spec < prev {
                        out.add("E103", object.rel("\(name)/inventory.json"), "type \(spec.rawValue) after \(prev.rawValue)", vi: "type \(spec.rawValue) sau \(prev.rawValue)")
                    }
                    if spec > rootVersion {
                        out.add("E103", object.rel("\(name)/inventory.json"), "type \(spec.rawValue) newer than the object declaration \(rootVersion.rawValue)", vi: "type \(spec.rawValue) mới hơn khai báo đối tượng \(rootVersion.rawValue)")
                    }
                    previousSpec = spec
                }
                // A head inventory byte-identical to the root one needs no comparison.
                if vinv.bytes != root.bytes { compare(name, vinv, &out) }
                // Every content file of versions up to this one must be in this inventory's manifest (E023).
                if vinv.usable {
                    let manifest = Set(vinv.manifest.flatMap(\.paths).map { PathKey($0) })
                    for earlier in root.versions.prefix(while: { $0.name != name }).map(\.name) + [name] {
                        for f in filesByVersion[earlier] ?? [] where !manifest.contains(PathKey(f)) {
                            out.add("E023", object.rel(f), "file is not in the manifest of \(name)/inventory.json", vi: "tệp không có trong manifest của \(name)/inventory.json")
                        }
                    }
                }
                versionInventories.append(VersionInventory(name: name, inventory: vinv))
            }
        }
    }

    /// Recursively lists content files; empty directories are E024, links E090.
    private func walk(_ dir: String, _ files: inout [String], _ out: inout FindingCollector) {
        guard let entries = DirectoryListing.entries(object.root + "/" + dir) else { return }
        if entries.isEmpty { out.add("E024", object.rel(dir), "empty directory", vi: "thư mục rỗng") }
        for e in entries {
            let p = "\(dir)/\(e.name)"
            switch e.kind {
            case .directory: walk(p, &files, &out)
            case .file: files.append(p)
            case .symlink, .other:
                out.add("E090", object.rel(p), "not a regular file", vi: "không phải tệp thường")
                files.append(p)
            }
        }
    }

    /// Compares a version directory's inventory with the root inventory (E064, E066, W011, E037/E110, E019, E040).
    private func compare(_ name: String, _ vinv: ParsedInventory, _ out: inout FindingCollector) {
        let label = object.rel("\(name)/inventory.json")
        guard vinv.usable, root.usable else { return }
        if name == root.head || name == root.versions.last?.name {
            if vinv.bytes != root.bytes {
                out.add("E064", label, "differs from the root inventory.json", vi: "khác với inventory.json ở thư mục gốc")
            }
        }
        if let id = vinv.id, let rid = root.id, !id.utf8.elementsEqual(rid.utf8) {
            if rootVersion >= .v1_1 {
                out.add("E110", label, "id '\(id)' differs from the root inventory id '\(rid)'", vi: "id '\(id)' khác id '\(rid)' của tệp kiểm kê gốc")
            }
            out.add("E037", label, "id '\(id)' differs from the root inventory id '\(rid)'", vi: "id '\(id)' khác id '\(rid)' của tệp kiểm kê gốc")
        }
        if vinv.contentDirectory != root.contentDirectory {
            out.add("E020", label, "contentDirectory changed between versions", vi: "contentDirectory thay đổi giữa các phiên bản")
            out.add("E019", label, "contentDirectory '\(vinv.contentDirectory)' differs from the root inventory's '\(root.contentDirectory)'", vi: "contentDirectory '\(vinv.contentDirectory)' khác '\(root.contentDirectory)' của tệp kiểm kê gốc")
        }
        let sameAlgorithm = vinv.digestAlgorithm == root.digestAlgorithm
        let rootPaths = root.contentPathsByDigest
        let rootPathsLower = sameAlgorithm ? [:] : Dictionary(root.manifest.map { ($0.digest.lowercased(), $0.paths) }, uniquingKeysWith: +)
        let vPaths = Dictionary(vinv.manifest.map { ($0.digest.lowercased(), $0.paths) }, uniquingKeysWith: +)
        if sameAlgorithm {
            // The same content path must carry the same digest in both manifests.
            let rootDigest = root.digestByContentPath
            for entry in vinv.manifest {
                for p in entry.paths {
                    if let d = rootDigest[PathKey(p)], d.lowercased() != entry.digest.lowercased() {
                        out.add("E066", label, "manifest digest of '\(p)' differs from the root inventory", vi: "mã băm manifest của '\(p)' khác tệp kiểm kê gốc")
                    }
                }
            }
        }
        _ = rootPaths
        for pv in vinv.versions {
            guard let rv = root.version(pv.name) else {
                out.add("E066", label, "version \(pv.name) is not in the root inventory", vi: "phiên bản \(pv.name) không có trong tệp kiểm kê gốc")
                continue
            }
            let pMap = logicalMap(pv)
            let rMap = logicalMap(rv)
            if Set(pMap.keys) != Set(rMap.keys) {
                out.add("E066", label, "version \(pv.name) has different logical paths from the root inventory", vi: "phiên bản \(pv.name) có đường dẫn logic khác tệp kiểm kê gốc")
            } else {
                for (logical, pd) in pMap {
                    guard let rd = rMap[logical] else { continue }
                    let differs: Bool
                    if sameAlgorithm {
                        differs = pd.lowercased() != rd.lowercased()
                    } else {
                        let a = Set((vPaths[pd.lowercased()] ?? []).map { PathKey($0) })
                        let b = Set((rootPathsLower[rd.lowercased()] ?? []).map { PathKey($0) })
                        differs = a.isDisjoint(with: b)
                    }
                    if differs {
                        out.add("E066", label, "version \(pv.name) logical path '\(logical.string)' has different content from the root inventory", vi: "đường dẫn logic '\(logical.string)' của phiên bản \(pv.name) có nội dung khác tệp kiểm kê gốc")
                    }
                }
            }
            if pv.created != rv.created || pv.message != rv.message || pv.user != rv.user {
                out.add("W011", label, "version \(pv.name) created/message/user differ from the root inventory", vi: "created/message/user của phiên bản \(pv.name) khác tệp kiểm kê gốc")
            }
        }
    }

    /// Logical path bytes → digest for one version block.
    private func logicalMap(_ v: ParsedInventory.Version) -> [PathKey: String] {
        var map: [PathKey: String] = [:]
        for entry in v.state { for p in entry.paths { map[PathKey(p)] = entry.digest } }
        return map
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks each version directory: its files (E015, W002), its content (E024), its inventory (W010, E064, E066, W011, E103).
/// Version inventories are read one at a time and dropped: what the digest check needs from them goes into
/// the `DigestPlan`, so memory holds the root inventory and at most one other.
struct VersionDirectoryCheck {
    var object: ObjectValidation
    /// The root inventory.
    var root: ParsedInventory
    /// The version whose rules apply.
    var rootVersion: OCFLSpecVersion
    /// Every content file found, relative to the object root, in version order.
    private(set) var contentFiles = PathList()
    /// Claimed digests of every inventory, when digests are checked.
    var plan: DigestPlan?
    /// Root manifest content path → entry (the last entry wins), built when a version inventory is compared.
    private var rootManifestIndex: TapeStringIndex?
    /// The root inventory's digest, when its sidecar check computed it.
    var rootInventoryDigest: String?
    /// The content files looked up in the root manifest, when the last version's inventory is the root one.
    private(set) var rootManifestLookup: (present: [Bool], misses: [Int])?
    /// The root inventory's version states (logical path → digest), those it kept or those built when first needed.
    private var rootStates = VersionStates()

    init(object: ObjectValidation, root: ParsedInventory, rootVersion: OCFLSpecVersion, plan: DigestPlan?) {
        self.object = object
        self.root = root
        self.rootVersion = rootVersion
        self.plan = plan
        if let states = root.states { rootStates = states }
    }

    mutating func run(_ out: inout FindingCollector) {
        let base = object.root
        var previousSpec: OCFLSpecVersion?
        for v in root.versions {
            let name = v.name
            rootManifestLookup = nil
            guard let entries = DirectoryListing.entries(base + "/" + name) else { continue }
            // Version inventory first: its digest algorithm names its sidecar.
            var vinv: ParsedInventory?
            var isRootCopy = false
            let inventoryPath = base + "/\(name)/inventory.json"
            if entries.contains(where: { $0.name == "inventory.json" && $0.kind == .file }),
               name == root.versions.last?.name, root.hasBytes(ofFile: inventoryPath) {
                // The head version's inventory is byte-identical to the root one (E064 holds): compared without
                // reading it whole, and not parsed twice.
                object.checkSidecar(directory: name, inventory: root, entries: entries, digest: rootInventoryDigest ?? root.fileDigest, &out)
                vinv = root
                isRootCopy = true
            } else if entries.contains(where: { $0.name == "inventory.json" && $0.kind == .file }), let source = InventorySource(path: inventoryPath, splitFrom: InventorySplit.minimumSizeInVersion) {
                // The root's states this inventory should name (its versions up to its own); one naming others is
                // read again whole, after the rest are taken too.
                addRootStates(through: name)
                var check = InventoryCheck(label: object.rel("\(name)/inventory.json"), declaredVersion: rootVersion, versionDirectory: name, rootStates: rootStates)
                // Warnings the root inventory already raised (W001, W004…) are not repeated for each version.
                var local = FindingCollector(version: rootVersion)
                var parsed = check.run(source, &local)
                if parsed.againstRoot != nil, parsed.versions.contains(where: { rootStates.state($0.name) == nil && root.version($0.name) != nil }) {
                    addRootStates(through: nil)
                    check.rootStates = rootStates
                    local = FindingCollector(version: rootVersion)
                    parsed = check.run(source.wholeBytes() ?? [], &local)
                }
                let rootWarnings = Set(out.findings.filter { $0.severity == .warning }.map(\.code))
                out.append(contentsOf: local.findings.filter { $0.severity == .error || !rootWarnings.contains($0.code) })
                object.checkSidecar(directory: name, inventory: parsed, entries: entries, digest: parsed.fileDigest, &out)
                vinv = parsed
            } else {
                out.add("W010", object.rel("\(name)/inventory.json"), "missing", vi: "không có")
            }
            let sidecar = "inventory.json.\(vinv?.digestAlgorithm ?? root.digestAlgorithm ?? "sha512")"
            for e in entries {
                if e.name == "inventory.json" || e.name == sidecar { continue }
                if e.kind == .directory {
                    if e.name == root.contentDirectory {
                        walk("\(name)/\(e.name)", &out)
                    } else {
                        out.add("W002", object.rel("\(name)/\(e.name)"), "extra directory in version directory", vi: "thư mục thừa trong thư mục phiên bản")
                    }
                } else {
                    if e.kind == .symlink { out.add("E090", object.rel("\(name)/\(e.name)")) }
                    out.add("E015", object.rel("\(name)/\(e.name)"), "unexpected file in version directory", vi: "tệp không mong đợi trong thư mục phiên bản")
                }
            }
            guard let vinv else { continue }
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
            if !isRootCopy && !root.hasSameBytes(as: vinv) { compare(name, vinv, &out) }
            // Every content file of versions up to this one (all found so far) must be in this inventory's manifest (E023).
            if vinv.usable, let tape = vinv.tape {
                let manifest = vinv.manifestPaths ?? TapeStringIndex(tape, nodes: [])
                let lookup = ManifestLookup.of(contentFiles, in: manifest, count: vinv.manifest.entries.count)
                // The last version's files are all the files: the root check reuses this lookup of the same manifest.
                if isRootCopy && vinv.manifestPaths != nil { rootManifestLookup = lookup }
                for i in lookup.misses {
                    out.add("E023", object.rel(contentFiles.string(i)), "file is not in the manifest of \(name)/inventory.json", vi: "tệp không có trong manifest của \(name)/inventory.json")
                }
            }
            // What this inventory claims about content digests, kept beyond its life (the root's claims are already in).
            if isRootCopy {
                plan?.addUnchecked(vinv, label: "\(name)/inventory.json", fixity: object.options.checkFixity)
            } else {
                plan?.add(vinv, label: "\(name)/inventory.json", fixity: object.options.checkFixity)
            }
        }
    }

    /// Recursively lists content files; empty directories are E024, links E090. Subdirectories are opened
    /// relative to their parent's descriptor (`fd`, or the path when `nil`): thousands of nested folders would
    /// otherwise each cost a whole-path lookup in the kernel.
    private mutating func walk(_ dir: String, fd parentFD: Int32? = nil, name: String = "", _ out: inout FindingCollector) {
        let opened = if let parentFD { DirectoryListing.openDirectory(name, in: parentFD) } else { DirectoryListing.openDirectory(object.root + "/" + dir) }
        guard let fd = opened else { return }
        defer { close(fd) }
        guard let entries = DirectoryListing.entries(fd: fd) else { return }
        if entries.isEmpty { out.add("E024", object.rel(dir), "empty directory", vi: "thư mục rỗng") }
        for e in entries {
            let p = "\(dir)/\(e.name)"
            switch e.kind {
            case .directory: walk(p, fd: fd, name: e.name, &out)
            case .file: contentFiles.append(p)
            case .symlink, .other:
                out.add("E090", object.rel(p), "not a regular file", vi: "không phải tệp thường")
                contentFiles.append(p)
            }
        }
    }

    /// Compares a version directory's inventory with the root inventory (E064, E066, W011, E037/E110, E019, E040).
    private mutating func compare(_ name: String, _ vinv: ParsedInventory, _ out: inout FindingCollector) {
        let label = object.rel("\(name)/inventory.json")
        guard vinv.usable, root.usable, let vtape = vinv.tape, let rtape = root.tape else { return }
        if rootManifestIndex == nil { rootManifestIndex = root.manifestPathIndex() }
        guard let rootManifestIndex else { return }
        if name == root.head || name == root.versions.last?.name {
            if !root.hasSameBytes(as: vinv) {
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
        if sameAlgorithm {
            // The same content path must carry the same digest in both manifests.
            for entry in vinv.manifest.entries {
                guard let r = rootManifestIndex.find(node: Int(entry.path), of: vtape) else { continue }
                if !rtape.equalsIgnoringCase(Int(root.manifest.entries[r].digest), vtape, Int(entry.digest)) {
                    let p = vtape.string(Int(entry.path))
                    out.add("E066", label, "manifest digest of '\(p)' differs from the root inventory", vi: "mã băm manifest của '\(p)' khác tệp kiểm kê gốc")
                }
            }
        }
        // Different algorithms (rare, small objects): compare through the content paths each digest names.
        let contentSets: (v: [String: [String]], r: [String: [String]]) = sameAlgorithm ? ([:], [:]) : (
            Dictionary(vinv.manifest.entries.map { (vtape.string(Int($0.digest)).lowercased(), [vtape.string(Int($0.path))]) }, uniquingKeysWith: +),
            Dictionary(root.manifest.entries.map { (rtape.string(Int($0.digest)).lowercased(), [rtape.string(Int($0.path))]) }, uniquingKeysWith: +)
        )
        // The version inventory's states in the root's terms: kept when it was read in parts, else taken from its document.
        if vinv.againstRoot == nil, vinv.versions.contains(where: { rootStates.state($0.name) == nil }) { addRootStates(through: nil) }
        let older = vinv.againstRoot ?? vinv.versions.reduce(into: StatesAgainstRoot()) { $0.add($1, of: vtape, root: rootStates) }
        for pv in vinv.versions {
            guard let rv = root.version(pv.name) else {
                out.add("E066", label, "version \(pv.name) is not in the root inventory", vi: "phiên bản \(pv.name) không có trong tệp kiểm kê gốc")
                continue
            }
            guard let r = rootStates.state(rv.name), let p = older.state(pv.name) else { continue }
            let samePaths = !p.foreignPaths && p.entries.count == r.distinct
                && p.entries.allSatisfy { rootStates.digest(ofPath: Int($0.path), in: r) != nil }
            if !samePaths {
                out.add("E066", label, "version \(pv.name) has different logical paths from the root inventory", vi: "phiên bản \(pv.name) có đường dẫn logic khác tệp kiểm kê gốc")
            } else {
                for (path, digest) in p.entries {
                    guard let rd = rootStates.digest(ofPath: Int(path), in: r) else { continue }
                    let differs: Bool
                    if sameAlgorithm {
                        differs = digest != UInt32(rd)
                    } else {
                        let a = Set((contentSets.v[older.digestString(digest, root: rootStates).lowercased()] ?? []).map { PathKey($0) })
                        let b = Set((contentSets.r[rootStates.digests.string(rd).lowercased()] ?? []).map { PathKey($0) })
                        differs = a.isDisjoint(with: b)
                    }
                    if differs {
                        let logical = rootStates.paths.string(Int(path))
                        out.add("E066", label, "version \(pv.name) logical path '\(logical)' has different content from the root inventory", vi: "đường dẫn logic '\(logical)' của phiên bản \(pv.name) có nội dung khác tệp kiểm kê gốc")
                    }
                }
            }
            if pv.created != rv.created || pv.message != rv.message || pv.user != rv.user {
                out.add("W011", label, "version \(pv.name) created/message/user differ from the root inventory", vi: "created/message/user của phiên bản \(pv.name) khác tệp kiểm kê gốc")
            }
        }
    }

    /// Adds to `rootStates` the root's version states up to the version named `last` (all when `nil`), taken from
    /// the root document when it did not keep them.
    private mutating func addRootStates(through last: String?) {
        guard root.states == nil, let rtape = root.tape else { return }
        for v in root.versions {
            if rootStates.state(v.name) == nil { rootStates.add(v, of: rtape) }
            if v.name == last { return }
        }
    }
}

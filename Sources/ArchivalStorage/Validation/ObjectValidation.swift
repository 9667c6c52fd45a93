/// The checks for one OCFL object root, in the order the spec describes them.
struct ObjectValidation {
    /// The object root path.
    var root: String
    var options: OCFLValidator.Options
    /// How the object's files are named in findings: relative to `prefix` (empty for a lone object).
    var prefix: String = ""
    /// Where facts are recorded for a caller that wants them as data (the fixity check's `full` mode), if any.
    var facts: ValidationFactSink?

    /// Extension names registered in the OCFL extensions repository (for W013).
    static let registeredExtensions: Set<String> = [
        "0001-digest-algorithms", "0002-flat-direct-storage-layout", "0003-hash-and-id-n-tuple-storage-layout",
        "0004-hashed-n-tuple-storage-layout", "0005-mutable-head", "0006-flat-omit-prefix-storage-layout",
        "0007-n-tuple-omit-prefix-storage-layout", "0008-schema-registry", "0009-digest-algorithms",
        "0010-differential-n-tuple-omit-prefix-storage-layout", "0011-direct-clean-path-layout",
        "0012-hash-and-no-prefix-id-n-tuple-storage-layout",
    ]

    init(root: String, options: OCFLValidator.Options, prefix: String = "", facts: ValidationFactSink? = nil) {
        self.root = root
        self.options = options
        self.prefix = prefix
        self.facts = facts
    }

    func rel(_ p: String) -> String { prefix.isEmpty ? p : "\(prefix)/\(p)" }

    /// Runs every check and returns the report.
    func run() -> ValidationReport {
        var report = ValidationReport(subject: .object, path: root, checkedDigests: options.checkDigests)
        var out = FindingCollector(version: .v1_1)
        guard let entries = DirectoryListing.entries(root) else {
            out.add("E003", rel("."), "not a readable directory", vi: "không phải thư mục đọc được")
            report.findings = out.findings
            return report
        }
        let byName = Dictionary(entries.map { (PathKey($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        func entry(_ name: String) -> DirectoryEntry? { byName[PathKey(name)] }

        // Conformance declaration (E003–E007).
        let declared = checkDeclaration(entries, &out)
        var version = declared ?? .v1_1
        // Inventory (E063) and its type decides the rules when the declaration is unusable.
        guard let invEntry = entry("inventory.json"), invEntry.kind == .file, let source = InventorySource(path: root + "/inventory.json") else {
            out.add("E063", rel("inventory.json"), "missing", vi: "không có")
            report.specVersion = declared
            report.findings = out.findings
            return report
        }
        if declared == nil, let probe = try? JSONTape(parsing: source.wholeBytes() ?? []), let t = probe.member(0, "type").flatMap(probe.stringValue), let v = OCFLSpecVersion(inventoryType: t) {
            version = v
        }
        out.version = version
        report.specVersion = version
        let digestCheck = ContentDigestCheck(root: root, options: options, prefix: prefix, facts: facts)
        // Hashing starts from the root inventory's claims (nearly all of them), on its own threads, as soon as the
        // document parses: its checks, the sidecar digest (tens of MB for 20,000 files), the root folder and the
        // version directories are done meanwhile.
        var early: EarlyDigestStart?
        let inventoryCheck = InventoryCheck(label: rel("inventory.json"), declaredVersion: version, versionDirectory: nil)
        let inventory = inventoryCheck.run(source, &out) { tape in
            guard options.checkDigests else { return }
            // A split file read again whole: claims are node indices, so only the last document's can be compared.
            early?.abandon()
            early = EarlyDigestStart(tape: tape, check: inventoryCheck, digests: digestCheck, fixity: options.checkFixity)
        }
        report.objectID = inventory.id
        facts?.update {
            $0.rootDigestAlgorithm = inventory.digestAlgorithm
            $0.rootUsable = inventory.usable
            $0.versionNames = inventory.versions.map(\.name)
        }
        var plan: DigestPlan?
        var started: ContentDigestCheck.Started?
        if let adopted = early?.adopt(for: inventory) {
            (plan, started) = adopted
        } else if options.checkDigests {
            var rootPlan = DigestPlan()
            rootPlan.add(inventory, label: "inventory.json", fixity: options.checkFixity)
            started = digestCheck.start(rootPlan)
            plan = rootPlan
        }
        let inventoryDigest = checkSidecar(directory: "", inventory: inventory, entries: entries, digest: inventory.fileDigest, &out)

        // Object root contents (E001, E046, E010, E067, W013).
        let versionNames = inventory.versions.map(\.name)
        let algorithm = inventory.digestAlgorithm
        var expectedVersionDirs = Set(versionNames)
        for e in entries {
            let n = e.name
            if n == version.objectDeclaration || n.hasPrefix("0=") || n == "inventory.json" { continue }
            if n.hasPrefix("inventory.json.") {
                if algorithm == nil || n == "inventory.json.\(algorithm ?? "")" { continue }
                out.add("E001", rel(n), "unexpected sidecar", vi: "tệp sidecar không mong đợi")
                continue
            }
            if n == "logs" && e.kind == .directory { continue }
            if n == "extensions" && e.kind == .directory { checkExtensions(&out); continue }
            if expectedVersionDirs.contains(n) && e.kind == .directory && PathRules.versionNumber(n) != nil { continue }
            if e.kind == .directory, PathRules.versionNumber(n) != nil {
                // With an unreadable root inventory the version directories cannot be judged; E033 says why.
                if inventory.usable {
                    out.add("E046", rel(n), "version directory not listed in the root inventory versions", vi: "thư mục phiên bản không có trong versions của tệp kiểm kê gốc")
                }
                continue
            }
            if e.kind == .symlink { out.add("E090", rel(n)) }
            out.add("E001", rel(n), e.kind == .directory ? "unexpected directory" : "unexpected file", vi: e.kind == .directory ? "thư mục không mong đợi" : "tệp không mong đợi")
        }
        for name in versionNames where entry(name)?.kind != .directory {
            out.add("E010", rel(name), "version directory listed in the inventory is missing", vi: "thiếu thư mục phiên bản có trong tệp kiểm kê")
            expectedVersionDirs.remove(name)
        }

        // Version directories, their inventories, and the content they hold; the digest claims of every inventory.
        if options.checkDigests, !options.checkFixity, !inventory.fixity.isEmpty {
            out.note("KHO-OCFL-FIXITY-SKIPPED", rel("inventory.json"),
                     vi: "Không kiểm tra giá trị fixity (theo yêu cầu, --no-fixity)",
                     en: "Fixity values not checked (as asked, --no-fixity)")
        }
        var versions = VersionDirectoryCheck(object: self, root: inventory, rootVersion: version, plan: plan)
        versions.rootInventoryDigest = inventoryDigest
        plan = nil
        versions.run(&out)
        // Every content file referenced and every manifest path present (E023, E092).
        let found = versions.contentFiles
        if let tape = inventory.tape {
            let manifestPaths = inventory.manifestPaths ?? TapeStringIndex(tape, nodes: inventory.manifest.pathNodes)
            // One lookup per file found: the manifest ids it matches are marked, so that "does manifest path k exist"
            // is a bit test (`found` holds a path exactly when the first manifest id with those bytes is marked).
            // A head inventory identical to this one already looked every file up in this same manifest.
            let (present, misses) = versions.rootManifestLookup ?? ManifestLookup.of(found, in: manifestPaths, count: inventory.manifest.entries.count)
            var unlisted: [String] = [], absent: [String] = []
            for i in misses {
                unlisted.append(found.string(i))
                out.add("E023", rel(found.string(i)), "file is not in the root inventory manifest", vi: "tệp không có trong manifest của tệp kiểm kê gốc")
            }
            for (k, entry) in inventory.manifest.entries.enumerated() where !present[k] && !tape.withBytes(Int(entry.path), { found.contains($0) }) {
                absent.append(tape.string(Int(entry.path)))
                out.add("E092", rel(tape.string(Int(entry.path))), "manifest content path does not exist", vi: "đường dẫn nội dung trong manifest không tồn tại")
            }
            if !unlisted.isEmpty || !absent.isEmpty {
                facts?.update {
                    $0.unlisted = unlisted
                    $0.absent = absent
                }
            }
            for f in inventory.fixity {
                for entry in f.block.entries {
                    guard let id = manifestPaths.find(node: Int(entry.path), of: tape), !present[id] else { continue }
                    out.add("E093", rel(tape.string(Int(entry.path))), "fixity.\(f.algorithm) content path does not exist", vi: "đường dẫn nội dung của fixity.\(f.algorithm) không tồn tại")
                }
            }
        } else {
            for i in 0..<found.count {
                out.add("E023", rel(found.string(i)), "file is not in the root inventory manifest", vi: "tệp không có trong manifest của tệp kiểm kê gốc")
            }
        }
        if let plan = versions.plan, let started {
            report.filesHashed = digestCheck.finish(started, plan: plan, present: found, &out)
            if let facts { Self.recordFixitySha256(of: facts, from: inventory) }
        }
        report.findings = out.findings
        return report
    }

    /// Finds the one `0=ocfl_object_x.y` declaration and checks its name and contents.
    private func checkDeclaration(_ entries: [DirectoryEntry], _ out: inout FindingCollector) -> OCFLSpecVersion? {
        let declarations = entries.filter { e in
            guard let eq = e.name.firstIndex(of: "=") else { return false }
            let t = e.name[..<eq]
            return !t.isEmpty && t.allSatisfy(\.isNumber) && e.name.dropFirst(t.count + 1).hasPrefix("ocfl_object")
        }
        guard !declarations.isEmpty else {
            out.add("E003", rel("0=ocfl_object_1.1"), "no version declaration file", vi: "không có tệp khai báo phiên bản")
            return nil
        }
        if declarations.count > 1 {
            out.add("E003", rel("."), "more than one declaration: \(declarations.map(\.name).joined(separator: ", "))", vi: "nhiều hơn một tệp khai báo: \(declarations.map(\.name).joined(separator: ", "))")
        }
        var found: OCFLSpecVersion?
        for d in declarations {
            let name = d.name
            if !name.hasPrefix("0=") {
                out.add("E005", rel(name))
                continue
            }
            guard let v = OCFLSpecVersion.allCases.first(where: { $0.objectDeclaration == name }) else {
                out.add(name.hasPrefix("0=ocfl_object_") ? "E004" : "E006", rel(name))
                continue
            }
            found = found ?? v
            let dvalue = String(name.dropFirst(2))
            let content = DirectoryListing.readFile(root + "/" + name)
            if d.kind != .file || content != Array((dvalue + "\n").utf8) {
                out.version = v
                out.add("E007", rel(name), "contents must be '\(dvalue)\\n'", vi: "nội dung phải là '\(dvalue)\\n'")
            }
        }
        return found
    }

    /// Checks `inventory.json.<alg>` beside an inventory (E058, E060, E061); returns the inventory's digest when it
    /// was computed (or `digest`, already known for these bytes, which saves hashing an identical copy again).
    @discardableResult
    func checkSidecar(directory: String, inventory: ParsedInventory, entries: [DirectoryEntry], digest known: String? = nil, _ out: inout FindingCollector) -> String? {
        let base = directory.isEmpty ? "" : directory + "/"
        guard let alg = inventory.digestAlgorithm, let algorithm = DigestAlgorithmName.parse(alg) else {
            if !entries.contains(where: { $0.name.hasPrefix("inventory.json.") }) {
                out.add("E058", rel(base + "inventory.json.sha512"), "no sidecar", vi: "không có tệp sidecar")
            }
            return nil
        }
        let name = "inventory.json.\(alg)"
        guard entries.contains(where: { $0.name == name && $0.kind == .file }), let text = DirectoryListing.readFile(root + "/" + base + name) else {
            out.add("E058", rel(base + name), "missing", vi: "không có")
            for other in entries where other.name.hasPrefix("inventory.json.") {
                out.add("E059", rel(base + other.name), "sidecar algorithm differs from digestAlgorithm \(alg)", vi: "thuật toán của sidecar khác digestAlgorithm \(alg)")
            }
            return nil
        }
        let s = String(decoding: text, as: UTF8.self)
        let parts = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, parts[1] == "inventory.json", PathRules.isDigest(String(parts[0]), algorithm: alg) else {
            out.add("E061", rel(base + name), "content '\(s.prefix(200).trimmingTrailingNewlines)'", vi: "nội dung '\(s.prefix(200).trimmingTrailingNewlines)'")
            return nil
        }
        let actual = known ?? algorithm.digest(inventory.bytes)
        facts?.update { $0.inventoryDigests[directory] = (alg, actual) }
        if parts[0].lowercased() != actual {
            out.add("E060", rel(base + name), "sidecar says \(parts[0]), inventory.json has \(actual)", vi: "sidecar ghi \(parts[0]), inventory.json có \(actual)")
        }
        return actual
    }

    /// The root inventory's sha256 fixity values of the files that failed their digests: a fixity report tells a
    /// truncated file from an altered one by the size recorded for that sha256.
    private static func recordFixitySha256(of facts: ValidationFactSink, from inventory: ParsedInventory) {
        let failing = facts.value.digestFailures
        guard !failing.isEmpty, let tape = inventory.tape,
              let block = inventory.fixity.first(where: { $0.algorithm.lowercased() == "sha256" })?.block else { return }
        var wanted = PathList()
        for failure in failing { wanted.append(failure.path) }
        var found: [String: String] = [:]
        for entry in block.entries where tape.withBytes(Int(entry.path), { wanted.contains($0) }) {
            found[tape.string(Int(entry.path))] = tape.string(Int(entry.digest)).lowercased()
        }
        facts.update { $0.fixitySha256 = found }
    }

    /// Checks the object `extensions` directory (E067, W013).
    private func checkExtensions(_ out: inout FindingCollector) {
        for e in DirectoryListing.entries(root + "/extensions") ?? [] {
            if e.kind != .directory {
                out.add("E067", rel("extensions/\(e.name)"), "not an extension directory", vi: "không phải thư mục phần mở rộng")
            } else if !Self.registeredExtensions.contains(e.name) {
                out.add("W013", rel("extensions/\(e.name)"))
            }
        }
    }
}

extension Substring {
    /// The text without trailing newlines.
    var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return String(s)
    }
}

/// Which content files found on disk a manifest lists: the manifest ids they match, and the files it lacks.
enum ManifestLookup {
    /// `present[k]` is true when some file has the bytes of manifest path `k` and `k` is the first id with them;
    /// `misses` are the indices of the files the manifest does not list.
    static func of(_ files: PathList, in manifest: TapeStringIndex, count: Int) -> (present: [Bool], misses: [Int]) {
        var present = [Bool](repeating: false, count: count)
        var misses: [Int] = []
        for i in 0..<files.count {
            if let id = files.withBytes(i, { manifest.find($0) }) { present[id] = true } else { misses.append(i) }
        }
        return (present, misses)
    }
}

public import KhoCore

/// Validates a submission package (gói tin nộp lưu): E-ARK CSIP 2.2 and SIP 2.2 requirements, the CSIP folder
/// structure, TT05 SIP_hoso rules, and the SIZE and CHECKSUM of every file the METS documents declare.
public struct SIPValidator: Sendable {
    /// How thoroughly to check.
    public var options: SIPValidationOptions

    /// A validator with `options`.
    public init(options: SIPValidationOptions = SIPValidationOptions()) {
        self.options = options
    }

    /// Opens `path` (folder or zip, never modified) and validates it; `workArea` receives the unpacked zip.
    public func validate(path: String, workArea: String? = nil) throws(KhoFailure) -> SIPValidationReport {
        let package = try SubmissionPackage.open(path, workArea: workArea)
        defer { package.cleanUp() }
        var report = validate(package)
        report.source = path
        return report
    }

    /// Validates an opened package.
    public func validate(_ package: SubmissionPackage) -> SIPValidationReport {
        var report = SIPValidationReport(source: package.source, objid: nil, findings: package.findings,
                                         filesVerified: 0, bytesVerified: 0, schemaValidated: false)
        let tree: PackageTree
        do {
            tree = try PackageTree(root: package.root)
        } catch {
            report.findings.append(Finding(code: error.rule, severity: .error, message: error.message, path: error.path))
            return finish(report)
        }
        var out = FindingCollector(path: "")
        for entry in tree.irregular {
            out.report("KHO-SIP-IRREGULAR", "Gói chứa liên kết tượng trưng hoặc tệp đặc biệt", "The package contains a symbolic link or special file", path: entry)
        }
        // ASCII names are already NFC and distinct, so only the others can collide.
        for group in UnicodeNames.nfcCollisions(tree.files.map(\.path).filter { !$0.utf8.allSatisfy { $0 < 0x80 } }) {
            out.report("KHO-SIP-NFC", "Các tên tệp trùng nhau theo chuẩn NFC: \(group.joined(separator: ", "))",
                       "File names equal under NFC: \(group.joined(separator: ", "))", path: group.first)
        }
        let structure = StructureRules(tree: tree, rootName: package.rootName)
        guard structure.checkLayout(&out) else {
            report.findings += out.findings
            return finish(report)
        }
        var schemaValidated = options.schemaValidation
        var summaries: [METSSummary] = []
        guard let rootSummary = checkMETS("METS.xml", role: .package, tree: tree, out: &out, schemaValidated: &schemaValidated) else {
            report.findings += out.findings
            return finish(report)
        }
        summaries.append(rootSummary)
        report.objid = rootSummary.objid
        structure.checkRootName(objid: rootSummary.objid, &out)
        for path in Self.unique(rootSummary.representationMETS) where tree.file(at: path) != nil {
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            if let summary = checkMETS(path, role: .representation(folder: folder), tree: tree, out: &out, schemaValidated: &schemaValidated) {
                summaries.append(summary)
            }
        }
        report.schemaValidated = schemaValidated
        if options.schemaValidation, !schemaValidated {
            out.report("KHO-METS-XSD-SKIPPED", "Không kiểm tra lược đồ METS: không tìm thấy lược đồ (đặt XML_CATALOG_FILES hoặc --catalog)",
                       "METS schema validation skipped: no schemas found (set XML_CATALOG_FILES or --catalog)", path: "METS.xml", severity: .info)
        }
        // Files present but declared nowhere.
        var referenced = Set(summaries.flatMap(\.referenced).map(PackageTree.key))
        referenced.insert("METS.xml")
        for file in tree.files where !referenced.contains(file.key) {
            if METSRules.isPlaceholder(file) {
                out.report("KHO-FIX-EXTRA", "Tệp giữ chỗ rỗng không được khai báo: \(file.path)", "Empty placeholder file not declared: \(file.path)",
                           path: file.path, severity: .info)
            } else {
                out.report("KHO-FIX-EXTRA", "Tệp có trong gói nhưng không được METS nào khai báo: \(file.path)",
                           "File present in the package but declared in no METS: \(file.path)", path: file.path)
            }
        }
        TT05PackageRules(tree: tree, rootName: package.rootName).check(summaries: summaries, &out)
        report.findings += out.findings
        if options.verifyFixity {
            let declared = Self.uniqueDeclarations(summaries.flatMap(\.declared))
            let verifier = FixityVerifier(threads: options.threads)
            report.findings += verifier.verify(declared, in: tree)
            let verified = declared.filter { !$0.digests.isEmpty }.compactMap { tree.file(at: $0.path) }
            report.filesVerified = verified.count
            report.bytesVerified = verified.reduce(0) { $0 + $1.size }
        }
        return finish(report)
    }

    /// Parses, schema-validates and rule-checks one METS document.
    private func checkMETS(_ path: String, role: METSRole, tree: PackageTree, out: inout FindingCollector, schemaValidated: inout Bool) -> METSSummary? {
        if options.schemaValidation {
            let (schemaFindings, ran) = XMLLoader.validateMETSSchema(tree.fullPath(path), relativePath: path, catalogPath: options.schemaCatalog)
            // A document that does not parse is reported once, by the loader below.
            out.findings += schemaFindings.filter { $0.code.hasPrefix("KHO-METS-XSD") }
            if !ran { schemaValidated = false }
        }
        let element: METSElement
        switch XMLLoader.load(tree.fullPath(path), relativePath: path) {
        case .success(let loaded): element = loaded
        case .failure(let failure):
            out.findings.append(failure.finding)
            return nil
        }
        let (findings, summary) = METSRules(path: path, role: role, tree: tree).check(element)
        out.findings += findings
        return summary
    }

    private func finish(_ report: SIPValidationReport) -> SIPValidationReport {
        var report = report
        report.findings.sort { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            return (lhs.path ?? "", lhs.location ?? "") < (rhs.path ?? "", rhs.location ?? "")
        }
        return report
    }

    static func unique(_ paths: [String]) -> [String] {
        var seen = Set<String>()
        return paths.filter { seen.insert(PackageTree.key($0)).inserted }
    }

    /// One declaration per file; a second declaration of the same file is verified too if it declares other digests.
    static func uniqueDeclarations(_ declared: [DeclaredFile]) -> [DeclaredFile] {
        var seen: [String: Int] = [:]
        var result: [DeclaredFile] = []
        for item in declared {
            let key = PackageTree.key(item.path)
            if let index = seen[key] {
                if result[index].digests != item.digests || result[index].size != item.size { result.append(item) }
            } else {
                seen[key] = result.count
                result.append(item)
            }
        }
        return result
    }
}

import KhoCore

extension METSRules {
    // MARK: - fileSec (CSIP58–CSIP79, CSIP113, CSIP114)

    func checkFileSection(_ mets: METSElement, _ out: inout FindingCollector, _ summary: inout METSSummary) {
        let sections = mets.elements("fileSec")
        if sections.count > 1 {
            out.report("CSIP58", "Chỉ nên có một <fileSec>, gặp \(sections.count)", "Only one <fileSec> should be present, found \(sections.count)", at: sections[1])
        }
        var allIDs = Set<String>()
        mets.visit { if let id = $0.attribute("ID") { allIDs.insert(id) } }
        var groups: [METSElement] = []
        for section in sections {
            out.require("CSIP59", "ID", on: section)
            groups += section.elements("fileGrp")
        }
        if case .package = role { checkPackageGroups(mets, groups: groups, &out) }
        for group in groups {
            let use = group.attribute("USE") ?? ""
            out.require("CSIP64", "USE", on: group)
            out.require("CSIP65", "ID", on: group)
            checkReferences("CSIP61", "ADMID", on: group, ids: allIDs, &out)
            if use.hasPrefix("Representations") {
                if let cit = group.attribute("CONTENTINFORMATIONTYPE", namespace: METSNamespace.csip) {
                    if cit == "OTHER", (group.attribute("OTHERCONTENTINFORMATIONTYPE", namespace: METSNamespace.csip) ?? "").isEmpty {
                        out.report("CSIP63", "@csip:CONTENTINFORMATIONTYPE là OTHER nhưng thiếu @csip:OTHERCONTENTINFORMATIONTYPE",
                                   "@csip:CONTENTINFORMATIONTYPE is OTHER but @csip:OTHERCONTENTINFORMATIONTYPE is missing", at: group)
                    }
                } else {
                    out.report("CSIP62", "Nhóm tệp biểu diễn nên có @csip:CONTENTINFORMATIONTYPE",
                               "A representation file group should have @csip:CONTENTINFORMATIONTYPE", at: group)
                }
            }
            var files: [METSElement] = []
            group.visit { if $0.name == "file" && $0.namespace == METSNamespace.mets { files.append($0) } }
            if files.isEmpty {
                out.report("CSIP66", "Nhóm tệp <fileGrp USE=\"\(use)\"> không có <file> nào", "File group <fileGrp USE=\"\(use)\"> has no <file>", at: group)
            }
            for file in files { checkFile(file, use: use, ids: allIDs, &out, &summary) }
        }
    }

    private func checkFile(_ file: METSElement, use: String, ids: Set<String>, _ out: inout FindingCollector, _ summary: inout METSSummary) {
        out.require("CSIP67", "ID", on: file)
        out.require("CSIP68", "MIMETYPE", on: file)
        out.requireDateTime("CSIP70", "CREATED", on: file)
        checkReferences("CSIP74", "ADMID", on: file, ids: ids, &out)
        checkReferences("CSIP75", "DMDID", on: file, ids: ids, &out)
        let locations = file.elements("FLocat")
        if locations.count != 1 {
            out.report("CSIP76", "<file> phải có đúng một <FLocat>, gặp \(locations.count)", "<file> must have exactly one <FLocat>, found \(locations.count)", at: file)
        }
        var path: String?
        if let location = locations.first {
            if location.attribute("LOCTYPE") != "URL" {
                out.report("CSIP77", "<FLocat> phải có @LOCTYPE=\"URL\"", "<FLocat> must have @LOCTYPE=\"URL\"", at: location)
            }
            if location.attribute("type", namespace: METSNamespace.xlink) != "simple" {
                out.report("CSIP78", "<FLocat> phải có @xlink:type=\"simple\"", "<FLocat> must have @xlink:type=\"simple\"", at: location)
            }
            path = checkFileAttributes(file, hrefID: "CSIP79", sizeID: "CSIP69", checksumID: "CSIP71", checksumTypeID: "CSIP72",
                                       href: location.attribute("href", namespace: METSNamespace.xlink), locationElement: location,
                                       &out, &summary)
        } else {
            _ = checkFileAttributes(file, hrefID: "CSIP79", sizeID: "CSIP69", checksumID: "CSIP71", checksumTypeID: "CSIP72",
                                    href: nil, &out, &summary)
        }
        // A representation METS listed in a Representations file group is found even without a usable structMap.
        if case .package = role, use.hasPrefix("Representations"), let path, path.hasSuffix("/METS.xml") {
            summary.representationMETS.append(path)
        }
        let dmdIDs = (file.attribute("DMDID") ?? "").split(separator: " ").map(String.init)
        summary.files.append(.init(id: file.attribute("ID") ?? "", path: path, dmdIDs: dmdIDs, use: use))
    }

    /// Reports `id` for each space-separated IDREF in `attribute` that names no element of the document.
    func checkReferences(_ id: String, _ attribute: String, on element: METSElement, ids: Set<String>, _ out: inout FindingCollector) {
        guard let value = element.attribute(attribute) else { return }
        for reference in value.split(separator: " ") where !ids.contains(String(reference)) {
            out.report(id, "@\(attribute) tham chiếu \"\(reference)\" không tồn tại trong tài liệu",
                       "@\(attribute) refers to \"\(reference)\", which is not in the document", at: element)
        }
    }

    /// CSIP60, CSIP113, CSIP114: the package's documentation, schemas and representations have file groups.
    private func checkPackageGroups(_ mets: METSElement, groups: [METSElement], _ out: inout FindingCollector) {
        let uses = groups.map { $0.attribute("USE") ?? "" }
        func substantive(_ folder: String) -> Bool {
            tree.files(under: folder).contains { !Self.isPlaceholder($0) }
        }
        if substantive("documentation"), !uses.contains("Documentation") {
            out.report("CSIP60", "Thư mục documentation có tệp nhưng không có <fileGrp USE=\"Documentation\">",
                       "documentation/ holds files but there is no <fileGrp USE=\"Documentation\">", at: mets)
        }
        if substantive("schemas"), !uses.contains("Schemas") {
            out.report("CSIP113", "Thư mục schemas có tệp nhưng không có <fileGrp USE=\"Schemas\">",
                       "schemas/ holds files but there is no <fileGrp USE=\"Schemas\">", at: mets)
        }
        if substantive("representations"), !uses.contains(where: { $0.hasPrefix("Representations") }) {
            out.report("CSIP114", "Thư mục representations có tệp nhưng không có <fileGrp USE=\"Representations/…\">",
                       "representations/ holds files but there is no <fileGrp USE=\"Representations/…\">", at: mets)
        }
    }

    /// Empty dot-files such as `.gitkeep` that only keep a folder in version control.
    static func isPlaceholder(_ entry: PackageTree.Entry) -> Bool {
        entry.size == 0 && (entry.path.split(separator: "/").last?.hasPrefix(".") ?? false)
    }
}

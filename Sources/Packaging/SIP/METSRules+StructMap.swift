import KhoCore

extension METSRules {
    // MARK: - structMap (CSIP80–CSIP119)

    static let divisionLabels = ["Metadata", "Documentation", "Schemas", "Representations"]

    func checkStructMap(_ mets: METSElement, _ out: inout FindingCollector, _ summary: inout METSSummary) {
        let maps = mets.elements("structMap")
        guard !maps.isEmpty else {
            out.report("CSIP80", "Thiếu bản đồ cấu trúc <structMap>", "The structural map <structMap> is missing", at: mets)
            return
        }
        var csipMaps = maps.filter { $0.attribute("LABEL") == "CSIP" }
        if csipMaps.isEmpty {
            // Tolerance: the E-ARK corpus examples (CSIP 2.0 era) label it "CSIP StructMap".
            if let legacy = maps.first(where: { ($0.attribute("LABEL") ?? "").hasPrefix("CSIP") }) {
                out.report("CSIP82", "<structMap> có @LABEL=\"\(legacy.attribute("LABEL") ?? "")\", CSIP 2.2 yêu cầu \"CSIP\"; chấp nhận nhãn cũ",
                           "<structMap> has @LABEL=\"\(legacy.attribute("LABEL") ?? "")\", CSIP 2.2 requires \"CSIP\"; legacy label accepted",
                           at: legacy, severity: .warning)
                csipMaps = [legacy]
            } else {
                out.report("CSIP82", "Không có <structMap LABEL=\"CSIP\">", "There is no <structMap LABEL=\"CSIP\">", at: maps[0])
                return
            }
        } else if csipMaps.count > 1 {
            out.report("CSIP82", "Có \(csipMaps.count) <structMap LABEL=\"CSIP\">, chỉ được một", "There are \(csipMaps.count) <structMap LABEL=\"CSIP\">, exactly one is allowed", at: csipMaps[1])
        }
        let map = csipMaps[0]
        if map.attribute("TYPE") != "PHYSICAL" {
            out.report("CSIP81", "<structMap> CSIP phải có @TYPE=\"PHYSICAL\"", "The CSIP <structMap> must have @TYPE=\"PHYSICAL\"", at: map)
        }
        out.require("CSIP83", "ID", on: map)
        let mains = map.elements("div")
        guard mains.count == 1 else {
            out.report("CSIP84", "<structMap> CSIP phải có đúng một <div> chính, gặp \(mains.count)", "The CSIP <structMap> must have exactly one main <div>, found \(mains.count)", at: map)
            return
        }
        let main = mains[0]
        out.require("CSIP85", "ID", on: main)
        main.visit { div in
            guard div.name == "div" else { return }
            let fileIDs = div.elements("fptr").compactMap { $0.attribute("FILEID") }
            summary.divLinks.append(((div.attribute("DMDID") ?? "").split(separator: " ").map(String.init), fileIDs))
        }
        guard case .package = role else { return }
        checkPackageDivisions(mets, main: main, &out, &summary)
    }

    private func checkPackageDivisions(_ mets: METSElement, main: METSElement, _ out: inout FindingCollector, _ summary: inout METSSummary) {
        let divs = main.elements("div")
        let groups = mets.elements("fileSec").flatMap { $0.elements("fileGrp") }
        let groupIDsByUse = Dictionary(groups.map { ($0.attribute("USE") ?? "", $0.attribute("ID") ?? "") }, uniquingKeysWith: { first, _ in first })
        var allIDs = Set<String>()
        mets.visit { if let id = $0.attribute("ID") { allIDs.insert(id) } }
        // Wrongly-cased vocabulary labels.
        let labelIDs = ["Metadata": "CSIP90", "Documentation": "CSIP95", "Schemas": "CSIP99", "Representations": "CSIP103"]
        for div in divs {
            let label = div.attribute("LABEL") ?? ""
            for (term, id) in labelIDs where label != term && label.lowercased() == term.lowercased() {
                out.report(id, "@LABEL=\"\(label)\" phải viết đúng là \"\(term)\"", "@LABEL=\"\(label)\" must be spelled \"\(term)\"", at: div)
            }
        }
        // Metadata division.
        let metadataDivs = divs.filter { $0.attribute("LABEL") == "Metadata" }
        if let metadata = metadataDivs.first {
            out.require("CSIP89", "ID", on: metadata)
            let dmdIDs = Set((metadata.attribute("DMDID") ?? "").split(separator: " ").map(String.init))
            let admIDs = Set((metadata.attribute("ADMID") ?? "").split(separator: " ").map(String.init))
            for section in mets.elements("dmdSec") where section.attribute("STATUS") != "SUPERSEDED" {
                if let id = section.attribute("ID"), !dmdIDs.contains(id) {
                    out.report("CSIP92", "Phân mục Metadata nên tham chiếu <dmdSec ID=\"\(id)\"> trong @DMDID",
                               "The Metadata division should reference <dmdSec ID=\"\(id)\"> in @DMDID", at: metadata)
                }
            }
            let currentAdministrative = mets.elements("amdSec").flatMap { $0.children }
                .filter { $0.namespace == METSNamespace.mets && $0.attribute("STATUS") == "CURRENT" }
            for section in currentAdministrative {
                if let id = section.attribute("ID"), !admIDs.contains(id) {
                    out.report("CSIP91", "Phân mục Metadata nên tham chiếu <\(section.name) ID=\"\(id)\"> trong @ADMID",
                               "The Metadata division should reference <\(section.name) ID=\"\(id)\"> in @ADMID", at: metadata)
                }
            }
            checkReferences("CSIP92", "DMDID", on: metadata, ids: allIDs, &out)
            checkReferences("CSIP91", "ADMID", on: metadata, ids: allIDs, &out)
        } else {
            out.report("CSIP88", "Thiếu phân mục <div LABEL=\"Metadata\">", "The <div LABEL=\"Metadata\"> division is missing", at: main)
        }
        if metadataDivs.count > 1 {
            out.report("CSIP88", "Chỉ được một <div LABEL=\"Metadata\">", "Only one <div LABEL=\"Metadata\"> is allowed", at: metadataDivs[1])
        }
        checkGroupDivision(label: "Documentation", divs: divs, groups: groups, ids: (present: "CSIP93", id: "CSIP94", fptrs: "CSIP96", fileID: "CSIP116"), main: main, &out)
        checkGroupDivision(label: "Schemas", divs: divs, groups: groups, ids: (present: "CSIP97", id: "CSIP98", fptrs: "CSIP100", fileID: "CSIP118"), main: main, &out)
        checkGroupDivision(label: "Representations", divs: divs, groups: groups, ids: (present: "CSIP101", id: "CSIP102", fptrs: "CSIP104", fileID: "CSIP119"), main: main, &out)
        // Representation divisions.
        let representationGroups = groups.filter { ($0.attribute("USE") ?? "").hasPrefix("Representations/") }
        let representationDivs = divs.filter { ($0.attribute("LABEL") ?? "").hasPrefix("Representations/") }
        for group in representationGroups {
            let use = group.attribute("USE") ?? ""
            if !representationDivs.contains(where: { $0.attribute("LABEL") == use }) {
                out.report("CSIP105", "Biểu diễn \"\(use)\" nên có <div LABEL=\"\(use)\"> riêng", "Representation \"\(use)\" should have its own <div LABEL=\"\(use)\">", at: main)
            }
        }
        for div in representationDivs {
            let label = div.attribute("LABEL") ?? ""
            out.require("CSIP106", "ID", on: div)
            if groupIDsByUse[label] == nil {
                out.report("CSIP107", "@LABEL=\"\(label)\" không trùng @USE của nhóm tệp biểu diễn nào", "@LABEL=\"\(label)\" matches the @USE of no representation file group", at: div)
            }
            let pointers = div.elements("mptr")
            guard pointers.count == 1 else {
                out.report("CSIP109", "Phân mục biểu diễn phải có đúng một <mptr>, gặp \(pointers.count)", "A representation division must have exactly one <mptr>, found \(pointers.count)", at: div)
                continue
            }
            let pointer = pointers[0]
            let title = pointer.attribute("title", namespace: METSNamespace.xlink) ?? ""
            if title.isEmpty || !groups.contains(where: { $0.attribute("ID") == title }) {
                out.report("CSIP108", "<mptr> phải có @xlink:title là ID của nhóm tệp biểu diễn, gặp \"\(title)\"",
                           "<mptr> must have @xlink:title naming the representation file group ID, found \"\(title)\"", at: pointer)
            }
            if pointer.attribute("type", namespace: METSNamespace.xlink) != "simple" {
                out.report("CSIP111", "<mptr> phải có @xlink:type=\"simple\"", "<mptr> must have @xlink:type=\"simple\"", at: pointer)
            }
            if pointer.attribute("LOCTYPE") != "URL" {
                out.report("CSIP112", "<mptr> phải có @LOCTYPE=\"URL\"", "<mptr> must have @LOCTYPE=\"URL\"", at: pointer)
            }
            guard let href = pointer.attribute("href", namespace: METSNamespace.xlink), !href.isEmpty else {
                out.report("CSIP110", "<mptr> thiếu @xlink:href", "<mptr> has no @xlink:href", at: pointer)
                continue
            }
            guard let path = HrefResolver.resolve(href, base: base) else {
                out.report("KHO-SIP-HREF", "Tham chiếu \"\(href)\" ra ngoài gói", "Reference \"\(href)\" leaves the package", at: pointer)
                continue
            }
            summary.referenced.append(path)
            summary.representationMETS.append(path)
            if tree.file(at: path) == nil {
                out.report("CSIP110", "<mptr> trỏ tới \(path) không có trong gói", "<mptr> points to \(path), which is not in the package", at: pointer)
            }
        }
    }

    private func checkGroupDivision(label: String, divs: [METSElement], groups: [METSElement],
                                    ids: (present: String, id: String, fptrs: String, fileID: String),
                                    main: METSElement, _ out: inout FindingCollector) {
        let matchingGroups = groups.filter { $0.attribute("USE") == label }
        let matchingDivs = divs.filter { $0.attribute("LABEL") == label }
        if matchingDivs.isEmpty {
            if !matchingGroups.isEmpty {
                out.report(ids.present, "Có <fileGrp USE=\"\(label)\"> nhưng không có <div LABEL=\"\(label)\">",
                           "There is a <fileGrp USE=\"\(label)\"> but no <div LABEL=\"\(label)\">", at: main)
            }
            return
        }
        if matchingDivs.count > 1 {
            out.report(ids.present, "Chỉ nên có một <div LABEL=\"\(label)\">", "Only one <div LABEL=\"\(label)\"> should be present", at: matchingDivs[1])
        }
        let div = matchingDivs[0]
        out.require(ids.id, "ID", on: div)
        let pointers = div.elements("fptr")
        for pointer in pointers {
            let fileID = pointer.attribute("FILEID") ?? ""
            if fileID.isEmpty || !groups.contains(where: { $0.attribute("ID") == fileID }) {
                out.report(ids.fileID, "<fptr> phải có @FILEID là ID của nhóm tệp \"\(label)\", gặp \"\(fileID)\"",
                           "<fptr> must have @FILEID naming the \"\(label)\" file group, found \"\(fileID)\"", at: pointer)
            }
        }
        for group in matchingGroups {
            let id = group.attribute("ID") ?? ""
            if !pointers.contains(where: { $0.attribute("FILEID") == id }) {
                out.report(ids.fptrs, "<div LABEL=\"\(label)\"> nên có <fptr FILEID=\"\(id)\"> cho nhóm tệp",
                           "<div LABEL=\"\(label)\"> should have an <fptr FILEID=\"\(id)\"> for the file group", at: div)
            }
        }
    }
}

import KhoCore

/// The CSIP folder-structure requirements (CSIPSTR1–CSIPSTR16) checked on the unpacked package.
struct StructureRules {
    var tree: PackageTree
    /// The root folder's own name (for CSIPSTR2).
    var rootName: String

    /// Checks that need no METS; `false` in the result means METS.xml is missing and nothing more can be read.
    func checkLayout(_ out: inout FindingCollector) -> Bool {
        guard tree.file(at: "METS.xml") != nil else {
            out.report("CSIPSTR4", "Thư mục gốc của gói không có tệp METS.xml", "The package root folder has no METS.xml", path: "METS.xml")
            return false
        }
        if !tree.hasDirectory("metadata") {
            out.report("CSIPSTR5", "Gói nên có thư mục metadata", "The package should have a metadata folder", path: "metadata")
        }
        if !tree.hasDirectory("representations") {
            out.report("CSIPSTR9", "Gói nên có thư mục representations", "The package should have a representations folder", path: "representations")
        } else {
            for file in tree.files(under: "representations") where file.path.split(separator: "/").count == 2 {
                out.report("CSIPSTR10", "Tệp nằm trực tiếp trong representations, nên nằm trong thư mục của từng biểu diễn",
                           "File directly in representations/, it should be in a representation folder", path: file.path)
            }
            for folder in representationFolders {
                if !tree.hasDirectory(folder + "/data") {
                    out.report("CSIPSTR11", "Biểu diễn nên có thư mục data", "The representation should have a data folder", path: folder)
                }
                if tree.file(at: folder + "/METS.xml") == nil {
                    out.report("CSIPSTR12", "Biểu diễn nên có tệp METS.xml", "The representation should have a METS.xml", path: folder)
                }
                if !tree.hasDirectory(folder + "/metadata") {
                    out.report("CSIPSTR13", "Biểu diễn nên có thư mục metadata", "The representation should have a metadata folder", path: folder)
                }
            }
        }
        let schemasAnywhere = tree.hasDirectory("schemas") || representationFolders.contains { tree.hasDirectory($0 + "/schemas") }
        if !schemasAnywhere {
            out.report("CSIPSTR15", "Gói nên kèm các lược đồ XML trong thư mục schemas", "The package should include its XML schemas in a schemas folder", path: "schemas")
        }
        for file in tree.files where file.path.hasSuffix(".xsd") && !file.path.split(separator: "/").contains("schemas") {
            out.report("CSIPSTR15", "Lược đồ XML nên nằm trong thư mục schemas", "XML schemas should be in a schemas folder", path: file.path)
        }
        let documentationAnywhere = tree.hasDirectory("documentation") || representationFolders.contains { tree.hasDirectory($0 + "/documentation") }
        if !documentationAnywhere {
            out.report("CSIPSTR16", "Gói nên có tài liệu kèm theo trong thư mục documentation", "The package should include documentation in a documentation folder",
                       path: "documentation", severity: .info)
        }
        return true
    }

    /// CSIPSTR2: the root folder carries the package's OBJID (':' may be written '_' or '+' in folder names).
    func checkRootName(objid: String?, _ out: inout FindingCollector) {
        guard let objid, !objid.isEmpty else { return }
        let candidates: Set<String> = [objid, objid.replacingColons(with: "_"), objid.replacingColons(with: "+")]
        if !candidates.contains(rootName) {
            out.report("CSIPSTR2", "Thư mục gốc \"\(rootName)\" nên mang tên @OBJID \"\(objid)\"",
                       "The root folder \"\(rootName)\" should be named after @OBJID \"\(objid)\"", path: "")
        }
    }

    /// `representations/<name>` folders.
    var representationFolders: [String] {
        tree.directories.filter { $0.hasPrefix("representations/") && $0.split(separator: "/").count == 2 }
    }
}

extension String {
    func replacingColons(with replacement: Character) -> String {
        String(map { $0 == ":" ? replacement : $0 })
    }
}

/// The checks for an OCFL storage root (kho lưu trữ OCFL): declaration, layout, extensions, and the
/// storage hierarchy down to every object root (E069–E090, W014–W016), then each object.
struct StorageRootValidation {
    var root: String
    var options: OCFLValidator.Options

    /// One object root found in the hierarchy.
    private struct FoundObject {
        var path: String
        var depth: Int
    }

    func run() -> ValidationReport {
        var report = ValidationReport(subject: .storageRoot, path: root, checkedDigests: options.checkDigests)
        var out = FindingCollector(version: .v1_1)
        guard let entries = DirectoryListing.entries(root) else {
            out.add("E069", ".", "not a readable directory", vi: "không phải thư mục đọc được")
            report.findings = out.findings
            return report
        }
        let version = checkDeclaration(entries, &out)
        out.version = version ?? .v1_1
        report.specVersion = version
        var layout: String?
        if entries.contains(where: { $0.name == "ocfl_layout.json" }) { layout = checkLayout(&out) }

        // Walk the storage hierarchy.
        var objects: [FoundObject] = []
        for e in entries {
            if e.name.hasPrefix("0=") || e.name == "ocfl_layout.json" { continue }
            switch e.kind {
            case .directory:
                if e.name == "extensions" { checkExtensions(version ?? .v1_1, &out); continue }
                walk(e.name, depth: 1, &objects, &out)
            case .symlink:
                out.add("E090", e.name, "symbolic link in the storage root", vi: "liên kết tượng trưng trong thư mục gốc kho")
            case .file, .other:
                continue  // E087: files in the storage root that Kho does not understand are ignored.
            }
        }
        // Each object, with its paths relative to the storage root.
        var ids: [String: String] = [:]
        for object in objects {
            var validation = ObjectValidation(root: root + "/" + object.path, options: options, prefix: object.path)
            validation.prefix = object.path
            var objectReport = validation.run()
            objectReport.path = object.path
            if let v = objectReport.specVersion, let rv = version, v > rv {
                out.add("E081", object.path, "object declares OCFL \(v.rawValue), storage root \(rv.rawValue)", vi: "đối tượng khai báo OCFL \(v.rawValue), kho \(rv.rawValue)")
            }
            if let id = objectReport.objectID {
                if let other = ids[id] {
                    out.add("E037", object.path, "id '\(id)' is also used by \(other)", vi: "id '\(id)' đã được dùng bởi \(other)")
                } else {
                    ids[id] = object.path
                }
                if let layout, let expected = ExpectedObjectPath.path(for: id, extension: layout, config: layoutConfig(layout)),
                   !expected.utf8.elementsEqual(object.path.utf8) {
                    out.add("E083", object.path, "layout \(layout) puts id '\(id)' at \(expected)", vi: "bố trí \(layout) đặt id '\(id)' tại \(expected)")
                }
            }
            out.append(contentsOf: objectReport.findings)
            report.filesHashed += objectReport.filesHashed
            report.objects.append(objectReport)
        }
        let depths = Set(objects.map { $0.depth == 1 })
        if depths.count > 1 {
            out.add("W015", ".", "objects are both direct children of the root and deeper in a hierarchy", vi: "có đối tượng vừa là con trực tiếp của thư mục gốc vừa nằm sâu trong cây")
        }
        report.objectCount = objects.count
        report.findings = out.findings
        return report
    }

    /// The one `0=ocfl_1.x` declaration (E069, E076–E080).
    private func checkDeclaration(_ entries: [DirectoryEntry], _ out: inout FindingCollector) -> OCFLSpecVersion? {
        let declarations = entries.filter { $0.name.hasPrefix("0=") || $0.name.range(of: "=ocfl_") != nil }
        guard !declarations.isEmpty else {
            out.add("E069", "0=ocfl_1.1", "no storage root declaration", vi: "không có tệp khai báo kho lưu trữ")
            return nil
        }
        if declarations.count > 1 {
            out.add("E076", ".", "declarations: \(declarations.map(\.name).joined(separator: ", "))", vi: "các tệp khai báo: \(declarations.map(\.name).joined(separator: ", "))")
        }
        var found: OCFLSpecVersion?
        for d in declarations {
            guard d.name.hasPrefix("0=") else { out.add("E078", d.name); continue }
            guard let v = OCFLSpecVersion.allCases.first(where: { $0.rootDeclaration == d.name }) else {
                out.add(d.name.hasPrefix("0=ocfl_") ? "E077" : "E079", d.name)
                continue
            }
            found = found ?? v
            let dvalue = String(d.name.dropFirst(2))
            if d.kind != .file || DirectoryListing.readFile(root + "/" + d.name) != Array((dvalue + "\n").utf8) {
                out.version = v
                out.add("E080", d.name, "contents must be '\(dvalue)\\n'", vi: "nội dung phải là '\(dvalue)\\n'")
            }
        }
        return found
    }

    /// `ocfl_layout.json` must be a JSON object with string `extension` and `description` (E070, E071).
    private func checkLayout(_ out: inout FindingCollector) -> String? {
        guard let bytes = DirectoryListing.readFile(root + "/ocfl_layout.json"), let json = try? JSONParser.parse(bytes), json.objectMembers != nil else {
            out.add("E070", "ocfl_layout.json", "not a JSON object", vi: "không phải đối tượng JSON")
            return nil
        }
        let keyName = out.version == .v1_0 && json["key"] != nil ? "key" : "extension"
        if json[keyName] == nil || json["description"] == nil {
            out.add("E070", "ocfl_layout.json", "missing '\(keyName)' or 'description'", vi: "thiếu '\(keyName)' hoặc 'description'")
        }
        guard let ext = json[keyName]?.stringValue, !ext.isEmpty else {
            if json[keyName] != nil { out.add("E071", "ocfl_layout.json", "extension is not a non-empty string", vi: "extension không phải chuỗi khác rỗng") }
            return nil
        }
        if !ObjectValidation.registeredExtensions.contains(ext), DirectoryListing.kind(root + "/extensions/" + ext) != .directory,
           DirectoryListing.kind(root + "/" + ext + ".md") == nil {
            out.add("E071", "ocfl_layout.json", "extension '\(ext)' is neither registered nor documented in the storage root", vi: "phần mở rộng '\(ext)' chưa đăng ký và không có tài liệu trong thư mục gốc kho")
        }
        return ext
    }

    /// The layout extension's `config.json`, if the storage root has one.
    private func layoutConfig(_ ext: String) -> JSONValue? {
        guard let bytes = DirectoryListing.readFile(root + "/extensions/\(ext)/config.json") else { return nil }
        return try? JSONParser.parse(bytes)
    }

    /// The storage root `extensions` directory (E112/E086, W016).
    private func checkExtensions(_ version: OCFLSpecVersion, _ out: inout FindingCollector) {
        for e in DirectoryListing.entries(root + "/extensions") ?? [] {
            if e.kind != .directory {
                out.add(version == .v1_1 ? "E112" : "E086", "extensions/\(e.name)", "not an extension directory", vi: "không phải thư mục phần mở rộng")
            } else if !ObjectValidation.registeredExtensions.contains(e.name) {
                out.add(version == .v1_1 ? "W016" : "W013", "extensions/\(e.name)")
            }
        }
    }

    /// Descends one directory of the storage hierarchy: an object root ends the walk; otherwise only
    /// sub-directories may appear (E084), none empty (E073), every branch ending in an object (E085).
    private func walk(_ dir: String, depth: Int, _ objects: inout [FoundObject], _ out: inout FindingCollector) {
        guard let entries = DirectoryListing.entries(root + "/" + dir) else { return }
        if entries.contains(where: { $0.name.hasPrefix("0=ocfl_object_") }) {
            objects.append(FoundObject(path: dir, depth: depth))
            checkNestedObjects(dir, entries, &out)
            return
        }
        if entries.isEmpty {
            out.add("E073", dir, "empty directory", vi: "thư mục rỗng")
            return
        }
        let subdirectories = entries.filter { $0.kind == .directory }
        if subdirectories.isEmpty {
            out.add("E085", dir, "directory holds no OCFL object", vi: "thư mục không chứa đối tượng OCFL nào")
        }
        for e in entries where e.kind != .directory {
            if e.kind == .symlink { out.add("E090", "\(dir)/\(e.name)") }
            if e.name.hasPrefix("0=") {
                out.add("E088", "\(dir)/\(e.name)", "declaration file outside an object root", vi: "tệp khai báo nằm ngoài thư mục gốc đối tượng")
            }
            out.add(subdirectories.isEmpty ? "E072" : "E084", "\(dir)/\(e.name)", "file in the storage hierarchy outside any object", vi: "tệp trong cây lưu trữ nằm ngoài mọi đối tượng")
        }
        for e in subdirectories { walk("\(dir)/\(e.name)", depth: depth + 1, &objects, &out) }
    }

    /// An object root must be the end of the hierarchy: no object inside an object's root (E082).
    private func checkNestedObjects(_ dir: String, _ entries: [DirectoryEntry], _ out: inout FindingCollector) {
        for e in entries where e.kind == .directory && e.name != "logs" && e.name != "extensions" && PathRules.versionNumber(e.name) == nil {
            if let inner = DirectoryListing.entries(root + "/\(dir)/\(e.name)"), inner.contains(where: { $0.name.hasPrefix("0=ocfl_object_") }) {
                out.add("E082", "\(dir)/\(e.name)", "OCFL object inside the object root \(dir)", vi: "đối tượng OCFL nằm trong thư mục gốc đối tượng \(dir)")
            }
        }
    }
}

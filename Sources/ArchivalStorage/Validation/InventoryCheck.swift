/// Reads one inventory.json and checks its structure and values (E033–E057, E094–E111, W001–W009).
struct InventoryCheck {
    /// Where the inventory is, relative to the object root (for messages).
    var label: String
    /// The spec version the object declares; the root inventory `type` must match it (E038).
    var declaredVersion: OCFLSpecVersion
    /// For a version inventory, the version directory it sits in (its `head` must name it).
    var versionDirectory: String?

    /// The fixity algorithms the spec and the digest-algorithms extension (0001/0009) name.
    static let knownFixityAlgorithms: Set<String> = [
        "md5", "sha1", "sha256", "sha512", "blake2b-512",
        "blake2b-160", "blake2b-256", "blake2b-384", "sha512/256", "size", "crc32",
    ]

    /// The keys an inventory may have.
    static let inventoryKeys: Set<String> = ["id", "type", "digestAlgorithm", "head", "contentDirectory", "manifest", "versions", "fixity"]

    /// Parses and checks `bytes`, recording findings in `out`.
    func run(_ bytes: [UInt8], _ out: inout FindingCollector) -> ParsedInventory {
        var inv = ParsedInventory()
        inv.bytes = bytes
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            out.add("E033", label, "not valid JSON at byte \(error.offset): \(error.reason)", vi: "JSON không hợp lệ tại byte \(error.offset): \(error.reason)")
            return inv
        }
        guard let members = json.objectMembers else {
            out.add("E033", label, "top level is a \(json.typeName), not an object", vi: "cấp cao nhất là \(json.typeName), không phải object")
            return inv
        }
        inv.usable = true
        var keys = Set<String>()
        for m in members where !keys.insert(m.key).inserted {
            out.add("E033", label, "key '\(m.key)' appears more than once", vi: "khóa '\(m.key)' xuất hiện nhiều lần")
        }
        for m in members where !Self.inventoryKeys.contains(m.key) {
            out.add("E102", label, "unexpected key '\(m.key)'", vi: "khóa lạ '\(m.key)'")
        }
        checkHeader(json, &inv, &out)
        checkManifest(json, &inv, &out)
        checkVersions(json, &inv, &out)
        checkFixity(json, &inv, &out)
        crossCheck(&inv, &out)
        return inv
    }

    private func checkHeader(_ json: JSONValue, _ inv: inout ParsedInventory, _ out: inout FindingCollector) {
        for key in ["id", "type", "digestAlgorithm", "head"] where json[key] == nil {
            out.add("E036", label, "missing key '\(key)'", vi: "thiếu khóa '\(key)'")
        }
        if let id = json["id"] {
            if let s = id.stringValue, !s.isEmpty {
                inv.id = s
                if !PathRules.looksLikeURI(s) { out.add("W005", label, "id '\(s)'") }
            } else {
                out.add("E037", label, "id is not a non-empty string", vi: "id không phải chuỗi khác rỗng")
            }
        }
        if let type = json["type"] {
            let s = type.stringValue
            inv.type = s
            inv.specVersion = s.flatMap(OCFLSpecVersion.init(inventoryType:))
            if inv.specVersion == nil {
                out.add("E038", label, "type '\(s ?? type.typeName)' is not an OCFL inventory type", vi: "type '\(s ?? type.typeName)' không phải type inventory OCFL")
            } else if versionDirectory == nil, inv.specVersion != declaredVersion {
                out.add("E038", label, "type '\(s ?? "")' does not match declaration \(declaredVersion.objectDeclaration)", vi: "type '\(s ?? "")' không khớp khai báo \(declaredVersion.objectDeclaration)")
            }
        }
        if let alg = json["digestAlgorithm"] {
            switch alg.stringValue {
            case "sha512": inv.digestAlgorithm = "sha512"
            case "sha256": inv.digestAlgorithm = "sha256"; out.add("W004", label, "digestAlgorithm sha256")
            case let other:
                out.add("E025", label, "digestAlgorithm '\(other ?? alg.typeName)'")
            }
        }
        if let head = json["head"] {
            if let s = head.stringValue {
                inv.head = s
                if let dir = versionDirectory, s != dir {
                    out.add("E040", label, "head '\(s)' in the inventory of version directory \(dir)", vi: "head '\(s)' trong tệp kiểm kê của thư mục phiên bản \(dir)")
                }
            } else {
                out.add("E040", label, "head is a \(head.typeName), not a string", vi: "head là \(head.typeName), không phải chuỗi")
            }
        }
        if let cd = json["contentDirectory"] {
            inv.contentDirectoryDeclared = true
            if let s = cd.stringValue {
                if s.contains("/") || s.isEmpty {
                    out.add("E017", label, "contentDirectory '\(s)'")
                } else if s == "." || s == ".." {
                    out.add("E018", label, "contentDirectory '\(s)'")
                } else {
                    inv.contentDirectory = s
                }
            } else {
                out.add("E017", label, "contentDirectory is a \(cd.typeName), not a string", vi: "contentDirectory là \(cd.typeName), không phải chuỗi")
            }
        }
    }

    /// Reads `digest → [path]` blocks (manifest and fixity share this shape).
    private func pathBlock(_ members: [(key: String, value: JSONValue)], where block: String, code: String, _ out: inout FindingCollector) -> [(digest: String, paths: [String])] {
        var result: [(digest: String, paths: [String])] = []
        for m in members {
            guard let array = m.value.arrayValue else {
                out.add(code, label, "\(block) value for \(m.key) is a \(m.value.typeName), not an array of paths", vi: "giá trị \(block) của \(m.key) là \(m.value.typeName), không phải mảng đường dẫn")
                continue
            }
            var paths: [String] = []
            for element in array {
                guard let p = element.stringValue else {
                    out.add("E098", label, "\(block) path is a \(element.typeName), not a string", vi: "đường dẫn trong \(block) là \(element.typeName), không phải chuỗi")
                    continue
                }
                paths.append(p)
            }
            result.append((m.key, paths))
        }
        return result
    }

    private func checkContentPaths(_ block: [(digest: String, paths: [String])], where name: String, _ out: inout FindingCollector) {
        let all = block.flatMap(\.paths)
        for p in all {
            for code in PathRules.problems(p, elementCode: "E099", slashCode: "E100") {
                out.add(code, label, "\(name) content path '\(p)'", vi: "đường dẫn nội dung \(name) '\(p)'")
            }
        }
        for p in PathRules.conflicts(all) {
            out.add("E101", label, "\(name) content path '\(p)' is repeated or conflicts with another", vi: "đường dẫn nội dung \(name) '\(p)' bị lặp hoặc xung đột với đường dẫn khác")
        }
    }

    private func duplicateDigests(_ digests: [String]) -> [String] {
        var seen = Set<String>()
        return digests.filter { !seen.insert($0.lowercased()).inserted }
    }

    private func checkManifest(_ json: JSONValue, _ inv: inout ParsedInventory, _ out: inout FindingCollector) {
        guard let manifest = json["manifest"] else {
            out.add("E041", label, "missing key 'manifest'", vi: "thiếu khóa 'manifest'")
            return
        }
        guard let members = manifest.objectMembers else {
            out.add(declaredVersion == .v1_1 ? "E106" : "E041", label, "manifest is a \(manifest.typeName)", vi: "manifest là \(manifest.typeName)")
            return
        }
        inv.manifest = pathBlock(members, where: "manifest", code: "E092", &out)
        for d in duplicateDigests(inv.manifest.map(\.digest)) {
            out.add("E096", label, "digest \(d)")
        }
        if let alg = inv.digestAlgorithm {
            for entry in inv.manifest where !PathRules.isDigest(entry.digest, algorithm: alg) {
                out.add("E039", label, "manifest key '\(entry.digest)' is not a \(alg) digest", vi: "khóa manifest '\(entry.digest)' không phải mã băm \(alg)")
            }
        }
        checkContentPaths(inv.manifest, where: "manifest", &out)
    }

    private func checkVersions(_ json: JSONValue, _ inv: inout ParsedInventory, _ out: inout FindingCollector) {
        guard let versions = json["versions"] else {
            out.add("E043", label, "missing key 'versions'", vi: "thiếu khóa 'versions'")
            out.add("E044", label, "missing key 'versions'", vi: "thiếu khóa 'versions'")
            if json["manifest"] == nil { out.add("E041", label) }
            return
        }
        guard let members = versions.objectMembers else {
            out.add("E045", label, "versions is a \(versions.typeName)", vi: "versions là \(versions.typeName)")
            return
        }
        if members.isEmpty { out.add("E008", label, "versions is empty", vi: "versions rỗng") }
        // Version names and sequence.
        var numbered: [(name: String, number: Int, width: Int)] = []
        for m in members {
            if let v = PathRules.versionNumber(m.key), v.number > 0 {
                numbered.append((m.key, v.number, v.width))
            } else if m.key.hasPrefix("v") {
                out.add("E105", label, "version name '\(m.key)'", vi: "tên phiên bản '\(m.key)'")
            } else {
                out.add("E104", label, "version name '\(m.key)'", vi: "tên phiên bản '\(m.key)'")
            }
        }
        numbered.sort { $0.number < $1.number }
        if let first = numbered.first, first.number != 1 {
            out.add("E009", label, "first version is \(first.name)", vi: "phiên bản đầu tiên là \(first.name)")
        }
        for (a, b) in zip(numbered, numbered.dropFirst()) where b.number != a.number + 1 {
            out.add("E010", label, "versions jump from \(a.name) to \(b.name)", vi: "phiên bản nhảy từ \(a.name) sang \(b.name)")
        }
        let padded = numbered.contains { $0.name.hasPrefix("v0") }
        if padded {
            out.add("W001", label, "version names \(numbered.map(\.name).joined(separator: ", "))")
            let width = numbered.first { $0.name.hasPrefix("v0") }?.width ?? 0
            for v in numbered where !v.name.hasPrefix("v0") {
                out.add("E011", label, "version '\(v.name)' in a zero-padded sequence", vi: "phiên bản '\(v.name)' trong dãy có đệm số 0")
                out.add("E013", label, "version '\(v.name)' breaks the naming convention", vi: "phiên bản '\(v.name)' phá quy ước đặt tên")
            }
            for v in numbered where v.width != width {
                out.add("E012", label, "version '\(v.name)' has a different width", vi: "phiên bản '\(v.name)' có độ dài khác")
            }
        }
        if let head = inv.head, let last = numbered.last, head != last.name {
            out.add("E040", label, "head '\(head)' but the highest version is '\(last.name)'", vi: "head '\(head)' nhưng phiên bản cao nhất là '\(last.name)'")
        }
        let order = numbered.map(\.name) + members.map(\.key).filter { k in !numbered.contains { $0.name == k } }
        for name in order {
            guard let block = members.first(where: { $0.key == name })?.value else { continue }
            inv.versions.append(checkVersionBlock(name, block, inv, &out))
        }
    }

    private func checkVersionBlock(_ name: String, _ block: JSONValue, _ inv: ParsedInventory, _ out: inout FindingCollector) -> ParsedInventory.Version {
        var version = ParsedInventory.Version(name: name)
        let where_ = "versions.\(name)"
        guard let members = block.objectMembers else {
            out.add("E047", label, "\(where_) is a \(block.typeName)", vi: "\(where_) là \(block.typeName)")
            return version
        }
        for m in members where !["created", "state", "message", "user"].contains(m.key) {
            out.add("E102", label, "unexpected key '\(m.key)' in \(where_)", vi: "khóa lạ '\(m.key)' trong \(where_)")
        }
        version.created = block["created"]
        version.message = block["message"]
        version.user = block["user"]
        if let created = block["created"] {
            if let s = created.stringValue {
                if !PathRules.isRFC3339(s) { out.add("E049", label, "\(where_).created '\(s)'") }
            } else {
                out.add("E049", label, "\(where_).created is a \(created.typeName)", vi: "\(where_).created là \(created.typeName)")
            }
        } else {
            out.add("E048", label, "\(where_) has no 'created'", vi: "\(where_) không có 'created'")
        }
        if let message = block["message"], message.stringValue == nil {
            out.add("E094", label, "\(where_).message is a \(message.typeName)", vi: "\(where_).message là \(message.typeName)")
        }
        if block["message"] == nil || block["user"] == nil {
            out.add("W007", label, "\(where_) lacks \(block["message"] == nil ? "message" : "user")", vi: "\(where_) thiếu \(block["message"] == nil ? "message" : "user")")
        }
        if let user = block["user"] {
            if user.objectMembers == nil || user["name"]?.stringValue == nil {
                out.add("E054", label, "\(where_).user has no string 'name'", vi: "\(where_).user không có 'name' dạng chuỗi")
            }
            if user.objectMembers != nil {
                if let address = user["address"] {
                    if let s = address.stringValue {
                        if !PathRules.looksLikeURI(s) { out.add("W009", label, "\(where_).user.address '\(s)'") }
                    } else {
                        out.add("W009", label, "\(where_).user.address is a \(address.typeName)", vi: "\(where_).user.address là \(address.typeName)")
                    }
                } else {
                    out.add("W008", label, "\(where_).user")
                }
            }
        }
        guard let state = block["state"] else {
            out.add("E048", label, "\(where_) has no 'state'", vi: "\(where_) không có 'state'")
            return version
        }
        guard let stateMembers = state.objectMembers else {
            out.add("E048", label, "\(where_).state is a \(state.typeName)", vi: "\(where_).state là \(state.typeName)")
            return version
        }
        version.state = pathBlock(stateMembers, where: "\(where_).state", code: "E051", &out)
        let manifestDigests = Set(inv.manifest.map(\.digest))
        for entry in version.state where !manifestDigests.contains(entry.digest) {
            out.add("E050", label, "\(where_).state digest \(entry.digest) is not in the manifest", vi: "mã băm \(entry.digest) của \(where_).state không có trong manifest")
        }
        let logical = version.state.flatMap(\.paths)
        for p in logical {
            for code in PathRules.problems(p, elementCode: "E052", slashCode: "E053") {
                out.add(code, label, "\(where_) logical path '\(p)'", vi: "đường dẫn logic '\(p)' trong \(where_)")
            }
        }
        for p in PathRules.conflicts(logical) {
            out.add("E095", label, "\(where_) logical path '\(p)' is repeated or conflicts with another", vi: "đường dẫn logic '\(p)' trong \(where_) bị lặp hoặc xung đột")
        }
        return version
    }

    private func checkFixity(_ json: JSONValue, _ inv: inout ParsedInventory, _ out: inout FindingCollector) {
        guard let fixity = json["fixity"] else { return }
        guard let members = fixity.objectMembers else {
            out.add(declaredVersion == .v1_1 ? "E111" : "E055", label, "fixity is a \(fixity.typeName)", vi: "fixity là \(fixity.typeName)")
            return
        }
        let contentPaths = Set(inv.manifest.flatMap(\.paths).map { PathKey($0) })
        for m in members {
            if !Self.knownFixityAlgorithms.contains(m.key) {
                out.add("E056", label, "fixity algorithm '\(m.key)'", vi: "thuật toán fixity '\(m.key)'")
            }
            guard let entries = m.value.objectMembers else {
                out.add("E057", label, "fixity.\(m.key) is a \(m.value.typeName)", vi: "fixity.\(m.key) là \(m.value.typeName)")
                continue
            }
            let block = pathBlock(entries, where: "fixity.\(m.key)", code: "E057", &out)
            for d in duplicateDigests(block.map(\.digest)) {
                out.add("E097", label, "fixity.\(m.key) digest \(d)")
            }
            checkContentPaths(block, where: "fixity.\(m.key)", &out)
            for p in block.flatMap(\.paths) where !contentPaths.contains(PathKey(p)) {
                out.add("E057", label, "fixity.\(m.key) path '\(p)' is not in the manifest", vi: "đường dẫn '\(p)' của fixity.\(m.key) không có trong manifest")
            }
            inv.fixity.append((m.key, block))
        }
    }

    /// Manifest content paths must sit in a listed version's content directory; every manifest digest must be used (E107).
    private func crossCheck(_ inv: inout ParsedInventory, _ out: inout FindingCollector) {
        let names = Set(inv.versions.map(\.name))
        for p in inv.manifest.flatMap(\.paths) {
            let parts = p.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, names.contains(String(parts[0])) else {
                out.add("E042", label, "manifest content path '\(p)' is not inside a version directory of this inventory", vi: "đường dẫn nội dung '\(p)' không nằm trong thư mục phiên bản của tệp kiểm kê này")
                continue
            }
            if parts[1] != inv.contentDirectory {
                out.add("E019", label, "manifest content path '\(p)' is not in content directory '\(inv.contentDirectory)'", vi: "đường dẫn nội dung '\(p)' không nằm trong thư mục nội dung '\(inv.contentDirectory)'")
            }
        }
        if declaredVersion >= .v1_1 {
            let used = Set(inv.versions.flatMap { $0.state.map(\.digest) })
            for entry in inv.manifest where !used.contains(entry.digest) {
                out.add("E107", label, "manifest digest \(entry.digest) is in no version state", vi: "mã băm \(entry.digest) của manifest không có trong state của phiên bản nào")
            }
        }
    }
}

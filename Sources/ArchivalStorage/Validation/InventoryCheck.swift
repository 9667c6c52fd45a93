/// Reads one inventory.json and checks its structure and values (E033–E057, E094–E111, W001–W009).
struct InventoryCheck {
    /// Where the inventory is, relative to the object root (for messages).
    var label: String
    /// The spec version the object declares; the root inventory `type` must match it (E038).
    var declaredVersion: OCFLSpecVersion
    /// For a version inventory, the version directory it sits in (its `head` must name it).
    var versionDirectory: String?
    /// For a version inventory: the root's version states, in whose terms a split inventory keeps its own.
    var rootStates: VersionStates?

    /// The fixity algorithms the spec and the digest-algorithms extension (0001/0009) name.
    static let knownFixityAlgorithms: Set<String> = [
        "md5", "sha1", "sha256", "sha512", "blake2b-512",
        "blake2b-160", "blake2b-256", "blake2b-384", "sha512/256", "size", "crc32",
    ]

    /// The keys an inventory may have.
    static let inventoryKeys: Set<String> = ["id", "type", "digestAlgorithm", "head", "contentDirectory", "manifest", "versions", "fixity"]

    /// Reads and checks the inventory of `source`: in parts when it was split (the version states one at a time),
    /// else whole. A split that turns out not to parse is read again whole, so the findings are always the same.
    /// `whenParsed` is called with the document (for a split file, its skeleton: everything but the version
    /// states) once it parses as an object, before it is checked; again with the whole file's when a split file
    /// has to be read again whole. The last document it was given is the one the result was checked in.
    func run(_ source: InventorySource, _ out: inout FindingCollector, whenParsed: (JSONTape) -> Void = { _ in }) -> ParsedInventory {
        if let split = source.split {
            var local = FindingCollector(version: out.version)
            if let inv = run(split, &local, whenParsed: whenParsed) {
                out.append(contentsOf: local.findings)
                return inv
            }
        }
        return run(source.wholeBytes() ?? [], &out, whenParsed: whenParsed)
    }

    /// Checks a split inventory; `nil` when a part does not parse (the whole file then says where).
    private func run(_ split: InventorySplit, _ out: inout FindingCollector, whenParsed: (JSONTape) -> Void) -> ParsedInventory? {
        guard let tape = try? JSONTape(parsing: split.skeleton), tape[0].kind == .object else { return nil }
        whenParsed(tape)
        var inv = ParsedInventory()
        inv.released = (split.path, split.size)
        if rootStates != nil { inv.againstRoot = StatesAgainstRoot() } else { inv.states = VersionStates() }
        check(tape, &inv, split: split, &out)
        if inv.splitFailed { return nil }
        if let alg = inv.digestAlgorithm.flatMap(DigestAlgorithmName.parse) { inv.fileDigest = split.digest(alg) }
        return inv
    }

    /// Parses and checks `bytes`, recording findings in `out`.
    func run(_ bytes: [UInt8], _ out: inout FindingCollector, whenParsed: (JSONTape) -> Void = { _ in }) -> ParsedInventory {
        var inv = ParsedInventory()
        inv.bytes = bytes
        let tape: JSONTape
        do {
            tape = try JSONTape(parsing: bytes)
        } catch {
            out.add("E033", label, "not valid JSON at byte \(error.offset): \(error.reason)", vi: "JSON không hợp lệ tại byte \(error.offset): \(error.reason)")
            return inv
        }
        guard tape[0].kind == .object else {
            out.add("E033", label, "top level is a \(tape.typeName(0)), not an object", vi: "cấp cao nhất là \(tape.typeName(0)), không phải object")
            return inv
        }
        whenParsed(tape)
        check(tape, &inv, split: nil, &out)
        return inv
    }

    /// The checks of a parsed document (`split`: where the version states are, when not in `tape`).
    private func check(_ tape: JSONTape, _ inv: inout ParsedInventory, split: InventorySplit?, _ out: inout FindingCollector) {
        inv.tape = tape
        inv.usable = true
        let members = tape.members(0).map { (key: tape.string($0.key), value: $0.value) }
        var keys = Set<String>()
        for m in members where !keys.insert(m.key).inserted {
            out.add("E033", label, "key '\(m.key)' appears more than once", vi: "khóa '\(m.key)' xuất hiện nhiều lần")
        }
        for m in members where !Self.inventoryKeys.contains(m.key) {
            out.add("E102", label, "unexpected key '\(m.key)'", vi: "khóa lạ '\(m.key)'")
        }
        let json = Document(tape: tape)
        checkHeader(json, &inv, &out)
        checkManifest(json, &inv, &out)
        checkVersions(json, &inv, split: split, &out)
        checkFixity(json, &inv, &out)
        crossCheck(&inv, &out)
    }

    /// The inventory's tape with its top-level members looked up by name.
    private struct Document {
        let tape: JSONTape
        subscript(_ key: String) -> Int? { tape.member(0, key) }
    }

    private func checkHeader(_ json: Document, _ inv: inout ParsedInventory, _ out: inout FindingCollector) {
        let tape = json.tape
        for key in ["id", "type", "digestAlgorithm", "head"] where json[key] == nil {
            out.add("E036", label, "missing key '\(key)'", vi: "thiếu khóa '\(key)'")
        }
        if let id = json["id"] {
            if let s = tape.stringValue(id), !s.isEmpty {
                inv.id = s
                if !PathRules.looksLikeURI(s) { out.add("W005", label, "id '\(s)'") }
            } else {
                out.add("E037", label, "id is not a non-empty string", vi: "id không phải chuỗi khác rỗng")
            }
        }
        if let type = json["type"] {
            let s = tape.stringValue(type)
            inv.type = s
            inv.specVersion = s.flatMap(OCFLSpecVersion.init(inventoryType:))
            if inv.specVersion == nil {
                out.add("E038", label, "type '\(s ?? tape.typeName(type))' is not an OCFL inventory type", vi: "type '\(s ?? tape.typeName(type))' không phải type inventory OCFL")
            } else if versionDirectory == nil, inv.specVersion != declaredVersion {
                out.add("E038", label, "type '\(s ?? "")' does not match declaration \(declaredVersion.objectDeclaration)", vi: "type '\(s ?? "")' không khớp khai báo \(declaredVersion.objectDeclaration)")
            }
        }
        if let alg = json["digestAlgorithm"] {
            switch tape.stringValue(alg) {
            case "sha512": inv.digestAlgorithm = "sha512"
            case "sha256": inv.digestAlgorithm = "sha256"; out.add("W004", label, "digestAlgorithm sha256")
            case let other:
                out.add("E025", label, "digestAlgorithm '\(other ?? tape.typeName(alg))'")
            }
        }
        if let head = json["head"] {
            if let s = tape.stringValue(head) {
                inv.head = s
                if let dir = versionDirectory, s != dir {
                    out.add("E040", label, "head '\(s)' in the inventory of version directory \(dir)", vi: "head '\(s)' trong tệp kiểm kê của thư mục phiên bản \(dir)")
                }
            } else {
                out.add("E040", label, "head is a \(tape.typeName(head)), not a string", vi: "head là \(tape.typeName(head)), không phải chuỗi")
            }
        }
        if let cd = json["contentDirectory"] {
            inv.contentDirectoryDeclared = true
            if let s = tape.stringValue(cd) {
                if s.contains("/") || s.isEmpty {
                    out.add("E017", label, "contentDirectory '\(s)'")
                } else if s == "." || s == ".." {
                    out.add("E018", label, "contentDirectory '\(s)'")
                } else {
                    inv.contentDirectory = s
                }
            } else {
                out.add("E017", label, "contentDirectory is a \(tape.typeName(cd)), not a string", vi: "contentDirectory là \(tape.typeName(cd)), không phải chuỗi")
            }
        }
    }

    /// The digest claims of a parsed document, read as the checks read them (the same blocks, the same paths) but
    /// without findings: enough to start hashing before the checks run.
    func digestClaims(in tape: JSONTape) -> DigestClaims {
        var unreported = FindingCollector(version: declaredVersion)
        var claims = DigestClaims()
        if let node = tape.member(0, "digestAlgorithm"), let name = tape.stringValue(node), name == "sha512" || name == "sha256" {
            claims.digestAlgorithm = name
        }
        if let manifest = tape.member(0, "manifest"), tape[manifest].kind == .object {
            claims.manifest = pathBlock(tape, manifest, where: "manifest", code: "E092", &unreported)
        }
        if let fixity = tape.member(0, "fixity"), tape[fixity].kind == .object {
            for m in tape.members(fixity) where tape[m.value].kind == .object {
                claims.fixity.append(.init(algorithm: tape.string(m.key), block: pathBlock(tape, m.value, where: "fixity", code: "E057", &unreported)))
            }
        }
        return claims
    }

    /// Reads the `digest → [path]` object at node `object` (manifest, state and fixity share this shape).
    private func pathBlock(_ tape: JSONTape, _ object: Int, where block: String, code: String, _ out: inout FindingCollector) -> ParsedInventory.PathBlock {
        var result = ParsedInventory.PathBlock()
        result.keys.reserveCapacity(Int(tape[object].a))
        result.entries.reserveCapacity(Int(tape[object].a))
        tape.forEachMember(object) { key, value in
            guard tape[value].kind == .array else {
                let k = tape.string(key)
                out.add(code, label, "\(block) value for \(k) is a \(tape.typeName(value)), not an array of paths", vi: "giá trị \(block) của \(k) là \(tape.typeName(value)), không phải mảng đường dẫn")
                return
            }
            result.keys.append(UInt32(key))
            tape.forEachElement(value) { element in
                guard tape[element].kind == .string else {
                    out.add("E098", label, "\(block) path is a \(tape.typeName(element)), not a string", vi: "đường dẫn trong \(block) là \(tape.typeName(element)), không phải chuỗi")
                    return
                }
                result.entries.append(.init(digest: UInt32(key), path: UInt32(element)))
            }
        }
        return result
    }

    /// Checks the content paths of `block` and returns them indexed (first occurrence wins).
    @discardableResult
    private func checkContentPaths(_ tape: JSONTape, _ block: ParsedInventory.PathBlock, where name: String, _ out: inout FindingCollector) -> TapeStringIndex {
        for entry in block.entries {
            let found = tape.withBytes(Int(entry.path)) { PathRules.problems($0) }
            guard found.slash || found.element else { continue }
            let p = tape.string(Int(entry.path))
            for code in (found.slash ? ["E100"] : []) + (found.element ? ["E099"] : []) {
                out.add(code, label, "\(name) content path '\(p)'", vi: "đường dẫn nội dung \(name) '\(p)'")
            }
        }
        let index = TapeStringIndex(tape, nodes: block.pathNodes)
        for n in PathRules.conflicts(block.pathNodes, in: tape, index: index) {
            let p = tape.string(Int(n))
            out.add("E101", label, "\(name) content path '\(p)' is repeated or conflicts with another", vi: "đường dẫn nội dung \(name) '\(p)' bị lặp hoặc xung đột với đường dẫn khác")
        }
        return index
    }

    /// Digest keys equal (ignoring case) to an earlier key of the same block, as written.
    private func duplicateDigests(_ tape: JSONTape, _ keys: [UInt32]) -> [String] {
        let index = TapeStringIndex(tape, nodes: keys, foldingCase: true)
        guard index.count < keys.count else { return [] }
        return keys.enumerated().filter { index.find(node: Int($0.element), of: tape) != $0.offset }.map { tape.string(Int($0.element)) }
    }

    private func checkManifest(_ json: Document, _ inv: inout ParsedInventory, _ out: inout FindingCollector) {
        let tape = json.tape
        guard let manifest = json["manifest"] else {
            out.add("E041", label, "missing key 'manifest'", vi: "thiếu khóa 'manifest'")
            return
        }
        guard tape[manifest].kind == .object else {
            out.add(declaredVersion == .v1_1 ? "E106" : "E041", label, "manifest is a \(tape.typeName(manifest))", vi: "manifest là \(tape.typeName(manifest))")
            return
        }
        inv.manifest = pathBlock(tape, manifest, where: "manifest", code: "E092", &out)
        for d in duplicateDigests(tape, inv.manifest.keys) {
            out.add("E096", label, "digest \(d)")
        }
        if let alg = inv.digestAlgorithm {
            let length = PathRules.digestLength(alg)
            for key in inv.manifest.keys where !tape.withBytes(Int(key), { PathRules.isDigest($0, length: length) }) {
                out.add("E039", label, "manifest key '\(tape.string(Int(key)))' is not a \(alg) digest", vi: "khóa manifest '\(tape.string(Int(key)))' không phải mã băm \(alg)")
            }
        }
        inv.manifestPaths = checkContentPaths(tape, inv.manifest, where: "manifest", &out)
    }

    private func checkVersions(_ json: Document, _ inv: inout ParsedInventory, split: InventorySplit?, _ out: inout FindingCollector) {
        let tape = json.tape
        guard let versions = json["versions"] else {
            out.add("E043", label, "missing key 'versions'", vi: "thiếu khóa 'versions'")
            out.add("E044", label, "missing key 'versions'", vi: "thiếu khóa 'versions'")
            if json["manifest"] == nil { out.add("E041", label) }
            return
        }
        guard tape[versions].kind == .object else {
            out.add("E045", label, "versions is a \(tape.typeName(versions))", vi: "versions là \(tape.typeName(versions))")
            return
        }
        let members = tape.members(versions).map { (key: tape.string($0.key), value: $0.value) }
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
        let manifestDigests = TapeStringIndex(tape, nodes: inv.manifest.keys)
        let order = numbered.map(\.name) + members.map(\.key).filter { k in !numbered.contains { $0.name == k } }
        // Split: each state is read, checked, kept compact (`states`) and dropped before the next; the manifest
        // digests its keys name are marked for E107.
        var used = split == nil ? [] : [Bool](repeating: false, count: inv.manifest.keys.count)
        for name in order {
            guard let block = members.first(where: { $0.key == name })?.value else { continue }
            guard let split else {
                inv.versions.append(checkVersionBlock(tape, name, block, manifestDigests, stateTape: nil, &out))
                continue
            }
            var stateTape: JSONTape?
            if split.stateRanges[name] != nil {
                guard let bytes = split.stateBytes(name), let t = try? JSONTape(parsing: bytes), t[0].kind == .object else {
                    inv.splitFailed = true
                    return
                }
                stateTape = t
            }
            var version = checkVersionBlock(tape, name, block, manifestDigests, stateTape: stateTape, &out)
            let stape = stateTape ?? tape
            if let rootStates { inv.againstRoot?.add(version, of: stape, root: rootStates) } else { inv.states?.add(version, of: stape) }
            for key in version.state.keys {
                if let k = manifestDigests.find(node: Int(key), of: stape) { used[k] = true }
            }
            version.state = ParsedInventory.PathBlock()
            inv.versions.append(version)
        }
        if split != nil {
            inv.unusedManifestKeys = inv.manifest.keys.indices.filter { j in
                manifestDigests.find(node: Int(inv.manifest.keys[j]), of: tape).map { !used[$0] } ?? true
            }
        }
    }

    private func checkVersionBlock(_ tape: JSONTape, _ name: String, _ block: Int, _ manifestDigests: TapeStringIndex,
                                   stateTape: JSONTape?, _ out: inout FindingCollector) -> ParsedInventory.Version {
        var version = ParsedInventory.Version(name: name)
        let where_ = "versions.\(name)"
        guard tape[block].kind == .object else {
            out.add("E047", label, "\(where_) is a \(tape.typeName(block))", vi: "\(where_) là \(tape.typeName(block))")
            return version
        }
        for m in tape.members(block) where !["created", "state", "message", "user"].contains(where: { tape.equals(m.key, $0) }) {
            out.add("E102", label, "unexpected key '\(tape.string(m.key))' in \(where_)", vi: "khóa lạ '\(tape.string(m.key))' trong \(where_)")
        }
        let createdNode = tape.member(block, "created"), messageNode = tape.member(block, "message"), userNode = tape.member(block, "user")
        version.created = createdNode.map(tape.value)
        version.message = messageNode.map(tape.value)
        version.user = userNode.map(tape.value)
        if let created = createdNode {
            if let s = tape.stringValue(created) {
                if !PathRules.isRFC3339(s) { out.add("E049", label, "\(where_).created '\(s)'") }
            } else {
                out.add("E049", label, "\(where_).created is a \(tape.typeName(created))", vi: "\(where_).created là \(tape.typeName(created))")
            }
        } else {
            out.add("E048", label, "\(where_) has no 'created'", vi: "\(where_) không có 'created'")
        }
        if let message = messageNode, tape[message].kind != .string {
            out.add("E094", label, "\(where_).message is a \(tape.typeName(message))", vi: "\(where_).message là \(tape.typeName(message))")
        }
        if messageNode == nil || userNode == nil {
            out.add("W007", label, "\(where_) lacks \(messageNode == nil ? "message" : "user")", vi: "\(where_) thiếu \(messageNode == nil ? "message" : "user")")
        }
        if let user = version.user {
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
        guard let state = tape.member(block, "state") else {
            out.add("E048", label, "\(where_) has no 'state'", vi: "\(where_) không có 'state'")
            return version
        }
        guard tape[state].kind == .object else {
            out.add("E048", label, "\(where_).state is a \(tape.typeName(state))", vi: "\(where_).state là \(tape.typeName(state))")
            return version
        }
        // A split inventory's state is its own document (node 0); the checks read the same either way.
        if let stateTape {
            checkState(stateTape, 0, &version, where_, manifestDigests, &out)
        } else {
            checkState(tape, state, &version, where_, manifestDigests, &out)
        }
        return version
    }

    /// The checks of one version's `state` object (E050–E053, E095, and E051/E098 on its shape).
    private func checkState(_ tape: JSONTape, _ state: Int, _ version: inout ParsedInventory.Version, _ where_: String,
                            _ manifestDigests: TapeStringIndex, _ out: inout FindingCollector) {
        version.state = pathBlock(tape, state, where: "\(where_).state", code: "E051", &out)
        for key in version.state.keys where manifestDigests.find(node: Int(key), of: tape) == nil {
            // A key listed with no path still names a digest (E050 is about the digests, once per key).
            let d = tape.string(Int(key))
            out.add("E050", label, "\(where_).state digest \(d) is not in the manifest", vi: "mã băm \(d) của \(where_).state không có trong manifest")
        }
        for entry in version.state.entries {
            let found = tape.withBytes(Int(entry.path)) { PathRules.problems($0) }
            guard found.slash || found.element else { continue }
            let p = tape.string(Int(entry.path))
            for code in (found.slash ? ["E053"] : []) + (found.element ? ["E052"] : []) {
                out.add(code, label, "\(where_) logical path '\(p)'", vi: "đường dẫn logic '\(p)' trong \(where_)")
            }
        }
        for n in PathRules.conflicts(version.state.pathNodes, in: tape, index: TapeStringIndex(tape, nodes: version.state.pathNodes)) {
            let p = tape.string(Int(n))
            out.add("E095", label, "\(where_) logical path '\(p)' is repeated or conflicts with another", vi: "đường dẫn logic '\(p)' trong \(where_) bị lặp hoặc xung đột")
        }
    }

    private func checkFixity(_ json: Document, _ inv: inout ParsedInventory, _ out: inout FindingCollector) {
        let tape = json.tape
        guard let fixity = json["fixity"] else { return }
        guard tape[fixity].kind == .object else {
            out.add(declaredVersion == .v1_1 ? "E111" : "E055", label, "fixity is a \(tape.typeName(fixity))", vi: "fixity là \(tape.typeName(fixity))")
            return
        }
        let contentPaths = inv.manifestPaths ?? TapeStringIndex(tape, nodes: inv.manifest.pathNodes)
        for m in tape.members(fixity) {
            let algorithm = tape.string(m.key)
            if !Self.knownFixityAlgorithms.contains(algorithm) {
                out.add("E056", label, "fixity algorithm '\(algorithm)'", vi: "thuật toán fixity '\(algorithm)'")
            }
            guard tape[m.value].kind == .object else {
                out.add("E057", label, "fixity.\(algorithm) is a \(tape.typeName(m.value))", vi: "fixity.\(algorithm) là \(tape.typeName(m.value))")
                continue
            }
            let block = pathBlock(tape, m.value, where: "fixity.\(algorithm)", code: "E057", &out)
            for d in duplicateDigests(tape, block.keys) {
                out.add("E097", label, "fixity.\(algorithm) digest \(d)")
            }
            checkContentPaths(tape, block, where: "fixity.\(algorithm)", &out)
            for entry in block.entries where contentPaths.find(node: Int(entry.path), of: tape) == nil {
                let p = tape.string(Int(entry.path))
                out.add("E057", label, "fixity.\(algorithm) path '\(p)' is not in the manifest", vi: "đường dẫn '\(p)' của fixity.\(algorithm) không có trong manifest")
            }
            inv.fixity.append((algorithm, block))
        }
    }

    /// Manifest content paths must sit in a listed version's content directory; every manifest digest must be used (E107).
    private func crossCheck(_ inv: inout ParsedInventory, _ out: inout FindingCollector) {
        guard let tape = inv.tape else { return }
        let nameBytes = inv.versions.map { Array($0.name.utf8) }
        var contentDirectory = inv.contentDirectory
        let slash = UInt8(ascii: "/")
        contentDirectory.withUTF8 { cd in
            for entry in inv.manifest.entries {
                // `vN/<contentDirectory>/…`: the first element a version of this inventory, the second its content directory.
                let verdict: (inVersion: Bool, inContent: Bool) = tape.withBytes(Int(entry.path)) { p in
                    guard let first = p.firstIndex(of: slash),
                          let second = p[(first + 1)...].firstIndex(of: slash) else { return (false, false) }
                    let version = UnsafeBufferPointer(rebasing: p[0..<first])
                    guard nameBytes.contains(where: { n in n.withUnsafeBufferPointer { Bytes.equal($0, version) } }) else { return (false, false) }
                    return (true, p[(first + 1)..<second].elementsEqual(cd))
                }
                if !verdict.inVersion {
                    let p = tape.string(Int(entry.path))
                    out.add("E042", label, "manifest content path '\(p)' is not inside a version directory of this inventory", vi: "đường dẫn nội dung '\(p)' không nằm trong thư mục phiên bản của tệp kiểm kê này")
                } else if !verdict.inContent {
                    let p = tape.string(Int(entry.path))
                    out.add("E019", label, "manifest content path '\(p)' is not in content directory '\(inv.contentDirectory)'", vi: "đường dẫn nội dung '\(p)' không nằm trong thư mục nội dung '\(inv.contentDirectory)'")
                }
            }
        }
        if declaredVersion >= .v1_1, let unused = inv.unusedManifestKeys {
            for j in unused {
                let d = tape.string(Int(inv.manifest.keys[j]))
                out.add("E107", label, "manifest digest \(d) is in no version state", vi: "mã băm \(d) của manifest không có trong state của phiên bản nào")
            }
        } else if declaredVersion >= .v1_1 {
            let used = TapeStringIndex(tape, nodes: inv.versions.flatMap(\.state.keys))
            for key in inv.manifest.keys where used.find(node: Int(key), of: tape) == nil {
                let d = tape.string(Int(key))
                out.add("E107", label, "manifest digest \(d) is in no version state", vi: "mã băm \(d) của manifest không có trong state của phiên bản nào")
            }
        }
    }
}

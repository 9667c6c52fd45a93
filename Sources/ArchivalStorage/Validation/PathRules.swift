/// The OCFL rules for logical paths (E051–E053) and content paths (E098–E100), and for version names.
enum PathRules {
    /// What is wrong with a logical or content path: a leading/trailing slash (E053/E100), or an empty,
    /// `.` or `..` element (E052/E099). Compared by bytes, without building Strings.
    static func problems(_ p: UnsafeBufferPointer<UInt8>) -> (slash: Bool, element: Bool) {
        if p.isEmpty { return (false, true) }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let lead = p[0] == slash, trail = p[p.count - 1] == slash
        // The inner elements: skip one leading and one trailing empty element.
        var start = lead ? 1 : 0
        let stop = trail ? p.count - 1 : p.count
        if lead && trail && p.count == 1 { return (true, false) }
        var element = false
        while true {
            var end = start
            while end < stop, p[end] != slash { end += 1 }
            let n = end - start
            if n == 0 || (n == 1 && p[start] == dot) || (n == 2 && p[start] == dot && p[start + 1] == dot) { element = true; break }
            if end >= stop { break }
            start = end + 1
        }
        return (lead || trail, element)
    }

    /// The codes for `problems` of `p`.
    static func problems(_ p: UnsafeBufferPointer<UInt8>, elementCode: String, slashCode: String) -> [String] {
        let found = problems(p)
        return (found.slash ? [slashCode] : []) + (found.element ? [elementCode] : [])
    }

    /// The path nodes that repeat an earlier one or have another path as a directory prefix (E095, E101),
    /// compared by bytes. `index` holds `nodes` (first occurrence wins).
    static func conflicts(_ nodes: [UInt32], in tape: JSONTape, index: TapeStringIndex) -> [UInt32] {
        var found: [UInt32] = []
        if !index.lastWins && index.nodes == nodes {
            // First occurrence wins: exactly the ids that met an earlier equal key while indexing.
            found = index.repeatedIDs.map { nodes[$0] }
        } else {
            for (k, n) in nodes.enumerated() where index.find(node: Int(n), of: tape) != k { found.append(n) }
        }
        // Paths usually come grouped by folder: a prefix the previous path shares was already looked up.
        var previous: Int?
        for n in nodes {
            tape.withBytes(Int(n)) { p in
                var checked = 0
                if let previous {
                    tape.withBytes(previous) { q in
                        let limit = min(p.count, q.count)
                        while checked < limit, p[checked] == q[checked] { checked += 1 }
                    }
                }
                for i in 0..<p.count where p[i] == UInt8(ascii: "/") && i >= checked {
                    if index.find(UnsafeBufferPointer(rebasing: p[0..<i])) != nil { found.append(n) }
                }
            }
            if found.last != n { previous = Int(n) }
        }
        return found
    }

    /// Parses a version directory name `v<digits>`: the number and the digit count; `nil` when not of that form.
    static func versionNumber(_ name: String) -> (number: Int, width: Int)? {
        let u = Array(name.utf8)
        guard u.count >= 2, u[0] == UInt8(ascii: "v"), u.dropFirst().allSatisfy({ (0x30...0x39).contains($0) }), u.count <= 19 else { return nil }
        guard let n = Int(String(decoding: u.dropFirst(), as: UTF8.self)) else { return nil }
        return (n, u.count - 1)
    }

    /// True when `text` starts with a URI scheme (RFC 3986 `scheme:`).
    static func looksLikeURI(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < u.count else { return false }
        guard (0x41...0x5A).contains(u[0]) || (0x61...0x7A).contains(u[0]) else { return false }
        return u[1..<colon].allSatisfy { c in
            (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) || c == 0x2B || c == 0x2D || c == 0x2E
        }
    }

    /// RFC 3339 `date-time`: full date, `T`, time to the second, optional fraction, `Z` or `±hh:mm`.
    static func isRFC3339(_ text: String) -> Bool {
        let u = Array(text.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.upperBound <= u.count && u[r].allSatisfy { (0x30...0x39).contains($0) } }
        guard u.count >= 20, digits(0..<4), u[4] == 0x2D, digits(5..<7), u[7] == 0x2D, digits(8..<10),
              u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t"),
              digits(11..<13), u[13] == 0x3A, digits(14..<16), u[16] == 0x3A, digits(17..<19) else { return false }
        func num(_ r: Range<Int>) -> Int { Int(String(decoding: u[r], as: UTF8.self)) ?? 99 }
        guard (1...12).contains(num(5..<7)), (1...31).contains(num(8..<10)), num(11..<13) < 24, num(14..<16) < 60, num(17..<19) <= 60 else { return false }
        var i = 19
        if i < u.count, u[i] == 0x2E {
            i += 1
            let s = i
            while i < u.count, (0x30...0x39).contains(u[i]) { i += 1 }
            if i == s { return false }
        }
        guard i < u.count else { return false }
        if u[i] == UInt8(ascii: "Z") || u[i] == UInt8(ascii: "z") { return i + 1 == u.count }
        guard u[i] == 0x2B || u[i] == 0x2D, i + 6 == u.count, digits(i + 1..<i + 3), u[i + 3] == 0x3A, digits(i + 4..<i + 6) else { return false }
        return num(i + 1..<i + 3) < 24 && num(i + 4..<i + 6) < 60
    }

    /// True when `digest` is hexadecimal of the right length for `algorithm` (unknown algorithms: any hex).
    static func isDigest(_ digest: String, algorithm: String) -> Bool {
        var d = digest
        return d.withUTF8 { isDigest($0, algorithm: algorithm) }
    }

    private static let digestLengths: [String: Int] = ["md5": 32, "sha1": 40, "sha256": 64, "sha512": 128, "blake2b-512": 128, "blake2b-160": 40, "blake2b-256": 64, "blake2b-384": 96, "sha512/256": 64]

    /// `isDigest` over bytes.
    static func isDigest(_ u: UnsafeBufferPointer<UInt8>, algorithm: String) -> Bool {
        isDigest(u, length: digestLength(algorithm))
    }

    /// The hex length of `algorithm`'s digests; `nil` for an algorithm of unknown length.
    static func digestLength(_ algorithm: String) -> Int? { digestLengths[algorithm] }

    /// `isDigest` with the algorithm's length looked up once by the caller (one per manifest, not per key).
    static func isDigest(_ u: UnsafeBufferPointer<UInt8>, length: Int?) -> Bool {
        guard !u.isEmpty else { return false }
        if let n = length, u.count != n { return false }
        // Branch-free over the bytes (a manifest holds millions of digest characters): a digit, or a letter a–f
        // in either case (0x20 folds ASCII letters to lower case).
        var bad: UInt8 = 0
        for c in u {
            let digit = (c &- 0x30) < 10
            let letter = ((c | 0x20) &- 0x61) < 6
            bad |= (digit || letter) ? 0 : 1
        }
        return bad == 0
    }
}

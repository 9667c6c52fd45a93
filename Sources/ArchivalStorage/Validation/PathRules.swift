/// The OCFL rules for logical paths (E051–E053) and content paths (E098–E100), and for version names.
enum PathRules {
    /// The problem codes for a logical or content path: the "element" code and the "slash" code.
    static func problems(_ path: String, elementCode: String, slashCode: String) -> [String] {
        var codes: [String] = []
        if path.hasPrefix("/") || path.hasSuffix("/") { codes.append(slashCode) }
        let trimmed = path.utf8.count > 0 ? path : ""
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let inner = segments.dropFirst(path.hasPrefix("/") ? 1 : 0).dropLast(path.hasSuffix("/") ? 1 : 0)
        if path.isEmpty || inner.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) { codes.append(elementCode) }
        return codes
    }

    /// Pairs of paths where one equals or is a directory prefix of another (E095, E101), compared by bytes.
    static func conflicts(_ paths: [String]) -> [String] {
        var set = Set<PathKey>(minimumCapacity: paths.count)
        var duplicates: [String] = []
        for p in paths where !set.insert(PathKey(p)).inserted { duplicates.append(p) }
        for p in paths {
            let utf8 = p.utf8
            var i = utf8.startIndex
            while let slash = utf8[i...].firstIndex(of: UInt8(ascii: "/")) {
                if let prefix = String(utf8[..<slash]), set.contains(PathKey(prefix)) { duplicates.append(p) }
                i = utf8.index(after: slash)
            }
        }
        return duplicates
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
        let u = Array(digest.utf8)
        guard !u.isEmpty, u.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) }) else { return false }
        let lengths: [String: Int] = ["md5": 32, "sha1": 40, "sha256": 64, "sha512": 128, "blake2b-512": 128, "blake2b-160": 40, "blake2b-256": 64, "blake2b-384": 96, "sha512/256": 64]
        if let n = lengths[algorithm] { return u.count == n }
        return true
    }
}

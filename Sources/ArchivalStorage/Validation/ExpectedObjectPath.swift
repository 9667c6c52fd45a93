import KhoCore

/// Where the registered layout extensions put an object id, for the E083 check (0002 flat-direct, 0004 hashed n-tuple).
enum ExpectedObjectPath {
    /// The expected object path for `id`, or `nil` when the layout is not one Kho can compute.
    static func path(for id: String, extension ext: String, config: JSONValue?) -> String? {
        switch ext {
        case "0002-flat-direct-storage-layout":
            return id
        case "0004-hashed-n-tuple-storage-layout":
            let algorithmName = config?["digestAlgorithm"]?.stringValue ?? "sha256"
            guard let algorithm = DigestAlgorithmName.parse(algorithmName) else { return nil }
            let tupleSize = number(config?["tupleSize"]) ?? 3
            let tuples = number(config?["numberOfTuples"]) ?? 3
            let short = config?["shortObjectRoot"] == .bool(true)
            let digest = Array(algorithm.digest(Array(id.utf8)))
            guard tupleSize * tuples <= digest.count else { return nil }
            var parts: [String] = []
            for i in 0..<tuples { parts.append(String(digest[i * tupleSize..<(i + 1) * tupleSize])) }
            parts.append(short && tupleSize * tuples < digest.count ? String(digest[(tupleSize * tuples)...]) : String(digest))
            return parts.joined(separator: "/")
        default:
            return nil
        }
    }

    private static func number(_ value: JSONValue?) -> Int? {
        if case let .number(n)? = value, n >= 0, n == n.rounded() { return Int(n) }
        return nil
    }
}

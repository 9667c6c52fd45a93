extension Inventory {
    /// The inventory as it stood when `version` was head: later versions, and the manifest and fixity entries of
    /// their content, left out. For an object Kho wrote (stable JSON), `encoded()` of the result gives the bytes of
    /// that version's `inventory.json`, which tells a damaged version inventory from a damaged sidecar.
    func asOf(version: String) -> Inventory? {
        guard let limit = Self.versionNumber(version), versions[version] != nil else { return nil }
        func kept(_ contentPath: String) -> Bool {
            let first = contentPath.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            return (Self.versionNumber(first) ?? Int.max) <= limit
        }
        func filter(_ map: [String: [String]]) -> [String: [String]] {
            var result: [String: [String]] = [:]
            for (digest, paths) in map {
                let left = paths.filter(kept)
                if !left.isEmpty { result[digest] = left }
            }
            return result
        }
        var copy = self
        copy.head = version
        copy.versions = versions.filter { (Self.versionNumber($0.key) ?? Int.max) <= limit }
        copy.manifest = filter(manifest)
        if let fixity {
            let kept = fixity.mapValues(filter).filter { !$0.value.isEmpty }
            copy.fixity = kept.isEmpty ? nil : kept
        }
        return copy
    }
}

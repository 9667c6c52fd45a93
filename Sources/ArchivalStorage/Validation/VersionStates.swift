/// The version states of the root inventory in the form the comparison with older inventories needs (E066):
/// for each version, logical path → digest, with paths and digests each stored once for all versions. An
/// object of 20,000 files and 10 versions holds ~2 MB here instead of the ~45 MB of JSON its states take.
struct VersionStates: Sendable {
    /// One version's state.
    struct State: Sendable {
        /// Path id → digest id + 1 (0: not in this version); paths stored after this version was added are not in it.
        fileprivate var digestOfPath: [UInt32]
        /// Number of distinct logical paths.
        var distinct: Int
        /// The path ids, each once, in the order of its last entry (the order findings name them in).
        var order: [UInt32]

        /// The digest id of path `id`.
        func digest(_ id: UInt32) -> Int { Int(digestOfPath[Int(id)]) - 1 }
    }

    private(set) var paths = InternedBytes(expected: 1024)
    /// Digests compare ignoring ASCII case, as hex digests do.
    private(set) var digests = InternedBytes(expected: 1024, foldingCase: true)
    private var states: [String: State] = [:]

    /// Adds the state of `version` (a block of `tape`); for a repeated logical path the last entry wins.
    mutating func add(_ version: ParsedInventory.Version, of tape: JSONTape) {
        var pairs: [(path: Int, digest: Int)] = []
        pairs.reserveCapacity(version.state.entries.count)
        for entry in version.state.entries {
            let p = tape.withBytes(Int(entry.path)) { paths.intern($0) }
            let d = tape.withBytes(Int(entry.digest)) { digests.intern($0) }
            pairs.append((p, d))
        }
        // First the index of each path's last entry, then path → digest in that order.
        var last = [UInt32](repeating: UInt32.max, count: paths.count)
        for (i, pair) in pairs.enumerated() { last[pair.path] = UInt32(i) }
        var map = [UInt32](repeating: 0, count: paths.count)
        var order: [UInt32] = []
        for (i, pair) in pairs.enumerated() where last[pair.path] == UInt32(i) {
            map[pair.path] = UInt32(pair.digest + 1)
            order.append(UInt32(pair.path))
        }
        states[version.name] = State(digestOfPath: map, distinct: order.count, order: order)
    }

    /// The state of the version named `name`, when added.
    func state(_ name: String) -> State? { states[name] }

    /// The digest id that `state` gives the logical path `path`; `nil` when the path is not in it.
    func digest(of path: UnsafeBufferPointer<UInt8>, in state: State) -> Int? {
        guard let p = paths.find(path), p < state.digestOfPath.count else { return nil }
        let d = state.digestOfPath[p]
        return d == 0 ? nil : Int(d) - 1
    }
}

extension VersionStates {
    /// The path id of `path`, when a state names it.
    func pathID(_ path: UnsafeBufferPointer<UInt8>) -> Int? { paths.find(path) }

    /// The digest id that `state` gives path `id`; `nil` when the path is not in it.
    func digest(ofPath id: Int, in state: State) -> Int? {
        guard id < state.digestOfPath.count else { return nil }
        let d = state.digestOfPath[id]
        return d == 0 ? nil : Int(d) - 1
    }
}

/// An older inventory's version states in the root's terms, for comparing them with the root's (E066) once the
/// older document is gone: each distinct logical path as the root's path id, with its digest as the root's digest
/// id or, for a digest the root never names, an id of its own. About 8 bytes per path and version.
struct StatesAgainstRoot: Sendable {
    /// One version's state.
    struct State: Sendable {
        /// (root path id, digest) for each distinct logical path the root also names, in the order of its last entry;
        /// a digest at or above `foreignBase` is `foreign[digest - foreignBase]`.
        var entries: [(path: UInt32, digest: UInt32)] = []
        /// Whether some logical path is one the root's states never name.
        var foreignPaths = false
    }

    static let foreignBase = UInt32(1) << 31
    /// Digests the root's states never name (an error, or another digest algorithm).
    private(set) var foreign = InternedBytes(expected: 16, foldingCase: true)
    private var states: [String: State] = [:]

    /// Adds the state of `version` (a block of `tape`), looked up in `root`; a repeated path's last entry wins.
    mutating func add(_ version: ParsedInventory.Version, of tape: JSONTape, root: VersionStates) {
        var state = State()
        var pairs: [(path: UInt32, digest: UInt32)] = []
        pairs.reserveCapacity(version.state.entries.count)
        for entry in version.state.entries {
            guard let p = tape.withBytes(Int(entry.path), { root.pathID($0) }) else {
                state.foreignPaths = true
                continue
            }
            let d = tape.withBytes(Int(entry.digest)) { bytes in
                root.digests.find(bytes).map { UInt32($0) } ?? Self.foreignBase + UInt32(foreign.intern(bytes))
            }
            pairs.append((UInt32(p), d))
        }
        var last = [Int32](repeating: -1, count: root.paths.count)
        for (i, pair) in pairs.enumerated() { last[Int(pair.path)] = Int32(i) }
        state.entries.reserveCapacity(pairs.count)
        for (i, pair) in pairs.enumerated() where last[Int(pair.path)] == Int32(i) { state.entries.append(pair) }
        states[version.name] = state
    }

    /// The state of the version named `name`, when added.
    func state(_ name: String) -> State? { states[name] }

    /// The digest `id` as written (lower-cased), from `root` or from the foreign ones.
    func digestString(_ id: UInt32, root: VersionStates) -> String {
        id >= Self.foreignBase ? foreign.string(Int(id - Self.foreignBase)) : root.digests.string(Int(id))
    }
}

/// The version states of the root inventory in the form the comparison with older inventories needs (E066):
/// for each version, logical path → digest, with paths and digests each stored once for all versions. An
/// object of 20,000 files and 10 versions holds ~8 MB here instead of the ~45 MB of JSON its states take.
struct VersionStates: Sendable {
    /// One version's state.
    struct State: Sendable {
        /// Path id → digest id + 1 (0: not in this version); paths stored after this version was added are not in it.
        fileprivate var digestOfPath: [UInt32]
        /// Number of distinct logical paths.
        var distinct: Int
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
        var map = [UInt32](repeating: 0, count: paths.count)
        var distinct = 0
        for (p, d) in pairs {
            if map[p] == 0 { distinct += 1 }
            map[p] = UInt32(d + 1)
        }
        states[version.name] = State(digestOfPath: map, distinct: distinct)
    }

    /// The state of the version named `name`, when added.
    func state(_ name: String) -> State? { states[name] }

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

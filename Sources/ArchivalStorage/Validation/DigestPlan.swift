import KhoCore

/// Every digest the inventories claim for each content path (manifest and fixity, root and version
/// inventories), gathered one inventory at a time so that none has to stay in memory: paths and lower-cased
/// digests are copied into one byte arena, ~250 bytes per file for sha512 + sha256.
struct DigestPlan: Sendable {
    /// One content path to hash, and the chain of claims about it.
    struct Job: Sendable {
        var pathStart: UInt32
        var pathEnd: UInt32
        var firstClaim: Int32 = -1
        var lastClaim: Int32 = -1
        /// The algorithms its claims need, as a bit set over `DigestAlgorithm.allCases`.
        var algorithms: UInt8 = 0
    }

    /// One digest an inventory claims for a path.
    struct Claim: Sendable {
        var next: Int32 = -1
        /// The job (path) it is about.
        var job: Int32
        var digestStart: UInt32
        var digestEnd: UInt32
        var algorithm: DigestAlgorithm
        /// E092 (manifest) or E093 (fixity).
        var code: String
        /// Index into `sources`, e.g. `v1/inventory.json manifest`.
        var source: UInt16
    }

    private(set) var arena: [UInt8] = []
    private(set) var jobs: [Job] = []
    private(set) var claims: [Claim] = []
    private(set) var sources: [String] = []
    /// Fixity algorithms Kho cannot compute: (inventory label, algorithm), reported with the digest results.
    private(set) var unchecked: [(label: String, algorithm: String)] = []
    private var index = ByteKeyIndex(expected: 1024)

    /// Adds the claims of `inventory` (found at `label`); a claim equal to one already made (same algorithm,
    /// code and digest ignoring case) is kept once, with its first source.
    mutating func add(_ inventory: ParsedInventory, label: String, fixity: Bool = true) {
        guard inventory.usable, let tape = inventory.tape else { return }
        add(inventory.claims, of: tape, label: label, fixity: fixity)
    }

    /// Adds `claims`, read from `tape`, as made by the inventory at `label`.
    mutating func add(_ claims: DigestClaims, of tape: JSONTape, label: String, fixity: Bool = true) {
        if let name = claims.digestAlgorithm, let algorithm = DigestAlgorithmName.parse(name) {
            let source = sourceIndex("\(label) manifest")
            for entry in claims.manifest.entries {
                claim(tape, entry, algorithm, "E092", source)
            }
        }
        for block in claims.fixity where fixity {
            guard let algorithm = DigestAlgorithmName.parse(block.algorithm) else {
                unchecked.append((label, block.algorithm))
                continue
            }
            let source = sourceIndex("\(label) fixity.\(block.algorithm)")
            for entry in block.block.entries {
                claim(tape, entry, algorithm, "E093", source)
            }
        }
    }

    /// Records only the fixity algorithms of `inventory` that cannot be checked (for a byte-identical copy of an
    /// inventory already added, whose claims are all in).
    mutating func addUnchecked(_ inventory: ParsedInventory, label: String, fixity: Bool = true) {
        guard inventory.usable, fixity else { return }
        for block in inventory.fixity where DigestAlgorithmName.parse(block.algorithm) == nil {
            unchecked.append((label, block.algorithm))
        }
    }

    private mutating func sourceIndex(_ label: String) -> UInt16 {
        if let i = sources.firstIndex(of: label) { return UInt16(i) }
        sources.append(label)
        return UInt16(sources.count - 1)
    }

    private mutating func claim(_ tape: JSONTape, _ entry: ParsedInventory.PathBlock.Entry, _ algorithm: DigestAlgorithm, _ code: String, _ source: UInt16) {
        let job = tape.withBytes(Int(entry.path)) { jobIndex(for: $0) }
        let bit = UInt8(1) << UInt8(DigestAlgorithm.allCases.firstIndex(of: algorithm) ?? 0)
        // Already claimed? (Walk this path's short chain of claims.)
        var c = jobs[job].firstClaim
        while c >= 0 {
            let existing = claims[Int(c)]
            if existing.algorithm == algorithm, existing.code == code {
                let same = tape.withBytes(Int(entry.digest)) { d in
                    arena.withUnsafeBufferPointer { a in
                        JSONTape.asciiCaseInsensitiveEqual(UnsafeBufferPointer(rebasing: a[Int(existing.digestStart)..<Int(existing.digestEnd)]), d)
                    }
                }
                if same { return }
            }
            c = existing.next
        }
        let start = UInt32(arena.count)
        tape.withBytes(Int(entry.digest)) { d in for b in d { arena.append(JSONTape.lower(b)) } }
        let id = Int32(claims.count)
        claims.append(Claim(job: Int32(job), digestStart: start, digestEnd: UInt32(arena.count), algorithm: algorithm, code: code, source: source))
        if jobs[job].lastClaim >= 0 { claims[Int(jobs[job].lastClaim)].next = id } else { jobs[job].firstClaim = id }
        jobs[job].lastClaim = id
        jobs[job].algorithms |= bit
    }

    /// The job for `path`, created (in first-claim order) when new.
    private mutating func jobIndex(for path: UnsafeBufferPointer<UInt8>) -> Int {
        let h = ByteKeyIndex.hash(path)
        let found: Int?
        do {
            // Local references end with this block, so the arena is uniquely owned again when appended to.
            let a = arena, js = jobs
            found = index.find(hash: h) { j in Self.bytes(a, js[j].pathStart, js[j].pathEnd) { Bytes.equal($0, path) } }
        }
        if let found { return found }
        let start = UInt32(arena.count)
        arena.append(contentsOf: path)
        jobs.append(Job(pathStart: start, pathEnd: UInt32(arena.count)))
        index.insert(jobs.count - 1, hash: h) { _ in false }
        return jobs.count - 1
    }

    private static func bytes<R>(_ arena: [UInt8], _ start: UInt32, _ end: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)])) }
    }

    /// Calls `body` with the path bytes of job `j`.
    func withPath<R>(_ j: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { Self.bytes(arena, jobs[j].pathStart, jobs[j].pathEnd, body) }

    /// The path of job `j`.
    func path(_ j: Int) -> String { withPath(j) { String(decoding: $0, as: UTF8.self) } }

    /// The lower-case hex digest of claim `c`.
    func digest(_ c: Int) -> String { Self.bytes(arena, claims[c].digestStart, claims[c].digestEnd) { String(decoding: $0, as: UTF8.self) } }

    /// The claims of job `j`, in the order made.
    func claims(of j: Int) -> [Int] {
        var out: [Int] = []
        var c = jobs[j].firstClaim
        while c >= 0 { out.append(Int(c)); c = claims[Int(c)].next }
        return out
    }

    /// True when claim `c` equals the hex digest `computed` (lower case).
    func matches(_ c: Int, _ computed: UnsafeBufferPointer<UInt8>) -> Bool {
        Self.bytes(arena, claims[c].digestStart, claims[c].digestEnd) { Bytes.equal($0, computed) }
    }
}

extension DigestAlgorithm {
    /// The algorithms of a `DigestPlan.Job.algorithms` bit set.
    static func from(bits: UInt8) -> [DigestAlgorithm] {
        allCases.enumerated().filter { bits & (1 << UInt8($0.offset)) != 0 }.map(\.element)
    }
}

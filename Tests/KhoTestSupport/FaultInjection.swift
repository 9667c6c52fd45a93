import Foundation
import KhoCore

/// One fault put on disk by `FaultInjector`: where, what was done, and the damage a fixity check must report.
public struct InjectedFault: Sendable, Hashable, CustomStringConvertible {
    /// What was done to the file.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case bitFlip, truncation, deletion, extraFile, editedInventory, deletedInventory, editedSidecar, malformedSidecar, deletedSidecar
    }

    /// The storage root damaged.
    public var root: String
    /// The object folder, relative to the root.
    public var objectPath: String
    /// The file, relative to the object folder.
    public var path: String
    public var action: Action
    /// The `DamageKind` raw value a checker must report for it (`altered`, `truncated`, `missing`, `unexpected`,
    /// `inventoryDamaged`, `sidecarDamaged`).
    public var expectedKind: String

    public var description: String { "\(action.rawValue) \(expectedKind) \(root) \(objectPath) \(path)" }
}

/// Seeded random damage across several storage roots holding the same objects (same layout, same relative object
/// folders): bit flips, truncations, deletions, extra files, edited or deleted inventories, edited, malformed or
/// deleted sidecars. Records every fault.
///
/// Rules that keep every fault detectable and healable: a file is damaged in at most `roots.count - 1` roots (never
/// every copy); a file is damaged at most once per root; each object copy gets at most one inventory-or-sidecar fault
/// (with two, a copy could not tell which of its own records is the true one).
public struct FaultInjector {
    private var random: SeededRandom

    /// An injector whose choices follow `seed`.
    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// Puts `count` faults into the object folders `objects` (relative to each root) of `roots`.
    public mutating func inject(count: Int, roots: [String], objects: [String]) throws -> [InjectedFault] {
        precondition(roots.count >= 2, "at least two roots, so one copy of everything stays intact")
        var targets: [(object: String, path: String, isContent: Bool, size: Int)] = []
        for object in objects {
            let folder = roots[0] + "/" + object
            for relative in try DirectoryWalker.files(under: folder) {
                let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + relative)[.size] as? Int) ?? 0
                let isContent = relative.contains("/content/")
                let isInventoryFile = relative.hasSuffix("inventory.json") || relative.hasSuffix("inventory.json.sha512")
                if isContent || isInventoryFile { targets.append((object, relative, isContent, size)) }
            }
        }
        var damagedCopies: [String: Int] = [:]      // object + path → roots damaged
        var touched: Set<String> = []               // root + object + path
        var inventoryFaults: Set<String> = []       // root + object
        var faults: [InjectedFault] = []
        var attempts = 0
        while faults.count < count {
            attempts += 1
            guard attempts < count * 200 else { break }
            let root = roots[random.below(roots.count)]
            let roll = random.below(100)
            if roll < 8 {
                let object = objects[random.below(objects.count)]
                faults.append(try extraFile(root: root, object: object))
                continue
            }
            let target = targets[random.below(targets.count)]
            let thing = target.object + "\u{0}" + target.path
            let copyKey = root + "\u{0}" + thing
            guard damagedCopies[thing, default: 0] < roots.count - 1, !touched.contains(copyKey) else { continue }
            let file = root + "/" + target.object + "/" + target.path
            let fault: InjectedFault
            if target.isContent {
                fault = try damageContent(file, root: root, object: target.object, path: target.path, size: target.size)
            } else {
                let objectKey = root + "\u{0}" + target.object
                guard !inventoryFaults.contains(objectKey) else { continue }
                inventoryFaults.insert(objectKey)
                fault = try damageInventoryFile(file, root: root, object: target.object, path: target.path)
            }
            damagedCopies[thing, default: 0] += 1
            touched.insert(copyKey)
            faults.append(fault)
        }
        return faults
    }

    /// Flips one bit in every copy of `path` (relative to each object folder in `objectRoots`): nothing left to heal
    /// from. Each fault's `root` is the object folder given and its `objectPath` is empty.
    public mutating func damageEveryCopy(of path: String, objectRoots: [String]) throws -> [InjectedFault] {
        try objectRoots.map { objectRoot in
            try flipBit(objectRoot + "/" + path)
            return InjectedFault(root: objectRoot, objectPath: "", path: path, action: .bitFlip, expectedKind: "altered")
        }
    }

    private mutating func damageContent(_ file: String, root: String, object: String, path: String, size: Int) throws -> InjectedFault {
        let roll = random.below(3)
        if roll == 0, size > 1 {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
            try handle.truncate(atOffset: UInt64(random.below(size)))
            try handle.close()
            return InjectedFault(root: root, objectPath: object, path: path, action: .truncation, expectedKind: "truncated")
        }
        if roll == 1 {
            try FileManager.default.removeItem(atPath: file)
            return InjectedFault(root: root, objectPath: object, path: path, action: .deletion, expectedKind: "missing")
        }
        try flipBit(file)
        return InjectedFault(root: root, objectPath: object, path: path, action: .bitFlip, expectedKind: "altered")
    }

    private mutating func damageInventoryFile(_ file: String, root: String, object: String, path: String) throws -> InjectedFault {
        let isSidecar = path.hasSuffix(".sha512")
        let roll = random.below(3)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        if isSidecar {
            switch roll {
            case 0:
                // A wrong but well-formed digest: one hex digit changed.
                let index = random.below(128)
                bytes[index] = bytes[index] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
                try Data(bytes).write(to: URL(fileURLWithPath: file))
                return InjectedFault(root: root, objectPath: object, path: path, action: .editedSidecar, expectedKind: "sidecarDamaged")
            case 1:
                try Data(bytes.prefix(40)).write(to: URL(fileURLWithPath: file))
                return InjectedFault(root: root, objectPath: object, path: path, action: .malformedSidecar, expectedKind: "sidecarDamaged")
            default:
                try FileManager.default.removeItem(atPath: file)
                return InjectedFault(root: root, objectPath: object, path: path, action: .deletedSidecar, expectedKind: "sidecarDamaged")
            }
        }
        switch roll {
        case 0:
            // Still valid JSON: a digit or lower-case letter inside the document replaced by another.
            let candidates = bytes.indices.filter { (0x30...0x39).contains(bytes[$0]) || (0x61...0x66).contains(bytes[$0]) }
            let index = candidates[random.below(candidates.count)]
            bytes[index] = bytes[index] == UInt8(ascii: "7") ? UInt8(ascii: "8") : UInt8(ascii: "7")
        case 1:
            // Broken JSON: a cut in the middle.
            bytes = Array(bytes.prefix(bytes.count / 2))
        default:
            try FileManager.default.removeItem(atPath: file)
            return InjectedFault(root: root, objectPath: object, path: path, action: .deletedInventory, expectedKind: "inventoryDamaged")
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return InjectedFault(root: root, objectPath: object, path: path, action: .editedInventory, expectedKind: "inventoryDamaged")
    }

    /// A new file in a content folder of the object (or, once in five, in the object folder itself).
    private mutating func extraFile(root: String, object: String) throws -> InjectedFault {
        let folder = root + "/" + object
        let contentFolders = try DirectoryWalker.entries(under: folder)
            .filter { $0.kind == .directory && $0.relativePath.contains("/content") }.map(\.relativePath)
        let parent = contentFolders.isEmpty || random.below(5) == 0 ? "" : contentFolders[random.below(contentFolders.count)] + "/"
        let path = parent + "lạ-\(random.next() % 1_000_000_000).bin"
        var bytes = [UInt8](repeating: 0, count: 1 + random.below(300))
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: random.next()) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + path))
        return InjectedFault(root: root, objectPath: object, path: path, action: .extraFile, expectedKind: "unexpected")
    }

    private mutating func flipBit(_ file: String) throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        guard !bytes.isEmpty else {
            try Data([0x01]).write(to: URL(fileURLWithPath: file))
            return
        }
        let index = random.below(bytes.count)
        bytes[index] ^= UInt8(1) << UInt8(random.below(8))
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }
}

/// SplitMix64: small, fast and the same on every machine, so a failing seed can be replayed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}

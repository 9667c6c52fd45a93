import ArchivalStorage
import Foundation
import KhoCore

/// One OCFL storage root of the home, by the name the catalogue uses (`primary` or the replica's name).
public struct NamedRoot: Sendable {
    /// `primary` or the replica's name.
    public var name: String
    /// The open root.
    public var root: OCFLStorageRoot

    public init(name: String, root: OCFLStorageRoot) {
        self.name = name
        self.root = root
    }
}

/// The roots of a home: the primary and every configured replica that can be reached.
public struct StorageRoots: Sendable {
    /// Primary first, then replicas in configuration order.
    public var roots: [NamedRoot]
    /// Replicas that could not be opened (unmounted disk, not an OCFL root), with why.
    public var unreachable: [(name: String, path: String, error: String)]

    /// The primary root.
    public var primary: NamedRoot { roots[0] }

    /// Opens the primary root and every replica of `configuration`.
    public static func open(primary: OCFLStorageRoot, configuration: HomeConfiguration) -> StorageRoots {
        var roots = [NamedRoot(name: RootName.primary, root: primary)]
        var unreachable: [(String, String, String)] = []
        for replica in configuration.replicas {
            do {
                guard FileManager.default.fileExists(atPath: replica.path + "/0=ocfl_1.1")
                    || FileManager.default.fileExists(atPath: replica.path + "/0=ocfl_1.0") else {
                    unreachable.append((replica.name, replica.path, "không thấy gốc OCFL / no OCFL storage root there"))
                    continue
                }
                roots.append(NamedRoot(name: replica.name, root: try OCFLStorageRoot.open(at: replica.path)))
            } catch {
                unreachable.append((replica.name, replica.path, error.description))
            }
        }
        return StorageRoots(roots: roots, unreachable: unreachable)
    }

    /// The root named `name`.
    public func root(named name: String) -> NamedRoot? { roots.first { $0.name == name } }
}

/// The objects a sweep or repair covers: every object any root or the catalogue knows, and where each root
/// keeps it (found through the root's layout, so an object whose inventory is destroyed is still found).
public enum ObjectCensus {
    /// `known` ids (the catalogue's) plus those of any other object folder in the roots, read from its
    /// inventory (unreadable ones skipped). Folders the layout already places for a known id are not read.
    public static func objectIDs(in roots: [NamedRoot], known: [String]) -> [String] {
        var ids = Set(known)
        for named in roots {
            guard let folders = try? named.root.objectFolders() else { continue }
            let placed = Set(ids.compactMap { try? named.root.objectPath(for: $0) })
            for folder in folders where !placed.contains(named.root.path + "/" + folder) {
                if let id = readID(objectRoot: named.root.path + "/" + folder) { ids.insert(id) }
            }
        }
        return ids.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// The object's id from its root inventory, else from its newest version inventory.
    static func readID(objectRoot: String) -> String? {
        var candidates = [objectRoot + "/inventory.json"]
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: objectRoot) {
            let versions = entries.filter { $0.hasPrefix("v") && Int($0.dropFirst()) != nil }
                .sorted { (Int($0.dropFirst()) ?? 0) > (Int($1.dropFirst()) ?? 0) }
            candidates += versions.map { objectRoot + "/" + $0 + "/inventory.json" }
        }
        for file in candidates {
            if let id = try? Inventory.objectID(inventoryAt: file) { return id }
        }
        return nil
    }
}

import DataManagement
import Foundation

/// The order in which a sweep visits (root, object) pairs, and which it can skip because the sweep it
/// resumes already checked them.
public enum SweepPlan {
    /// `pairs` minus `done`, ordered: stale first (never checked, then oldest check) when asked, else by
    /// root (primary first, replicas in configuration order) then object id.
    public static func order(_ pairs: [RootObject], done: Set<RootObject>, lastChecked: [RootObject: String],
                             staleFirst: Bool, rootOrder: [String]) -> [RootObject] {
        let rank = Dictionary(rootOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let natural: (RootObject, RootObject) -> Bool = { a, b in
            let ra = rank[a.rootName] ?? Int.max, rb = rank[b.rootName] ?? Int.max
            if ra != rb { return ra < rb }
            return a.objectID.utf8.lexicographicallyPrecedes(b.objectID.utf8)
        }
        let remaining = pairs.filter { !done.contains($0) }
        guard staleFirst else { return remaining.sorted(by: natural) }
        return remaining.sorted { a, b in
            switch (lastChecked[a], lastChecked[b]) {
            case (nil, nil): return natural(a, b)
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x != y ? x < y : natural(a, b)
            }
        }
    }
}

import Foundation

/// Unicode rules for names (DESIGN.md invariant 5): keep the producer's bytes, compare by NFC.
///
/// Beware: Swift `String` equality and hashing already use canonical equivalence, so "é" (NFC) and
/// "e\u{301}" (NFD) are the same dictionary key. Where the exact bytes matter, compare `utf8` views.
public enum UnicodeNames {
    /// The NFC form used as a comparison and index key.
    public static func nfcKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping
    }

    /// True when two names have exactly the same bytes (not merely canonically equivalent).
    public static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// Groups of names that are byte-different but equal under NFC; empty when there is no collision.
    public static func nfcCollisions(_ names: some Sequence<String>) -> [[String]] {
        var groups: [[UInt8]: [String]] = [:]
        var order: [[UInt8]] = []
        for name in names {
            let key = Array(nfcKey(name).utf8)
            if groups[key] == nil { order.append(key) }
            if !(groups[key]?.contains { sameBytes($0, name) } ?? false) {
                groups[key, default: []].append(name)
            }
        }
        return order.compactMap { key in
            guard let group = groups[key], group.count > 1 else { return nil }
            return group
        }
    }
}

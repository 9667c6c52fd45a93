/// The version blocks of an object's current inventory other than the head, kept out of memory while the next
/// version is committed: they go into the next inventory unchanged, so they are never decoded into dictionaries.
struct PriorVersionBlocks: Sendable {
    /// One block: where its bytes lie in `file` (when they are exactly what Kho writes there), or its encoded
    /// bytes (an inventory written by another tool, with other indentation or order).
    enum Block: Sendable {
        case range(Range<Int>)
        case bytes([UInt8])
    }

    /// The inventory file the ranges point into (the object's root `inventory.json`, unchanged until publish).
    let file: String
    /// Version name → block.
    var blocks: [String: Block] = [:]
}

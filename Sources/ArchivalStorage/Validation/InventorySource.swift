/// Where an inventory's bytes come from: read whole, or split (large inventories).
struct InventorySource: Sendable {
    let path: String
    /// The file, when read whole.
    let bytes: [UInt8]?
    /// The file in parts, when large.
    let split: InventorySplit?

    /// Opens the inventory at `path`: split from `splitFrom` bytes on when laid out as expected, else read whole;
    /// `nil` when unreadable.
    init?(path: String, splitFrom: Int = InventorySplit.minimumSize) {
        self.path = path
        if let split = InventorySplit.scan(path, minimumSize: splitFrom) {
            self.split = split
            bytes = nil
        } else if let bytes = DirectoryListing.readFile(path) {
            self.bytes = bytes
            split = nil
        } else {
            return nil
        }
    }

    /// The whole file (read now when split).
    func wholeBytes() -> [UInt8]? { bytes ?? DirectoryListing.readFile(path) }
}

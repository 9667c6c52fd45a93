import Foundation

/// JSONSerialization numbers arrive as NSNumber; this lets layout configs read them as integers.
protocol NSNumberLike {
    /// The value as an integer.
    var intValue: Int { get }
}

extension NSNumber: NSNumberLike {}
extension Int: NSNumberLike {
    var intValue: Int { self }
}

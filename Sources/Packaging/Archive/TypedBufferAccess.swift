import Foundation

// `withUnsafe…Bytes` are `rethrows`, which erases typed throws; these keep `ArchiveError` typed.

extension Array where Element == UInt8 {
    /// `withUnsafeMutableBytes` with a body that throws `ArchiveError`.
    mutating func withMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws(ArchiveError) -> R) throws(ArchiveError) -> R {
        let result = withUnsafeMutableBytes { raw in Result { () throws(ArchiveError) -> R in try body(raw) } }
        return try result.get()
    }

    /// `withUnsafeBytes` with a body that throws `ArchiveError`.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws(ArchiveError) -> R) throws(ArchiveError) -> R {
        let result = withUnsafeBytes { raw in Result { () throws(ArchiveError) -> R in try body(raw) } }
        return try result.get()
    }
}

extension Data {
    /// `withUnsafeBytes` with a body that throws `ArchiveError`.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws(ArchiveError) -> R) throws(ArchiveError) -> R {
        let result = withUnsafeBytes { raw in Result { () throws(ArchiveError) -> R in try body(raw) } }
        return try result.get()
    }
}

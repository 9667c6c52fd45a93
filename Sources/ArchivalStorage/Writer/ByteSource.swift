import Foundation

/// Where the bytes of a new file come from: a file on disk (streamed) or bytes already in memory.
public enum ByteSource: Sendable {
    /// A regular file, read once while it is copied and hashed.
    case file(String)
    /// Bytes held in memory (small generated documents such as METS or PREMIS).
    case data(Data)
}

import KhoCore

/// A file as a METS document declares it (`file/FLocat` or `mdRef`): where it is and what it should be.
public struct DeclaredFile: Sendable, Hashable {
    /// Package-relative path the reference resolves to.
    public var path: String
    /// Declared size in bytes, if the METS gave a readable `SIZE`.
    public var size: Int64?
    /// Declared digests (lower-case hex) by algorithm; usually one.
    public var digests: [DigestAlgorithm: String]
    /// The METS file that declares it (package-relative).
    public var declaredIn: String
    /// XPath of the declaring element inside that METS.
    public var location: String

    /// A declaration read from a METS element.
    public init(path: String, size: Int64?, digests: [DigestAlgorithm: String], declaredIn: String, location: String) {
        self.path = path
        self.size = size
        self.digests = digests
        self.declaredIn = declaredIn
        self.location = location
    }
}

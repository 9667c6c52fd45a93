/// A digest algorithm as named in OCFL inventories, BagIt manifests and METS `CHECKSUMTYPE`.
public enum DigestAlgorithm: String, Sendable, Hashable, Codable, CaseIterable {
    case md5
    case sha1
    case sha256
    case sha512

    /// Reads the names the standards use: OCFL/BagIt (`sha512`), METS (`SHA-512`), PREMIS (`SHA-256`).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "-", with: "") {
        case "md5": self = .md5
        case "sha1": self = .sha1
        case "sha256": self = .sha256
        case "sha512": self = .sha512
        default: return nil
        }
    }

    /// The METS `CHECKSUMTYPE` spelling.
    public var metsName: String {
        switch self {
        case .md5: "MD5"
        case .sha1: "SHA-1"
        case .sha256: "SHA-256"
        case .sha512: "SHA-512"
        }
    }

    /// Length of the hex digest.
    public var hexLength: Int {
        switch self {
        case .md5: 32
        case .sha1: 40
        case .sha256: 64
        case .sha512: 128
        }
    }
}

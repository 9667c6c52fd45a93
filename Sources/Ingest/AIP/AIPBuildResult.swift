/// What `AIPBuilder` hands to the OCFL writer: the payload to store from where it lies, and the
/// metadata files it wrote, each with its digests, so nothing is hashed twice.
public struct AIPBuildResult: Sendable, Hashable {
    /// A payload file: its logical path in the AIP and where the bytes are now.
    public struct PayloadEntry: Sendable, Hashable {
        /// Logical path inside the AIP.
        public var path: String
        /// Current location (the SIP work area); never copied by the builder.
        public var source: String
        /// Size in bytes.
        public var size: Int64
        /// SHA-256 hex.
        public var sha256: String
        /// SHA-512 hex, when the caller computed it.
        public var sha512: String?
    }

    /// A metadata file written by the builder into the output directory.
    public struct MetadataFile: Sendable, Hashable {
        /// Path relative to the output directory (= logical path in the AIP).
        public var path: String
        /// Size in bytes on disk.
        public var size: Int64
        /// SHA-256 hex (lower case) of the bytes on disk.
        public var sha256: String
        /// SHA-512 hex (lower case) of the bytes on disk (OCFL's digest).
        public var sha512: String
    }

    /// Payload, in the order of `AIPContent.files`.
    public var payload: [PayloadEntry]
    /// Metadata files in the order written (root `METS.xml` last).
    public var metadata: [MetadataFile]
}

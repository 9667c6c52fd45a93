/// What `kho sample sip` should write.
public struct SampleSIPOptions: Sendable, Hashable {
    /// Packages to write: TT05 SIP_hoso holds one dossier (hồ sơ) per package.
    public var dossiers: Int = 1
    /// Documents (tài liệu) per dossier.
    public var documents: Int = 3
    /// Seed: the same seed gives byte-identical packages.
    public var seed: UInt64 = 1
    /// Write each package as `<sequence><OBJID>.zip` instead of a folder.
    public var zip: Bool = false
    /// Add a scanned page image (baseline TIFF) to each document.
    public var images: Bool = false
    /// Make each PDF about this many bytes (padding stream), for benchmarks; nil keeps them small.
    public var payloadBytes: Int?

    /// Options with the defaults above.
    public init(dossiers: Int = 1, documents: Int = 3, seed: UInt64 = 1, zip: Bool = false, images: Bool = false, payloadBytes: Int? = nil) {
        self.dossiers = dossiers
        self.documents = documents
        self.seed = seed
        self.zip = zip
        self.images = images
        self.payloadBytes = payloadBytes
    }
}

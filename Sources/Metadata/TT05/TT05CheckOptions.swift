/// What kind of package a record is checked for, and which archive receives it.
public struct TT05CheckOptions: Sendable, Hashable {
    /// The package the record travels in.
    public enum Package: Sendable, Hashable {
        /// A submission (SIP_hoso / SIP_tailieu): dates must be full `DD/MM/YYYY`; `fileCode`/`docCode` expected.
        case sip
        /// An archival package: `MM/YYYY` and `YYYY` dates allowed; `arcFileCode`/`arcDocCode` expected.
        case aip
    }

    /// The package kind; `.sip` by default.
    public var package: Package
    /// True for the historical archive (the default): retention other than 01 Vĩnh viễn is an error.
    public var historicalArchive: Bool

    /// Creates options.
    public init(package: Package = .sip, historicalArchive: Bool = true) {
        self.package = package
        self.historicalArchive = historicalArchive
    }

    /// A SIP for the historical archive.
    public static let sip = TT05CheckOptions()
    /// An AIP of the historical archive.
    public static let aip = TT05CheckOptions(package: .aip)
}

/// Namespace URIs that Kho reads and writes, with the prefixes used in messages and XPath expressions.
public enum XMLNamespace {
    /// METS 1.12 (`mets:`).
    public static let mets = "http://www.loc.gov/METS/"
    /// XLink, used by METS `xlink:href` (`xlink:`).
    public static let xlink = "http://www.w3.org/1999/xlink"
    /// E-ARK CSIP extension to METS (`csip:`), e.g. `@csip:OAISPACKAGETYPE`.
    public static let csip = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
    /// E-ARK SIP extension to METS (`sip:`).
    public static let sip = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"
    /// PREMIS 3 (`premis:`).
    public static let premis = "http://www.loc.gov/premis/v3"
    /// XML Schema instance (`xsi:`), e.g. `@xsi:schemaLocation`.
    public static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    /// XML Schema itself (`xs:`).
    public static let xs = "http://www.w3.org/2001/XMLSchema"
    /// Dublin Core elements 1.1 (`dc:`).
    public static let dc = "http://purl.org/dc/elements/1.1/"
    /// The `xml:` namespace (`xml:lang`, `xml:base`); bound implicitly in every document.
    public static let xml = "http://www.w3.org/XML/1998/namespace"

    /// Prefix → URI for every namespace above; the default for `XMLDocument.elements(xpath:namespaces:)`.
    public static let standardPrefixes: [String: String] = [
        "mets": mets, "xlink": xlink, "csip": csip, "sip": sip,
        "premis": premis, "xsi": xsi, "xs": xs, "dc": dc,
    ]

    /// The conventional prefix for a well-known namespace URI, used when building XPath locations.
    public static func preferredPrefix(for uri: String) -> String? {
        switch uri {
        case mets: "mets"
        case xlink: "xlink"
        case csip: "csip"
        case sip: "sip"
        case premis: "premis"
        case xsi: "xsi"
        case xs: "xs"
        case dc: "dc"
        case xml: "xml"
        default: nil
        }
    }
}

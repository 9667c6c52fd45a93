/// One `xs:import` of a driver schema: a namespace and the public location a catalog maps to a local file.
public struct XMLSchemaImport: Sendable, Hashable {
    /// The target namespace of the imported schema.
    public var namespace: String
    /// Its public `schemaLocation` (resolved through the catalog, never fetched).
    public var location: String

    /// Creates an import of `location` for `namespace`.
    public init(namespace: String, location: String) {
        self.namespace = namespace
        self.location = location
    }

    /// METS 1.12.1 (`mets.xsd`).
    public static let mets = XMLSchemaImport(namespace: XMLNamespace.mets, location: "http://www.loc.gov/standards/mets/mets.xsd")
    /// PREMIS 3.0.
    public static let premis3 = XMLSchemaImport(namespace: XMLNamespace.premis, location: "http://www.loc.gov/standards/premis/v3/premis.xsd")
    /// XLink as used by METS.
    public static let xlink = XMLSchemaImport(namespace: XMLNamespace.xlink, location: "http://www.loc.gov/standards/xlink/xlink.xsd")
    /// E-ARK CSIP METS extension attributes (`csip:`).
    public static let csip = XMLSchemaImport(namespace: XMLNamespace.csip, location: "https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd")
    /// E-ARK SIP METS extension attributes (`sip:`).
    public static let sip = XMLSchemaImport(namespace: XMLNamespace.sip, location: "https://earksip.dilcis.eu/schema/DILCISExtensionSIPMETS.xsd")

    /// What a TT05 / E-ARK information package METS needs: METS, xlink, CSIP, SIP and PREMIS 3.
    public static let informationPackage: [XMLSchemaImport] = [.mets, .xlink, .csip, .sip, .premis3]
}

public import KhoCore

/// The outcome of validating one submission package: every finding, and what was verified.
public struct SIPValidationReport: Sendable, Codable {
    /// What the user gave (folder or zip).
    public var source: String
    /// Root `mets/@OBJID`, when readable.
    public var objid: String?
    /// Every finding, errors first, then by code and path.
    public var findings: [Finding]
    /// Files whose size and checksum were verified.
    public var filesVerified: Int
    /// Bytes of those files.
    public var bytesVerified: Int64
    /// Whether METS documents were validated against the METS XSD.
    public var schemaValidated: Bool

    /// True when no finding is an error.
    public var isValid: Bool { findings.isValid }

    /// Number of findings of a severity.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// One-line summary in Vietnamese and English.
    public var summary: BilingualMessage {
        let errors = count(.error), warnings = count(.warning), infos = count(.info)
        return BilingualMessage(
            vi: "\(isValid ? "HỢP LỆ" : "KHÔNG HỢP LỆ"): \(errors) lỗi, \(warnings) cảnh báo, \(infos) ghi chú; đã kiểm tra \(filesVerified) tệp (\(bytesVerified) byte)",
            en: "\(isValid ? "VALID" : "INVALID"): \(errors) errors, \(warnings) warnings, \(infos) notes; verified \(filesVerified) files (\(bytesVerified) bytes)")
    }
}

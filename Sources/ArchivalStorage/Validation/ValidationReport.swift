public import KhoCore

/// What the validator found about one OCFL object or storage root (báo cáo kiểm tra).
public struct ValidationReport: Sendable, Codable {
    /// What was validated: an object root or a storage root.
    public enum Subject: String, Sendable, Codable { case object, storageRoot }

    /// Object or storage root.
    public var subject: Subject
    /// The path validated, as given.
    public var path: String
    /// The spec version declared (and whose rules were applied), when it could be determined.
    public var specVersion: OCFLSpecVersion?
    /// The object `id` from the root inventory (objects only).
    public var objectID: String?
    /// Every error, warning and notice, in the order found.
    public var findings: [Finding]
    /// Whether content digests were checked.
    public var checkedDigests: Bool
    /// Number of objects validated (1 for an object, the count found for a storage root).
    public var objectCount: Int
    /// Number of content files hashed.
    public var filesHashed: Int
    /// Per-object reports for a storage root.
    public var objects: [ValidationReport]

    /// True when there is no error (warnings are allowed).
    public var isValid: Bool { findings.isValid }
    /// The error findings.
    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    /// The warning findings.
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    /// The distinct codes reported.
    public var codes: Set<String> { Set(findings.map(\.code)) }

    /// An empty report for `path`.
    public init(subject: Subject, path: String, checkedDigests: Bool) {
        self.subject = subject
        self.path = path
        self.checkedDigests = checkedDigests
        self.findings = []
        self.objectCount = subject == .object ? 1 : 0
        self.filesHashed = 0
        self.objects = []
    }

    /// A one-line summary in both languages.
    public var summary: BilingualMessage {
        let e = errors.count, w = warnings.count
        let what = subject == .object ? ("Đối tượng OCFL", "OCFL object") : ("Kho lưu trữ OCFL (\(objectCount) đối tượng)", "OCFL storage root (\(objectCount) objects)")
        return BilingualMessage(
            vi: "\(what.0) \(isValid ? "HỢP LỆ" : "KHÔNG HỢP LỆ"): \(e) lỗi, \(w) cảnh báo",
            en: "\(what.1) \(isValid ? "VALID" : "INVALID"): \(e) errors, \(w) warnings"
        )
    }
}

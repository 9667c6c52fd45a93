import KhoCore

/// Gathers findings for one object or root, worded for the spec version whose rules apply.
struct FindingCollector: Sendable {
    /// The spec version whose wording and rules apply.
    var version: OCFLSpecVersion
    /// Findings so far, in order.
    private(set) var findings: [Finding] = []
    private var seen: Set<String> = []

    init(version: OCFLSpecVersion) { self.version = version }

    /// Records `code` about `path` with an optional detail (values, names) appended to both languages.
    mutating func add(_ code: String, _ path: String?, _ detail: String? = nil, vi viDetail: String? = nil) {
        let spec = ValidationCode(code)
        var message = spec?.message(for: version) ?? BilingualMessage(vi: code, en: code)
        if let detail {
            message.en += " — \(detail)"
            message.vi += " — \(viDetail ?? detail)"
        }
        let key = "\(code)|\(path ?? "")|\(detail ?? "")"
        guard seen.insert(key).inserted else { return }
        findings.append(Finding(code: code, severity: spec?.severity ?? .error, message: message, path: path))
    }

    /// Records an informational notice (not a spec code): e.g. a fixity algorithm Kho cannot compute.
    mutating func note(_ code: String, _ path: String?, vi: String, en: String) {
        let key = "\(code)|\(path ?? "")|\(en)"
        guard seen.insert(key).inserted else { return }
        findings.append(Finding(code: code, severity: .info, message: BilingualMessage(vi: vi, en: en), path: path))
    }

    /// Appends findings gathered elsewhere.
    mutating func append(contentsOf other: [Finding]) {
        for f in other {
            let key = "\(f.code)|\(f.path ?? "")|\(f.message.en)"
            if seen.insert(key).inserted { findings.append(f) }
        }
    }

    /// True when any error has been recorded.
    var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

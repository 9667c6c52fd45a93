public import KhoCore

/// The report of a rejected package (biên bản từ chối), written to quarantine as JSON and text.
public struct IngestReport: Sendable, Hashable, Codable {
    /// The package as given.
    public var source: String
    /// When it was received.
    public var receivedAt: String
    /// Đơn vị nộp lưu named by the archivist (`--transfer-unit`), so refusals count against the right unit in
    /// the monthly report; nil when none was given (the report then looks at the package itself).
    public var transferringUnit: String?
    /// The SIP's OBJID when it could be read.
    public var submissionObjectID: String?
    /// SHA-256 of the package (zip) or its root METS (folder), when it could be computed.
    public var packageSHA256: String?
    /// Why it was refused: every finding, errors first.
    public var findings: [Finding]

    /// Errors only.
    public var errors: [Finding] { findings.filter { $0.severity == .error } }

    /// Plain text, Vietnamese then English, one finding a line.
    public var text: String {
        var lines = [
            "BIÊN BẢN TỪ CHỐI TIẾP NHẬN / PACKAGE REJECTED",
            "Gói / package: \(source)",
            "Thời điểm nhận / received: \(receivedAt)",
        ]
        if let transferringUnit { lines.append("Đơn vị nộp lưu / transferring unit: \(transferringUnit)") }
        if let submissionObjectID { lines.append("OBJID: \(submissionObjectID)") }
        if let packageSHA256 { lines.append("SHA-256: \(packageSHA256)") }
        lines.append("Lỗi / errors: \(errors.count), tổng phát hiện / findings: \(findings.count)")
        lines.append("")
        lines += findings.map(\.line)
        return lines.joined(separator: "\n") + "\n"
    }
}

import KhoCore

/// Checks every text tag file shares: BOM and encoding (RFC 8493 §2.2.4).
enum TagFileChecks {
    /// Reports a BOM or invalid UTF-8 in a tag file when the bag declares UTF-8.
    static func encoding(_ text: TagFileText, file: String, declaration: BagDeclaration, findings: inout BagFindings) {
        guard declaration.isUTF8 else { return }
        if text.hadBOM {
            findings.add(.encodingBOM, .error, path: file, line: 1,
                         vi: "tệp thẻ UTF-8 không được bắt đầu bằng BOM",
                         en: "a UTF-8 tag file must not begin with a byte order mark")
        }
        if !text.isValidUTF8 {
            findings.add(.encodingInvalid, .error, path: file,
                         vi: "tệp thẻ không phải UTF-8 hợp lệ", en: "tag file is not valid UTF-8")
        }
    }
}

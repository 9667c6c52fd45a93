import KhoCore

/// Builds the findings of one record check: rule codes `<prefix>-<CONCERN>[-<FIELD>]`, bilingual messages
/// naming the field in both languages, the file and the element's XPath.
struct TT05Checker {
    /// `TT05-DOS` or `TT05-DOC`.
    let prefix: String
    /// Where the record came from (nil for records built in code).
    let source: TT05Source?
    /// Options of this check.
    let options: TT05CheckOptions
    /// Findings so far.
    private(set) var findings: [Finding] = []

    init(prefix: String, source: TT05Source?, options: TT05CheckOptions) {
        self.prefix = prefix
        self.source = source
        self.options = options
        findings = source?.readFindings ?? []
    }

    /// Adds a finding about `field` (or the whole record when nil); the message is prefixed with the field's names.
    mutating func add(_ concern: String, _ field: TT05Field?, _ severity: Severity, vi: String, en: String, at element: String? = nil) {
        let code = field.map { "\(prefix)-\(concern)-\($0.ruleName)" } ?? "\(prefix)-\(concern)"
        let message = BilingualMessage(
            vi: field.map { "\($0.vietnameseLabel): \(vi)" } ?? vi,
            en: field.map { "\($0.englishLabel): \(en)" } ?? en
        )
        findings.append(Finding(code: code, severity: severity, message: message, path: source?.name,
                                location: source?.location(of: element ?? field?.element)))
    }

    /// A required field must be present and not empty.
    @discardableResult
    mutating func required(_ field: TT05Field, _ text: String?) -> Bool {
        guard let text, !text.isEmpty else {
            add("REQUIRED", field, .error,
                vi: text == nil ? "trường bắt buộc bị thiếu" : "trường bắt buộc để trống",
                en: text == nil ? "required field is missing" : "required field is empty")
            return false
        }
        return true
    }

    /// A coded field must hold one of its list's codes.
    mutating func code<T: TT05Code>(_ field: TT05Field, _ value: TT05Value<T>?) {
        guard let value, value.isInvalid else { return }
        add("CODELIST", field, .error,
            vi: "giá trị '\(value.text)' không có trong bảng mã (\(T.codeListText))",
            en: "value '\(value.text)' is not in the code list (\(T.codeListText))")
    }

    /// A count must be a non-negative integer.
    mutating func integer(_ field: TT05Field, _ value: TT05Value<Int>?) {
        guard let value, value.isInvalid else { return }
        add("INTEGER", field, .error,
            vi: "giá trị '\(value.text)' không phải số nguyên không âm",
            en: "value '\(value.text)' is not a non-negative integer")
    }

    /// A date must be `DD/MM/YYYY` (AIP: also `MM/YYYY`, `YYYY`) and exist in the calendar.
    mutating func date(_ field: TT05Field, _ value: TT05Value<TT05Date>?) {
        guard let value, !value.isEmpty else { return }
        guard let date = value.value else {
            add("DATE", field, .error,
                vi: "ngày '\(value.text)' không đúng định dạng DD/MM/YYYY, MM/YYYY hoặc YYYY, hoặc không có thật",
                en: "date '\(value.text)' is not DD/MM/YYYY, MM/YYYY or YYYY, or does not exist")
            return
        }
        if options.package == .sip && date.precision != .day {
            add("DATE-PRECISION", field, .warning,
                vi: "gói SIP cần ngày đầy đủ DD/MM/YYYY, tìm thấy '\(value.text)'",
                en: "a SIP needs a full DD/MM/YYYY date, found '\(value.text)'")
        }
    }

    /// Text longer than the published maximum is a warning, never an error (TT05.md: lengths are secondary).
    mutating func length(_ field: TT05Field, _ text: String?) {
        guard let limit = field.maxLength, let text, text.count > limit else { return }
        add("LENGTH", field, .warning,
            vi: "dài \(text.count) ký tự, vượt mức tối đa \(limit)",
            en: "is \(text.count) characters long, over the maximum of \(limit)")
    }

    /// Retention must be 01 Vĩnh viễn in the historical archive.
    mutating func retention(_ field: TT05Field, _ value: TT05Value<Maintenance>?) {
        guard options.historicalArchive, let maintenance = value?.value, maintenance != .permanent else { return }
        add("RETENTION", nil, .error,
            vi: "\(field.vietnameseLabel) là \(maintenance.rawValue) \(maintenance.vietnameseLabel); lưu trữ lịch sử chỉ nhận tài liệu lưu trữ vĩnh viễn (01)",
            en: "\(field.englishLabel) is \(maintenance.rawValue) \(maintenance.englishLabel); the historical archive accepts only permanent retention (01)",
            at: field.element)
    }

    /// `riskRecoveryStatus` is required when `riskRecovery` = 1.
    mutating func riskRecovery(flag: TT05Field, _ riskRecovery: TT05Value<TT05Flag>?, status: TT05Field, _ riskStatus: TT05Value<RiskRecoveryStatus>?) {
        guard riskRecovery?.value == .yes, riskStatus?.isEmpty ?? true else { return }
        add("RISK-STATUS", nil, .error,
            vi: "\(flag.vietnameseLabel) = 1 nên \(status.vietnameseLabel) là bắt buộc (01 hoặc 02)",
            en: "\(flag.englishLabel) is 1, so \(status.englishLabel) is required (01 or 02)",
            at: riskStatus == nil ? flag.element : status.element)
    }
}

import KhoCore

extension DocumentRecord {
    /// Checks the TT05 document rules (`TT05-DOC-…`, listed in `Sources/Metadata/README.md`); with the
    /// dossier, also that `docCode`/`docId` begin with its `fileCode` and that `issuedDate` falls in its dates.
    public func check(dossier: DossierRecord?, options: TT05CheckOptions = .sip) -> [Finding] {
        typealias F = DocumentField
        var checker = TT05Checker(prefix: "TT05-DOC", source: source, options: options)

        // Identity: docCode or arcDocCode, docId.
        let hasDocCode = !(docCode ?? "").isEmpty, hasArcDocCode = !(arcDocCode ?? "").isEmpty
        if !hasDocCode && !hasArcDocCode {
            checker.required(options.package == .aip && arcDocCode != nil ? F.arcDocCode : F.docCode, docCode ?? arcDocCode)
        } else if hasDocCode && hasArcDocCode && docCode != arcDocCode {
            checker.add("DOCCODE-SPELLING", nil, .error,
                        vi: "Có cả Mã tài liệu (docCode) '\(docCode ?? "")' và arcDocCode '\(arcDocCode ?? "")' với giá trị khác nhau",
                        en: "Both docCode '\(docCode ?? "")' and arcDocCode '\(arcDocCode ?? "")' are present and differ",
                        at: F.arcDocCode.element)
        }
        if (docId ?? "").isEmpty {
            checker.add("REQUIRED", F.docId, .warning,
                        vi: docId == nil ? "trường bị thiếu" : "trường để trống",
                        en: docId == nil ? "field is missing" : "field is empty")
        }
        checker.required(F.maintenance, maintenance?.text)
        checker.required(F.typeName, typeName?.text)
        checker.required(F.issuedDate, issuedDate?.text)
        checker.required(F.organName, organName)
        checker.required(F.subject, subject)
        if language.isEmpty { checker.required(F.language, source?.elements["language"] == nil ? nil : "") }
        checker.required(F.mode, mode?.text)
        checker.required(F.confidenceLevel, confidenceLevel?.text)

        checker.code(F.maintenance, maintenance)
        checker.code(F.typeName, typeName)
        for value in language { checker.code(F.language, value) }
        checker.code(F.mode, mode)
        checker.code(F.confidenceLevel, confidenceLevel)
        checker.code(F.format, format)
        checker.code(F.riskRecovery, riskRecovery)
        checker.code(F.riskRecoveryStatus, riskRecoveryStatus)
        checker.code(F.process, process)
        checker.integer(F.numberOfPage, numberOfPage)
        checker.date(F.issuedDate, issuedDate)

        checker.length(F.docId, docId)
        checker.length(F.docCode, docCode)
        checker.length(F.arcDocCode, arcDocCode)
        checker.length(F.organName, organName)
        checker.length(F.subject, subject)
        checker.length(F.inforSign, inforSign)
        for word in keyword { checker.length(F.keyword, word) }
        checker.length(F.autograph, autograph)
        checker.length(F.description, description)

        checker.riskRecovery(flag: F.riskRecovery, riskRecovery, status: F.riskRecoveryStatus, riskRecoveryStatus)
        checker.retention(F.maintenance, maintenance)

        if confidenceLevel?.value == .bornDigital, process?.isEmpty ?? true {
            checker.add("PROCESS", nil, .error,
                        vi: "Tài liệu gốc điện tử (confidenceLevel 01) phải có Quy trình xử lý (process) 0 hoặc 1",
                        en: "A born-digital document (confidenceLevel 01) must state its processing trail (process) 0 or 1",
                        at: process == nil ? F.confidenceLevel.element : F.process.element)
        }

        checkCodes(&checker, dossier: dossier)

        if let dossier { checkAgainstDossier(&checker, dossier) }

        if let dossier, let issued = issuedDate?.value {
            let start = dossier.startDate?.value, end = dossier.endDate?.value
            if (start != nil || end != nil) && !issued.fallsWithin(start: start, end: end) {
                checker.add("DATE-RANGE", F.issuedDate, .warning,
                            vi: "ngày \(issued) nằm ngoài thời gian của hồ sơ (\(start?.tt05Text ?? "?") – \(end?.tt05Text ?? "?"))",
                            en: "date \(issued) lies outside the dossier's dates (\(start?.tt05Text ?? "?") – \(end?.tt05Text ?? "?"))")
            }
        }
        return checker.findings
    }

    /// docCode/arcDocCode/docId against the dossier's code, and against each other.
    private func checkCodes(_ checker: inout TT05Checker, dossier: DossierRecord?) {
        typealias F = DocumentField
        let dossierCodes = [dossier?.fileCode, dossier?.arcFileCode].compactMap { $0 }.filter { !$0.isEmpty }
        var ordinalFromCode: Int?
        for (field, value) in [(F.docCode, docCode), (F.arcDocCode, arcDocCode)] {
            guard let value, !value.isEmpty else { continue }
            if dossierCodes.isEmpty {
                let last = value.split(separator: ".").last ?? ""
                if last.count != 7 || !last.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    checker.add("FORMAT", field, .warning,
                                vi: "mã '\(value)' không kết thúc bằng số thứ tự 7 chữ số (<mã hồ sơ>.0000001)",
                                en: "code '\(value)' does not end in a 7-digit ordinal (<dossier code>.0000001)")
                } else {
                    ordinalFromCode = Int(last)
                }
                continue
            }
            guard let suffix = dossierCodes.lazy.compactMap({ TT05Identifiers.suffix(of: value, after: $0) }).first else {
                addPrefixMismatch(&checker, field: field, value: value, dossierCodes: dossierCodes)
                continue
            }
            if suffix.count != 7 || !suffix.allSatisfy({ $0.isASCII && $0.isNumber }) {
                checker.add("FORMAT", field, .warning,
                            vi: "phần sau mã hồ sơ '\(suffix)' phải là số thứ tự 7 chữ số (ví dụ 0000001)",
                            en: "the part after the dossier code, '\(suffix)', must be a 7-digit ordinal (e.g. 0000001)")
            } else {
                ordinalFromCode = Int(suffix)
            }
        }
        guard let docId, !docId.isEmpty else { return }
        var ordinalFromId: Int?
        if dossierCodes.isEmpty {
            ordinalFromId = docId.split(separator: ".").last.flatMap { Int(tt05Text: String($0)) }
        } else if let suffix = dossierCodes.lazy.compactMap({ TT05Identifiers.suffix(of: docId, after: $0) }).first {
            ordinalFromId = Int(tt05Text: String(suffix))
            if ordinalFromId == nil || ordinalFromId == 0 {
                checker.add("FORMAT", F.docId, .warning,
                            vi: "phần sau mã hồ sơ '\(suffix)' phải là số thứ tự (ví dụ 1)",
                            en: "the part after the dossier code, '\(suffix)', must be an ordinal number (e.g. 1)")
            }
        } else {
            addPrefixMismatch(&checker, field: F.docId, value: docId, dossierCodes: dossierCodes)
        }
        if let ordinalFromId, let ordinalFromCode, ordinalFromId != ordinalFromCode {
            checker.add("DOCID-DOCCODE", nil, .warning,
                        vi: "Số thứ tự trong docId '\(docId)' (\(ordinalFromId)) khác số thứ tự trong Mã tài liệu '\(code ?? "")' (\(ordinalFromCode))",
                        en: "The ordinal in docId '\(docId)' (\(ordinalFromId)) differs from the one in the document code '\(code ?? "")' (\(ordinalFromCode))",
                        at: F.docId.element)
        }
    }

    private func addPrefixMismatch(_ checker: inout TT05Checker, field: TT05Field, value: String, dossierCodes: [String]) {
        let expected = dossierCodes.joined(separator: "' / '")
        var vi = "mã '\(value)' không bắt đầu bằng Mã hồ sơ '\(expected)' của hồ sơ chứa nó"
        var en = "code '\(value)' does not begin with the dossier code '\(expected)' of its dossier"
        if let year = TT05Identifiers.year(in: value), let dossierYear = dossierCodes.lazy.compactMap(TT05Identifiers.year(in:)).first, year != dossierYear {
            vi += " (năm \(year) mâu thuẫn với năm \(dossierYear) trong mã hồ sơ)"
            en += " (year \(year) contradicts year \(dossierYear) in the dossier code)"
        }
        checker.add("PREFIX", field, .error, vi: vi, en: en)
    }

    /// Access regime and retention compared with the dossier's: a stricter document in an open dossier, or a
    /// longer-kept document in a shorter-kept dossier, is a warning (the dossier takes its strictest item).
    private func checkAgainstDossier(_ checker: inout TT05Checker, _ dossier: DossierRecord) {
        typealias F = DocumentField
        if let mine = mode?.value, let theirs = dossier.mode?.value, mine.rawValue > theirs.rawValue {
            checker.add("MODE-DOSSIER", nil, .warning,
                        vi: "\(F.mode.vietnameseLabel): tài liệu là \(mine.rawValue) \(mine.vietnameseLabel) nhưng hồ sơ chỉ là \(theirs.rawValue) \(theirs.vietnameseLabel); hồ sơ phải theo chế độ chặt nhất của tài liệu",
                        en: "\(F.mode.englishLabel): the document is \(mine.rawValue) \(mine.englishLabel) but its dossier only \(theirs.rawValue) \(theirs.englishLabel); a dossier takes its strictest document's regime",
                        at: F.mode.element)
        }
        if let mine = maintenance?.value, let theirs = dossier.maintenance?.value,
           let mineRank = mine.retentionRank, let theirRank = theirs.retentionRank, mineRank > theirRank {
            checker.add("RETENTION-DOSSIER", nil, .warning,
                        vi: "\(F.maintenance.vietnameseLabel): tài liệu lưu \(mine.vietnameseLabel) nhưng hồ sơ chỉ lưu \(theirs.vietnameseLabel); hồ sơ lấy thời hạn dài nhất của tài liệu",
                        en: "\(F.maintenance.englishLabel): the document is kept \(mine.englishLabel) but its dossier only \(theirs.englishLabel); a dossier takes its longest document's period",
                        at: F.maintenance.element)
        }
    }
}

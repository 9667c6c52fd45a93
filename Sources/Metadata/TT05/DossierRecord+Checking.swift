import KhoCore

extension DossierRecord {
    /// Checks the TT05 rules an XSD cannot express (and the ones it can, so a record built in code is
    /// checked too). Rule IDs `TT05-DOS-…` are listed in `Sources/Metadata/README.md`.
    public func check(options: TT05CheckOptions = .sip) -> [Finding] {
        typealias F = DossierField
        var checker = TT05Checker(prefix: "TT05-DOS", source: source, options: options)

        // Identity: fileCode (SIP) or arcFileCode (AIP).
        if (fileCode ?? "").isEmpty && (arcFileCode ?? "").isEmpty {
            checker.required(options.package == .aip ? F.arcFileCode : F.fileCode, fileCode ?? arcFileCode)
        } else if let code, !TT05Identifiers.hasYearSegment(code) {
            checker.add("FORMAT", (arcFileCode ?? "").isEmpty ? F.fileCode : F.arcFileCode, .warning,
                        vi: "mã '\(code)' không có năm hình thành hồ sơ (4 chữ số) như <mã cơ quan>.<năm>.<số hồ sơ>",
                        en: "code '\(code)' has no four-digit year as in <agency code>.<year>.<dossier number>")
        }
        checker.required(F.title, title)
        checker.required(F.maintenance, maintenance?.text)
        checker.required(F.mode, mode?.text)
        if language.isEmpty { checker.required(F.language, source?.elements["language"] == nil ? nil : "") }
        checker.required(F.startDate, startDate?.text)
        checker.required(F.endDate, endDate?.text)
        checker.required(F.totalDoc, totalDoc?.text)
        checker.required(F.confidenceLevel, confidenceLevel?.text)

        checker.code(F.maintenance, maintenance)
        checker.code(F.mode, mode)
        for value in language { checker.code(F.language, value) }
        checker.code(F.format, format)
        checker.code(F.confidenceLevel, confidenceLevel)
        checker.code(F.riskRecovery, riskRecovery)
        checker.code(F.riskRecoveryStatus, riskRecoveryStatus)
        checker.integer(F.totalDoc, totalDoc)
        checker.integer(F.numberOfPaper, numberOfPaper)
        checker.integer(F.numberOfPage, numberOfPage)
        checker.date(F.startDate, startDate)
        checker.date(F.endDate, endDate)

        if let start = startDate?.value, let end = endDate?.value, !start.canPrecede(end) {
            checker.add("DATE-ORDER", nil, .error,
                        vi: "Thời gian bắt đầu (startDate) \(start) sau Thời gian kết thúc (endDate) \(end)",
                        en: "The start date (startDate) \(start) is after the end date (endDate) \(end)",
                        at: F.startDate.element)
        }

        checker.length(F.fileCode, fileCode)
        checker.length(F.arcFileCode, arcFileCode)
        checker.length(F.title, title)
        for word in keyword { checker.length(F.keyword, word) }
        checker.length(F.inforSign, inforSign)
        checker.length(F.paperFileCode, paperFileCode)
        checker.length(F.description, description)

        checker.riskRecovery(flag: F.riskRecovery, riskRecovery, status: F.riskRecoveryStatus, riskRecoveryStatus)
        checker.retention(F.maintenance, maintenance)

        if let level = confidenceLevel?.value, level.hasPaperOriginal {
            if (paperFileCode ?? "").isEmpty {
                checker.add("PAPERCODE", nil, .error,
                            vi: "Mức độ tin cậy (confidenceLevel) là \(level.rawValue) \(level.vietnameseLabel) nên Mã hồ sơ gốc giấy (paperFileCode) là bắt buộc",
                            en: "The confidence level (confidenceLevel) is \(level.rawValue) \(level.englishLabel), so the paper original's dossier code (paperFileCode) is required",
                            at: source?.elements[F.paperFileCode.element] == nil ? F.confidenceLevel.element : F.paperFileCode.element)
            } else if let paper = paperFileCode, paper.split(separator: ".", omittingEmptySubsequences: false).count < 3
                        || paper.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
                checker.add("FORMAT", F.paperFileCode, .warning,
                            vi: "mã '\(paper)' không theo dạng <mã lưu trữ>.<kho/giá/hộp>.<số hồ sơ giấy>",
                            en: "code '\(paper)' does not follow <archive code>.<store/shelf/box>.<paper dossier number>")
            }
        }
        return checker.findings
    }

    /// The package-level rule "totalDoc equals the documents present" (`TT05-DOS-TOTALDOC`), for the SIP
    /// validator that counts the documents; nil when they agree or `totalDoc` is not a number.
    public func checkDocumentCount(_ present: Int) -> Finding? {
        guard let declared = totalDoc?.value, declared != present else { return nil }
        let field = DossierField.totalDoc
        return Finding(
            code: "TT05-DOS-TOTALDOC", severity: .error,
            message: BilingualMessage(
                vi: "\(field.vietnameseLabel) ghi \(declared) nhưng gói có \(present) tài liệu",
                en: "\(field.englishLabel) declares \(declared) but the package holds \(present) documents"),
            path: source?.name, location: source?.location(of: field.element))
    }
}

import KhoCore

extension METSRules {
    // MARK: - metsHdr (CSIP117, CSIP7–CSIP16, SIP3–SIP31)

    func checkHeader(_ mets: METSElement, sipProfile: Bool, _ out: inout FindingCollector, _ summary: inout METSSummary) {
        let headers = mets.elements("metsHdr")
        guard let header = headers.first else {
            out.report("CSIP117", "Thiếu phần đầu <metsHdr>", "The <metsHdr> package header is missing", at: mets)
            return
        }
        if headers.count > 1 {
            out.report("CSIP117", "Có \(headers.count) phần tử <metsHdr>, chỉ được một", "There are \(headers.count) <metsHdr> elements, exactly one is allowed", at: headers[1])
        }
        out.requireDateTime("CSIP7", "CREATEDATE", on: header)
        out.requireDateTime("CSIP8", "LASTMODDATE", on: header, optional: true)
        let packageType = header.attribute("OAISPACKAGETYPE", namespace: METSNamespace.csip)
        summary.packageType = packageType
        if let packageType {
            if !Self.packageTypes.contains(packageType) {
                out.report("CSIP9", "@csip:OAISPACKAGETYPE=\"\(packageType)\" không thuộc bộ từ vựng (SIP, AIP, DIP, AIU, AIC)",
                           "@csip:OAISPACKAGETYPE=\"\(packageType)\" is not in the vocabulary (SIP, AIP, DIP, AIU, AIC)", at: header)
            } else if sipProfile, packageType != "SIP" {
                out.report("SIP4", "Gói SIP phải có @csip:OAISPACKAGETYPE=\"SIP\", gặp \"\(packageType)\"",
                           "A SIP must have @csip:OAISPACKAGETYPE=\"SIP\", found \"\(packageType)\"", at: header)
            }
        } else {
            out.report("CSIP9", "Thiếu @csip:OAISPACKAGETYPE trên <metsHdr>", "Missing @csip:OAISPACKAGETYPE on <metsHdr>", at: header)
            if sipProfile {
                out.report("SIP4", "Gói SIP phải có @csip:OAISPACKAGETYPE=\"SIP\"", "A SIP must have @csip:OAISPACKAGETYPE=\"SIP\"", at: header)
            }
        }
        checkSoftwareAgent(header, &out)
        guard sipProfile else { return }
        if let status = header.attribute("RECORDSTATUS"), !Self.recordStatuses.contains(status) {
            out.report("SIP3", "@RECORDSTATUS=\"\(status)\" không thuộc bộ từ vựng", "@RECORDSTATUS=\"\(status)\" is not in the vocabulary", at: header)
        }
        checkAltRecordIDs(header, &out)
        checkSIPAgents(header, &out)
    }

    private func checkSoftwareAgent(_ header: METSElement, _ out: inout FindingCollector) {
        let agents = header.elements("agent")
        guard !agents.isEmpty else {
            out.report("CSIP10", "Thiếu tác nhân phần mềm tạo gói (<agent>)", "The agent recording the creating software is missing", at: header)
            return
        }
        func score(_ agent: METSElement) -> Int {
            (agent.attribute("ROLE") == "CREATOR" ? 1 : 0) + (agent.attribute("TYPE") == "OTHER" ? 1 : 0)
                + (agent.attribute("OTHERTYPE") == "SOFTWARE" ? 2 : 0)
        }
        guard let agent = agents.max(by: { score($0) < score($1) }), score(agent) > 0 || agents.count == 1 else {
            out.report("CSIP10", "Không có <agent> nào ghi phần mềm tạo gói (ROLE=CREATOR, TYPE=OTHER, OTHERTYPE=SOFTWARE)",
                       "No <agent> records the creating software (ROLE=CREATOR, TYPE=OTHER, OTHERTYPE=SOFTWARE)", at: header)
            return
        }
        if agent.attribute("ROLE") != "CREATOR" {
            out.report("CSIP11", "Tác nhân phần mềm phải có @ROLE=\"CREATOR\"", "The software agent must have @ROLE=\"CREATOR\"", at: agent)
        }
        if agent.attribute("TYPE") != "OTHER" {
            out.report("CSIP12", "Tác nhân phần mềm phải có @TYPE=\"OTHER\"", "The software agent must have @TYPE=\"OTHER\"", at: agent)
        }
        if agent.attribute("OTHERTYPE") != "SOFTWARE" {
            out.report("CSIP13", "Tác nhân phần mềm phải có @OTHERTYPE=\"SOFTWARE\"", "The software agent must have @OTHERTYPE=\"SOFTWARE\"", at: agent)
        }
        let names = agent.elements("name")
        if names.count != 1 || names[0].text.isEmpty {
            out.report("CSIP14", "Tác nhân phần mềm phải có đúng một <name> ghi tên phần mềm",
                       "The software agent must have exactly one <name> with the software's name", at: agent)
        }
        let notes = agent.elements("note")
        if notes.isEmpty {
            out.report("CSIP15", "Tác nhân phần mềm thiếu <note> ghi phiên bản", "The software agent has no <note> with the version", at: agent)
        } else if !notes.contains(where: { $0.attribute("NOTETYPE", namespace: METSNamespace.csip) == "SOFTWARE VERSION" }) {
            out.report("CSIP16", "<note> của tác nhân phần mềm phải có @csip:NOTETYPE=\"SOFTWARE VERSION\"",
                       "The software agent's <note> must have @csip:NOTETYPE=\"SOFTWARE VERSION\"", at: notes[0])
        }
    }

    private func checkAltRecordIDs(_ header: METSElement, _ out: inout FindingCollector) {
        var seen: [String: Int] = [:]
        for alt in header.elements("altRecordID") {
            let type = alt.attribute("TYPE") ?? ""
            seen[type, default: 0] += 1
            if !Self.altRecordTypes.contains(type) {
                let id = type.hasPrefix("PREVIOUSREF") ? "SIP8" : type.hasPrefix("REF") ? "SIP7" : type.hasPrefix("PREVIOUS") ? "SIP6" : "SIP5"
                out.report(id, "<altRecordID> có @TYPE=\"\(type)\" không thuộc bộ từ vựng", "<altRecordID> has @TYPE=\"\(type)\", not in the vocabulary", at: alt)
            }
        }
        if (seen["SUBMISSIONAGREEMENT"] ?? 0) > 1 {
            out.report("SIP5", "Chỉ được một <altRecordID TYPE=\"SUBMISSIONAGREEMENT\">", "At most one <altRecordID TYPE=\"SUBMISSIONAGREEMENT\"> is allowed", at: header)
        }
        if (seen["REFERENCECODE"] ?? 0) > 1 {
            out.report("SIP7", "Chỉ được một <altRecordID TYPE=\"REFERENCECODE\">", "At most one <altRecordID TYPE=\"REFERENCECODE\"> is allowed", at: header)
        }
    }

    private func checkSIPAgents(_ header: METSElement, _ out: inout FindingCollector) {
        let agents = header.elements("agent")
        let people: Set<String> = ["ORGANIZATION", "INDIVIDUAL"]
        func hasName(_ agent: METSElement) -> Bool { agent.elements("name").count == 1 && !agent.elements("name")[0].text.isEmpty }
        func identificationNotes(_ agent: METSElement) -> Bool {
            agent.elements("note").allSatisfy { $0.attribute("NOTETYPE", namespace: METSNamespace.csip) == "IDENTIFICATIONCODE" }
        }
        var submitting = 0
        for agent in agents {
            let role = agent.attribute("ROLE") ?? ""
            let type = agent.attribute("TYPE") ?? ""
            switch role {
            case "ARCHIVIST":
                if !people.contains(type) {
                    out.report("SIP11", "Tác nhân tạo lập tài liệu phải có @TYPE ORGANIZATION hoặc INDIVIDUAL", "The archival creator agent must have @TYPE ORGANIZATION or INDIVIDUAL", at: agent)
                }
                if !hasName(agent) { out.report("SIP12", "Tác nhân tạo lập tài liệu thiếu <name>", "The archival creator agent has no <name>", at: agent) }
                if !identificationNotes(agent) {
                    out.report("SIP14", "<note> của tác nhân tạo lập phải có @csip:NOTETYPE=\"IDENTIFICATIONCODE\"", "The archival creator agent's <note> must have @csip:NOTETYPE=\"IDENTIFICATIONCODE\"", at: agent)
                }
            case "CREATOR" where type == "ORGANIZATION" || type == "INDIVIDUAL":
                submitting += 1
                if !hasName(agent) {
                    out.report(type == "INDIVIDUAL" ? "SIP24" : "SIP18", "Tác nhân nộp gói thiếu <name>", "The submitting agent has no <name>", at: agent)
                }
                if type == "ORGANIZATION", !identificationNotes(agent) {
                    out.report("SIP20", "<note> của tác nhân nộp gói phải có @csip:NOTETYPE=\"IDENTIFICATIONCODE\"", "The submitting agent's <note> must have @csip:NOTETYPE=\"IDENTIFICATIONCODE\"", at: agent)
                }
            case "CREATOR":
                if type != "OTHER" {
                    out.report("SIP17", "Tác nhân nộp gói phải có @TYPE ORGANIZATION hoặc INDIVIDUAL, gặp \"\(type)\"", "The submitting agent must have @TYPE ORGANIZATION or INDIVIDUAL, found \"\(type)\"", at: agent)
                }
            case "PRESERVATION":
                if type != "ORGANIZATION" {
                    out.report("SIP28", "Tác nhân bảo quản phải có @TYPE=\"ORGANIZATION\"", "The preservation agent must have @TYPE=\"ORGANIZATION\"", at: agent)
                }
                if !hasName(agent) { out.report("SIP29", "Tác nhân bảo quản thiếu <name>", "The preservation agent has no <name>", at: agent) }
                if !identificationNotes(agent) {
                    out.report("SIP31", "<note> của tác nhân bảo quản phải có @csip:NOTETYPE=\"IDENTIFICATIONCODE\"", "The preservation agent's <note> must have @csip:NOTETYPE=\"IDENTIFICATIONCODE\"", at: agent)
                }
            default:
                break
            }
        }
        if submitting == 0, case .package = role {
            // TT05 tolerance: packages made by today's software name the body only in the software agent's
            // IDENTIFICATIONCODE note; accept that with a warning.
            let tolerated = agents.contains { agent in
                agent.elements("note").contains { $0.attribute("NOTETYPE", namespace: METSNamespace.csip) == "IDENTIFICATIONCODE" }
            }
            out.report("SIP15", "Thiếu tác nhân nộp gói (<agent ROLE=\"CREATOR\" TYPE=\"ORGANIZATION|INDIVIDUAL\">)",
                       "The submitting agent (<agent ROLE=\"CREATOR\" TYPE=\"ORGANIZATION|INDIVIDUAL\">) is missing",
                       at: header, severity: tolerated ? .warning : nil)
        }
    }
}

import KhoCore

extension METSRules {
    /// Requirement IDs of the mdRef checks, per section: (LOCTYPE, xlink:type, href, MDTYPE, MIMETYPE, SIZE, CREATED, CHECKSUM, CHECKSUMTYPE).
    struct MdRefIDs {
        var loctype, linkType, href, mdtype, mimetype, size, created, checksum, checksumType: String
    }

    static let dmdRefIDs = MdRefIDs(loctype: "CSIP22", linkType: "CSIP23", href: "CSIP24", mdtype: "CSIP25", mimetype: "CSIP26",
                                    size: "CSIP27", created: "CSIP28", checksum: "CSIP29", checksumType: "CSIP30")
    static let digiprovRefIDs = MdRefIDs(loctype: "CSIP36", linkType: "CSIP37", href: "CSIP38", mdtype: "CSIP39", mimetype: "CSIP40",
                                         size: "CSIP41", created: "CSIP42", checksum: "CSIP43", checksumType: "CSIP44")
    static let rightsRefIDs = MdRefIDs(loctype: "CSIP49", linkType: "CSIP50", href: "CSIP51", mdtype: "CSIP52", mimetype: "CSIP53",
                                       size: "CSIP54", created: "CSIP55", checksum: "CSIP56", checksumType: "CSIP57")

    // MARK: - dmdSec (CSIP17–CSIP30)

    func checkDescriptive(_ mets: METSElement, _ out: inout FindingCollector, _ summary: inout METSSummary) {
        let sections = mets.elements("dmdSec")
        if sections.isEmpty {
            out.report("CSIP17", "Không có phần siêu dữ liệu mô tả <dmdSec>", "There is no descriptive metadata section <dmdSec>", at: mets)
        }
        for section in sections {
            out.require("CSIP18", "ID", on: section)
            out.requireDateTime("CSIP19", "CREATED", on: section)
            checkStatus("CSIP20", section, &out)
            let refs = section.elements("mdRef")
            if refs.isEmpty {
                out.report("CSIP21", "<dmdSec> nên tham chiếu tệp siêu dữ liệu bằng <mdRef>", "<dmdSec> should reference its metadata file with <mdRef>", at: section)
            }
            for ref in refs {
                let path = checkMdRef(ref, ids: Self.dmdRefIDs, &out, &summary)
                summary.descriptive.append(.init(id: section.attribute("ID") ?? "", path: path, status: section.attribute("STATUS")))
                if case .package = role, let path, !path.hasPrefix("metadata/descriptive/") {
                    out.report("CSIPSTR7", "Siêu dữ liệu mô tả nên nằm trong metadata/descriptive: \(path)",
                               "Descriptive metadata should be in metadata/descriptive: \(path)", at: ref)
                }
            }
        }
    }

    // MARK: - amdSec (CSIP31–CSIP57)

    func checkAdministrative(_ mets: METSElement, _ out: inout FindingCollector, _ summary: inout METSSummary) {
        let sections = mets.elements("amdSec")
        if sections.count > 1 {
            out.report("CSIP31", "Mọi siêu dữ liệu quản lý nên nằm trong một <amdSec>, gặp \(sections.count)",
                       "All administrative metadata should be in a single <amdSec>, found \(sections.count)", at: sections[1])
        }
        var digiprovCount = 0
        for section in sections {
            for digiprov in section.elements("digiprovMD") {
                digiprovCount += 1
                out.require("CSIP33", "ID", on: digiprov)
                checkStatus("CSIP34", digiprov, &out)
                let refs = digiprov.elements("mdRef")
                if refs.isEmpty {
                    out.report("CSIP35", "<digiprovMD> nên tham chiếu tệp PREMIS bằng <mdRef>", "<digiprovMD> should reference its PREMIS file with <mdRef>", at: digiprov)
                }
                for ref in refs {
                    let path = checkMdRef(ref, ids: Self.digiprovRefIDs, &out, &summary)
                    if case .package = role, let path, !path.hasPrefix("metadata/preservation/") {
                        out.report("CSIPSTR6", "Siêu dữ liệu bảo quản nên nằm trong metadata/preservation: \(path)",
                                   "Preservation metadata should be in metadata/preservation: \(path)", at: ref)
                    }
                }
            }
            for rights in section.elements("rightsMD") {
                out.require("CSIP46", "ID", on: rights)
                checkStatus("CSIP47", rights, &out)
                let refs = rights.elements("mdRef")
                if refs.isEmpty {
                    out.report("CSIP48", "<rightsMD> nên tham chiếu tệp bằng <mdRef>", "<rightsMD> should reference its file with <mdRef>", at: rights)
                }
                for ref in refs { _ = checkMdRef(ref, ids: Self.rightsRefIDs, &out, &summary) }
            }
        }
        let preservationFolder = base.isEmpty ? "metadata/preservation" : base + "/metadata/preservation"
        if digiprovCount == 0, !tree.files(under: preservationFolder).isEmpty {
            out.report("CSIP32", "Có tệp trong \(preservationFolder) nhưng không có <digiprovMD> nào tham chiếu",
                       "\(preservationFolder) holds files but no <digiprovMD> references them", at: mets)
        }
    }

    private func checkStatus(_ id: String, _ element: METSElement, _ out: inout FindingCollector) {
        guard let status = element.attribute("STATUS") else {
            out.report(id, "Nên có @STATUS (CURRENT hoặc SUPERSEDED) trên <\(element.name)>",
                       "<\(element.name)> should have @STATUS (CURRENT or SUPERSEDED)", at: element)
            return
        }
        if !Self.statuses.contains(status) {
            out.report(id, "@STATUS=\"\(status)\" không thuộc bộ từ vựng (CURRENT, SUPERSEDED)",
                       "@STATUS=\"\(status)\" is not in the vocabulary (CURRENT, SUPERSEDED)", at: element)
        }
    }

    /// Checks one mdRef and records what it declares; returns the package-relative path it references.
    private func checkMdRef(_ ref: METSElement, ids: MdRefIDs, _ out: inout FindingCollector, _ summary: inout METSSummary) -> String? {
        if ref.attribute("LOCTYPE") != "URL" {
            out.report(ids.loctype, "<mdRef> phải có @LOCTYPE=\"URL\"", "<mdRef> must have @LOCTYPE=\"URL\"", at: ref)
        }
        if ref.attribute("type", namespace: METSNamespace.xlink) != "simple" {
            out.report(ids.linkType, "<mdRef> phải có @xlink:type=\"simple\"", "<mdRef> must have @xlink:type=\"simple\"", at: ref)
        }
        out.require(ids.mdtype, "MDTYPE", on: ref)
        out.require(ids.mimetype, "MIMETYPE", on: ref)
        out.requireDateTime(ids.created, "CREATED", on: ref)
        return checkFileAttributes(ref, hrefID: ids.href, sizeID: ids.size, checksumID: ids.checksum, checksumTypeID: ids.checksumType,
                                   href: ref.attribute("href", namespace: METSNamespace.xlink), &out, &summary)
    }

    /// SIZE, CHECKSUM, CHECKSUMTYPE and the reference itself, shared by mdRef and file/FLocat.
    func checkFileAttributes(_ element: METSElement, hrefID: String, sizeID: String, checksumID: String, checksumTypeID: String,
                             href: String?, locationElement: METSElement? = nil,
                             _ out: inout FindingCollector, _ summary: inout METSSummary) -> String? {
        var size: Int64?
        if let text = element.attribute("SIZE") {
            if let value = Int64(text), value >= 0 { size = value } else {
                out.report(sizeID, "@SIZE=\"\(text)\" không phải số nguyên không âm", "@SIZE=\"\(text)\" is not a non-negative integer", at: element)
            }
        } else {
            out.require(sizeID, "SIZE", on: element)
        }
        var digests: [DigestAlgorithm: String] = [:]
        let checksum = element.attribute("CHECKSUM")
        let checksumType = element.attribute("CHECKSUMTYPE")
        if checksum == nil { out.require(checksumID, "CHECKSUM", on: element) }
        if let checksumType {
            summary.checksumTypes.append((checksumType, FindingCollector.location(element)))
            if !Self.checksumTypes.contains(checksumType) {
                out.report(checksumTypeID, "@CHECKSUMTYPE=\"\(checksumType)\" không thuộc danh sách của METS",
                           "@CHECKSUMTYPE=\"\(checksumType)\" is not a METS checksum type", at: element)
            } else if let checksum {
                if let algorithm = DigestAlgorithm(name: checksumType) {
                    let hex = checksum.lowercased()
                    if hex.count != algorithm.hexLength || !hex.allSatisfy(\.isHexDigit) {
                        out.report(checksumID, "@CHECKSUM=\"\(checksum)\" không phải mã \(checksumType) hợp lệ",
                                   "@CHECKSUM=\"\(checksum)\" is not a well-formed \(checksumType) digest", at: element)
                    } else {
                        digests[algorithm] = hex
                    }
                } else {
                    out.report("KHO-FIX-ALGORITHM", "Kho không kiểm tra được thuật toán \(checksumType)",
                               "Kho cannot verify \(checksumType) checksums", at: element, severity: .warning)
                }
            }
        } else {
            out.require(checksumTypeID, "CHECKSUMTYPE", on: element)
        }
        let target = locationElement ?? element
        guard let href, !href.trimmingSpaces.isEmpty else {
            out.report(hrefID, "Thiếu @xlink:href trên <\(target.name)>", "Missing @xlink:href on <\(target.name)>", at: target)
            return nil
        }
        guard let path = HrefResolver.resolve(href, base: base) else {
            out.report("KHO-SIP-HREF", "Tham chiếu \"\(href)\" ra ngoài gói hoặc không phải đường dẫn tương đối",
                       "Reference \"\(href)\" leaves the package or is not a relative path", at: target)
            return nil
        }
        summary.referenced.append(path)
        summary.declared.append(DeclaredFile(path: path, size: size, digests: digests, declaredIn: self.path,
                                             location: FindingCollector.location(target)))
        if let entry = tree.file(at: path), !UnicodeNames.sameBytes(entry.path, path) {
            out.report("KHO-SIP-NAME", "Tham chiếu \"\(href)\" khác byte với tên tệp trên đĩa (khác dạng chuẩn hóa Unicode)",
                       "Reference \"\(href)\" differs in bytes from the file name on disk (another Unicode normalization)", at: target)
        }
        return path
    }
}

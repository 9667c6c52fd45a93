import KhoCore

/// The state of one validation: what has been read so far and what was found.
struct BagValidationRun {
    let root: [UInt8]
    let options: BagValidationOptions
    var findings = BagFindings()
    var declaration: BagDeclaration?
    var payloadManifests: [BagManifest] = []
    var tagManifests: [BagManifest] = []
    var bagInfo: BagInfo?
    var fetch: FetchFile?
    var payloadFiles: [BagFileSystem.Entry] = []
    /// Payload file indices grouped by the NFC form of their (non-ASCII) names.
    var payloadByNFC: [PathKey: [Int]] = [:]
    /// Expected digests per payload file index.
    var expected: [[Expectation]] = []

    /// One digest a manifest promises for a file.
    struct Expectation {
        var algorithm: DigestAlgorithm
        var checksum: String
        var manifest: String
        var line: Int
    }

    init(root: [UInt8], options: BagValidationOptions) {
        self.root = root
        self.options = options
    }

    private var strictness: Severity { (declaration ?? .current).isLegacy ? .warning : .error }

    mutating func perform() {
        guard BagFileSystem.kind(of: root).0 == .directory else {
            findings.add(.notADirectory, .error, path: BagPath.display(root),
                         vi: "không phải thư mục", en: "not a directory")
            return
        }
        readDeclaration()
        let decl = declaration ?? .current
        readManifests(decl)
        if let bytes = readTagFile("bag-info.txt") {
            bagInfo = BagInfo.parse(bytes, declaration: decl, findings: &findings)
        }
        if let bytes = readTagFile("fetch.txt") {
            fetch = FetchFile.parse(bytes, declaration: decl, findings: &findings)
        }
        scanPayload()
        matchPayloadManifests()
        let tagJobs = checkTagManifests()
        checkTagArea()
        if !options.fast { verifyDigests(tagJobs: tagJobs) }
        fillMissingSizes()
        checkFetch()
        checkOxum()
    }

    /// Sizes not learnt from hashing (fast mode reads them all while walking; full mode only for
    /// files that were not hashed).
    private mutating func fillMissingSizes() {
        for index in payloadFiles.indices where payloadFiles[index].size < 0 {
            payloadFiles[index].size = BagFileSystem.kind(of: BagFileSystem.join(root, payloadFiles[index].path)).1
        }
    }

    // MARK: bagit.txt, manifests, tag files

    private mutating func readDeclaration() {
        let path = BagFileSystem.join(root, Array("bagit.txt".utf8))
        guard BagFileSystem.kind(of: path).0 == .file else {
            findings.add(.declarationMissing, .error, path: "bagit.txt",
                         vi: "thiếu tệp khai báo bagit.txt", en: "the bag declaration bagit.txt is missing")
            return
        }
        do {
            declaration = BagDeclaration.parse(try BagFileSystem.readAll(path), findings: &findings)
        } catch {
            readFailure(error, path: "bagit.txt")
        }
    }

    private mutating func readTagFile(_ name: String) -> [UInt8]? {
        let path = BagFileSystem.join(root, Array(name.utf8))
        guard BagFileSystem.kind(of: path).0 == .file else { return nil }
        do {
            return try BagFileSystem.readAll(path)
        } catch {
            readFailure(error, path: name)
            return nil
        }
    }

    private mutating func readFailure(_ error: KhoFailure, path: String) {
        findings.add(.readError, .error, path: path, vi: error.message.vi, en: error.message.en)
    }

    private mutating func readManifests(_ decl: BagDeclaration) {
        let names: [[UInt8]]
        do {
            names = try BagFileSystem.list(root).sorted { $0.lexicographicallyPrecedes($1) }
        } catch {
            readFailure(error, path: BagPath.display(root))
            return
        }
        var payloadManifestNames = 0
        for nameBytes in names {
            let name = BagPath.display(nameBytes)
            guard let (kind, algorithmName) = BagManifest.classify(name),
                  BagFileSystem.kind(of: BagFileSystem.join(root, nameBytes)).0 == .file else { continue }
            if kind == .payload { payloadManifestNames += 1 }
            let normalized = String(algorithmName.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
            if normalized != algorithmName {
                findings.add(.algorithmName, .warning, path: name,
                             vi: "tên thuật toán '\(algorithmName)' chưa chuẩn hoá (phải là '\(normalized)')",
                             en: "algorithm name '\(algorithmName)' is not normalized (should be '\(normalized)')")
            }
            guard let algorithm = DigestAlgorithm(name: normalized) else {
                findings.add(.algorithmUnknown, .warning, path: name,
                             vi: "Kho không hỗ trợ thuật toán '\(algorithmName)'; bảng kê này không được kiểm tra",
                             en: "Kho does not support algorithm '\(algorithmName)'; this manifest is not verified")
                continue
            }
            let existing = kind == .payload ? payloadManifests : tagManifests
            if existing.contains(where: { $0.algorithm == algorithm }) {
                findings.add(.manifestDuplicateAlgorithm, .warning, path: name,
                             vi: "đã có bảng kê khác cho \(algorithm.rawValue), chỉ khác chữ hoa/thường",
                             en: "another manifest for \(algorithm.rawValue) differs only in case")
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try BagFileSystem.readAll(BagFileSystem.join(root, nameBytes))
            } catch {
                readFailure(error, path: name)
                continue
            }
            let manifest = BagManifest.parse(bytes, kind: kind, algorithm: algorithm, fileName: name,
                                             declaration: decl, findings: &findings)
            if kind == .payload { payloadManifests.append(manifest) } else { tagManifests.append(manifest) }
        }
        if payloadManifests.isEmpty {
            if payloadManifestNames > 0 {
                findings.add(.manifestNone, .error, path: nil,
                             vi: "không có bảng kê dữ liệu nào dùng thuật toán Kho hỗ trợ (md5, sha1, sha256, sha512)",
                             en: "no payload manifest uses an algorithm Kho supports (md5, sha1, sha256, sha512)")
            } else {
                findings.add(.manifestNone, .error, path: nil,
                             vi: "túi không có bảng kê dữ liệu manifest-*.txt", en: "the bag has no payload manifest manifest-*.txt")
            }
        } else if payloadManifests.allSatisfy({ $0.algorithm == .md5 || $0.algorithm == .sha1 }) {
            let weak = payloadManifests.map(\.algorithm.rawValue).joined(separator: ", ")
            findings.add(.algorithmWeak, decl.isLegacy ? .info : .warning, path: payloadManifests[0].fileName,
                         vi: "túi chỉ được bảo vệ bằng thuật toán yếu (\(weak)); nên dùng sha256 hoặc sha512",
                         en: "the bag is protected only by weak algorithms (\(weak)); sha256 or sha512 expected")
        }
    }

    // MARK: payload

    private mutating func scanPayload() {
        let dataPath = BagFileSystem.join(root, Array("data".utf8))
        guard BagFileSystem.kind(of: dataPath).0 == .directory else {
            findings.add(.payloadDirectoryMissing, .error, path: "data/",
                         vi: "thiếu thư mục dữ liệu data/", en: "the payload directory data/ is missing")
            return
        }
        let entries: [BagFileSystem.Entry]
        do {
            entries = try BagFileSystem.walkParallel(dataPath, prefix: Array("data".utf8), sizes: options.fast, threads: options.threads)
        } catch {
            readFailure(error, path: "data/")
            return
        }
        payloadFiles.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            switch entry.kind {
            case .file:
                payloadFiles.append(entry)
            case .directory:
                let childPrefix = entry.path + [UInt8(ascii: "/")]
                if index + 1 >= entries.count || !entries[index + 1].path.starts(with: childPrefix) {
                    findings.add(.payloadEmptyDirectory, .info, path: BagPath.display(entry.path),
                                 vi: "thư mục rỗng không được BagIt ghi nhận", en: "empty directory: BagIt cannot record it")
                }
            case .symlink:
                reportLink(entry.path)
            case .other, .missing:
                reportSpecial(entry.path)
            }
        }
        // NFC keys of non-ASCII names, computed once: for collisions here and for matching later.
        var groups: [PathKey: [Int]] = [:]
        for (index, file) in payloadFiles.enumerated() where file.path.contains(where: { $0 >= 0x80 }) {
            groups[PathKey(BagPath.nfcKey(file.path)), default: []].append(index)
        }
        for members in groups.values.filter({ $0.count > 1 }).sorted(by: { $0[0] < $1[0] }) {
            let names = members.map { BagPath.display(payloadFiles[$0].path) }
            findings.add(.pathNFCCollision, .warning, path: names[0],
                         vi: "các tên chỉ khác nhau về chuẩn hoá Unicode: \(names.joined(separator: ", "))",
                         en: "names differ only in Unicode normalization: \(names.joined(separator: ", "))")
        }
        payloadByNFC = groups
        expected = Array(repeating: [], count: payloadFiles.count)
    }

    private mutating func reportLink(_ path: [UInt8]) {
        findings.add(.payloadSymlink, .error, path: BagPath.display(path),
                     vi: "liên kết tượng trưng không được phép trong túi (không đi theo)",
                     en: "symbolic links are not allowed in a bag (not followed)")
    }

    private mutating func reportSpecial(_ path: [UInt8]) {
        findings.add(.payloadSpecialFile, .error, path: BagPath.display(path),
                     vi: "tệp đặc biệt (thiết bị, FIFO, socket) không được phép", en: "special file (device, FIFO, socket) not allowed")
    }

    private mutating func matchPayloadManifests() {
        var exact: [PathKey: Int] = [:]
        exact.reserveCapacity(payloadFiles.count)
        for (index, file) in payloadFiles.enumerated() { exact[PathKey(file.path)] = index }
        let byNFC = payloadByNFC
        var fetchPaths: Set<[UInt8]> = []
        for entry in fetch?.entries ?? [] {
            fetchPaths.insert(entry.path)
            fetchPaths.insert(BagPath.nfcKey(entry.path))
        }
        var normalizationReported: Set<Int> = []
        var unfetchedReported: Set<[UInt8]> = []
        for manifest in payloadManifests {
            for entry in manifest.entries {
                var index = exact[PathKey(entry.path)]
                if index == nil, entry.path.contains(where: { $0 >= 0x80 }),
                   let candidates = byNFC[PathKey(BagPath.nfcKey(entry.path))], candidates.count == 1 {
                    index = candidates[0]
                    if normalizationReported.insert(candidates[0]).inserted {
                        let disk = BagPath.display(payloadFiles[candidates[0]].path)
                        findings.add(.pathNormalization, .warning, path: manifest.fileName, line: entry.line,
                                     vi: "'\(BagPath.display(entry.path))' chỉ khớp với tệp '\(disk)' sau khi chuẩn hoá Unicode (NFC/NFD)",
                                     en: "'\(BagPath.display(entry.path))' matches file '\(disk)' only under Unicode normalization (NFC/NFD)")
                    }
                }
                if index == nil, let literal = entry.literalPath, let literalIndex = exact[PathKey(literal)] {
                    index = literalIndex
                    findings.add(.pathPercentLiteral, .warning, path: manifest.fileName, line: entry.line,
                                 vi: "'\(BagPath.display(literal))' chỉ khớp khi đọc '%' theo nghĩa đen (công cụ tạo túi không mã hoá '%' thành %25)",
                                 en: "'\(BagPath.display(literal))' matches only when '%' is read literally (the bagging tool did not encode '%' as %25)")
                }
                guard let index else {
                    reportAbsent(entry, manifest: manifest, fetchPaths: fetchPaths, unfetchedReported: &unfetchedReported)
                    continue
                }
                if expected[index].contains(where: { $0.algorithm == manifest.algorithm }) {
                    findings.add(.manifestDuplicateEntry, .error, path: manifest.fileName, line: entry.line,
                                 vi: "'\(BagPath.display(payloadFiles[index].path))' được liệt kê nhiều lần (dưới dạng chuẩn hoá khác)",
                                 en: "'\(BagPath.display(payloadFiles[index].path))' is listed more than once (in another normalization form)")
                    continue
                }
                expected[index].append(Expectation(algorithm: manifest.algorithm, checksum: entry.checksum,
                                                   manifest: manifest.fileName, line: entry.line))
            }
        }
        for (index, file) in payloadFiles.enumerated() {
            let display = BagPath.display(file.path)
            if expected[index].isEmpty {
                if !payloadManifests.isEmpty {
                    findings.add(.payloadUnlisted, .error, path: display,
                                 vi: "tệp dữ liệu không có trong bảng kê nào", en: "payload file is not listed in any payload manifest")
                }
                continue
            }
            for manifest in payloadManifests where !expected[index].contains(where: { $0.algorithm == manifest.algorithm }) {
                findings.add(.payloadUnlisted, strictness, path: display,
                             vi: "tệp dữ liệu không có trong \(manifest.fileName)", en: "payload file is not listed in \(manifest.fileName)")
            }
        }
    }

    private mutating func reportAbsent(_ entry: BagManifest.Entry, manifest: BagManifest, fetchPaths: Set<[UInt8]>,
                                       unfetchedReported: inout Set<[UInt8]>) {
        let display = BagPath.display(entry.path)
        switch BagFileSystem.kind(of: BagFileSystem.join(root, entry.path)).0 {
        case .directory:
            findings.add(.manifestDirectory, .error, path: manifest.fileName, line: entry.line,
                         vi: "bảng kê liệt kê thư mục '\(display)'", en: "manifest lists directory '\(display)'")
        case .symlink, .other:
            return  // already reported by the payload scan
        case .file, .missing:
            if fetchPaths.contains(entry.path) || fetchPaths.contains(BagPath.nfcKey(entry.path)) {
                if unfetchedReported.insert(entry.path).inserted {
                    findings.add(.fetchUnfetched, .error, path: display,
                                 vi: "tệp trong fetch.txt chưa được tải về: túi chưa đầy đủ (Kho không tải từ mạng)",
                                 en: "file listed in fetch.txt has not been fetched: the bag is incomplete (Kho never fetches)")
                }
            } else {
                findings.add(.payloadMissing, .error, path: manifest.fileName, line: entry.line,
                             vi: "tệp '\(display)' được liệt kê nhưng không có trong túi",
                             en: "file '\(display)' is listed but not present in the bag")
            }
        }
    }

    // MARK: fetch.txt, Payload-Oxum

    private mutating func checkFetch() {
        guard let fetch else { return }
        let manifestPaths = payloadManifests.map { Set($0.entries.map(\.path)) }
        var sizes: [[UInt8]: Int64] = [:]
        for file in payloadFiles { sizes[file.path] = file.size }
        for entry in fetch.entries {
            let display = BagPath.display(entry.path)
            for (manifest, paths) in zip(payloadManifests, manifestPaths) where !paths.contains(entry.path) {
                findings.add(.fetchNotInManifest, .error, path: "fetch.txt", line: entry.line,
                             vi: "'\(display)' không có trong \(manifest.fileName)", en: "'\(display)' is not listed in \(manifest.fileName)")
            }
            if let length = entry.length, let size = sizes[entry.path], size != length {
                findings.add(.fetchLengthMismatch, .warning, path: "fetch.txt", line: entry.line,
                             vi: "'\(display)' có \(size) byte, fetch.txt ghi \(length)",
                             en: "'\(display)' has \(size) octets, fetch.txt says \(length)")
            }
        }
    }

    private mutating func checkOxum() {
        guard let oxum = bagInfo?.payloadOxum else {
            if options.fast {
                findings.add(.fastWithoutOxum, .error, path: "bag-info.txt",
                             vi: "kiểm tra nhanh cần Payload-Oxum trong bag-info.txt",
                             en: "fast validation needs Payload-Oxum in bag-info.txt")
            }
            return
        }
        let octets = payloadFiles.reduce(Int64(0)) { $0 + $1.size }
        let streams = Int64(payloadFiles.count)
        if octets != oxum.octets || streams != oxum.streams {
            let line = bagInfo?.elements.first { $0.label.lowercased() == "payload-oxum" }?.line
            findings.add(.oxumMismatch, .error, path: "bag-info.txt", line: line,
                         vi: "Payload-Oxum ghi \(oxum.octets).\(oxum.streams) nhưng dữ liệu có \(octets).\(streams)",
                         en: "Payload-Oxum says \(oxum.octets).\(oxum.streams) but the payload has \(octets).\(streams)")
        }
    }

    // MARK: tag manifests and the tag area

    /// Tag files to hash: path and expectations.
    struct TagJob {
        var path: [UInt8]
        var expectations: [Expectation]
    }

    private mutating func checkTagManifests() -> [TagJob] {
        var jobs: [TagJob] = []
        var jobIndex: [[UInt8]: Int] = [:]
        let payloadManifestNames = payloadManifests.map(\.fileName)
        var sets: [Set<[UInt8]>] = []
        for manifest in tagManifests {
            sets.append(Set(manifest.entries.map(\.path)))
            for entry in manifest.entries {
                let display = BagPath.display(entry.path)
                if let (kind, _) = BagManifest.classify(display), kind == .tag, !display.contains("/") {
                    findings.add(.tagManifestListsTagManifest, .error, path: manifest.fileName, line: entry.line,
                                 vi: "bảng kê thẻ không được liệt kê bảng kê thẻ '\(display)'",
                                 en: "a tag manifest must not list tag manifest '\(display)'")
                    continue
                }
                switch BagFileSystem.kind(of: BagFileSystem.join(root, entry.path)).0 {
                case .file:
                    let expectation = Expectation(algorithm: manifest.algorithm, checksum: entry.checksum,
                                                  manifest: manifest.fileName, line: entry.line)
                    if let index = jobIndex[entry.path] {
                        jobs[index].expectations.append(expectation)
                    } else {
                        jobIndex[entry.path] = jobs.count
                        jobs.append(TagJob(path: entry.path, expectations: [expectation]))
                    }
                case .directory:
                    findings.add(.manifestDirectory, .error, path: manifest.fileName, line: entry.line,
                                 vi: "bảng kê liệt kê thư mục '\(display)'", en: "manifest lists directory '\(display)'")
                case .symlink, .other:
                    continue  // reported by the tag area scan
                case .missing:
                    findings.add(.tagFileMissing, .error, path: manifest.fileName, line: entry.line,
                                 vi: "tệp thẻ '\(display)' được liệt kê nhưng không có trong túi",
                                 en: "tag file '\(display)' is listed but not present in the bag")
                }
            }
            let listed = Set(manifest.entries.map { BagPath.display($0.path) })
            for name in payloadManifestNames where !listed.contains(name) {
                findings.add(.tagManifestMissingManifest, strictness, path: manifest.fileName,
                             vi: "bảng kê thẻ không liệt kê \(name)", en: "tag manifest does not list \(name)")
            }
        }
        if let first = sets.first, sets.contains(where: { $0 != first }) {
            findings.add(.tagManifestSetsDiffer, .warning, path: tagManifests[0].fileName,
                         vi: "các bảng kê thẻ liệt kê những tập tệp khác nhau", en: "the tag manifests list different sets of files")
        }
        return jobs
    }

    private mutating func checkTagArea() {
        let entries: [BagFileSystem.Entry]
        do {
            entries = try BagFileSystem.walk(root, prefix: [], sizes: false, skipping: [Array("data".utf8)])
        } catch {
            readFailure(error, path: BagPath.display(root))
            return
        }
        var listed: Set<[UInt8]> = []
        for manifest in tagManifests { listed.formUnion(manifest.entries.map(\.path)) }
        for entry in entries {
            switch entry.kind {
            case .symlink: reportLink(entry.path)
            case .other: reportSpecial(entry.path)
            case .file:
                let display = BagPath.display(entry.path)
                let isTagManifest = BagManifest.classify(display)?.kind == .tag && !display.contains("/")
                if !tagManifests.isEmpty, !isTagManifest, !listed.contains(entry.path) {
                    findings.add(.tagFileUnlisted, .info, path: display,
                                 vi: "tệp thẻ không có trong bảng kê thẻ", en: "tag file is not listed in the tag manifests")
                }
            case .directory, .missing:
                continue
            }
        }
    }

    // MARK: digests

    private mutating func verifyDigests(tagJobs: [TagJob]) {
        var jobs: [BagParallelHasher.Job] = []
        var owners: [(path: [UInt8], expectations: [Expectation], payloadIndex: Int?)] = []
        jobs.reserveCapacity(payloadFiles.count + tagJobs.count)
        for (index, file) in payloadFiles.enumerated() where !expected[index].isEmpty {
            jobs.append(BagParallelHasher.Job(path: BagFileSystem.join(root, file.path), algorithms: expected[index].map(\.algorithm)))
            owners.append((file.path, expected[index], index))
        }
        for tag in tagJobs {
            jobs.append(BagParallelHasher.Job(path: BagFileSystem.join(root, tag.path), algorithms: tag.expectations.map(\.algorithm)))
            owners.append((tag.path, tag.expectations, nil))
        }
        let outcomes = BagParallelHasher(threads: options.threads).hash(jobs)
        for (outcome, owner) in zip(outcomes, owners) {
            let display = BagPath.display(owner.path)
            switch outcome {
            case .failed(let error):
                readFailure(error, path: display)
            case .digest(let digest):
                if let index = owner.payloadIndex { payloadFiles[index].size = digest.size }
                for expectation in owner.expectations {
                    let actual = digest.digests[expectation.algorithm] ?? ""
                    if actual != expectation.checksum {
                        findings.add(.digestMismatch, .error, path: display,
                                     vi: "giá trị \(expectation.algorithm.rawValue) không khớp \(expectation.manifest) dòng \(expectation.line): mong đợi \(expectation.checksum), thực tế \(actual)",
                                     en: "\(expectation.algorithm.rawValue) mismatch with \(expectation.manifest) line \(expectation.line): expected \(expectation.checksum), found \(actual)")
                    }
                }
            }
        }
    }
}

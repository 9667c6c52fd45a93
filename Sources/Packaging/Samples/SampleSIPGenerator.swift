public import KhoCore

/// One package `kho sample sip` wrote.
public struct GeneratedPackage: Sendable, Hashable {
    /// The root METS `@OBJID`, `uuid-<UUID>`.
    public var objid: String
    /// The package folder, or the zip file with `--zip`.
    public var path: String
    /// The dossier code (mã hồ sơ), e.g. `H49.64.33.2001.160`.
    public var fileCode: String
    /// Documents in the dossier.
    public var documentCount: Int
    /// Files in the package (METS and metadata included).
    public var fileCount: Int
}

/// Writes realistic TT05 SIP_hoso packages (E-ARK CSIP/SIP 2.2 based) for tests, demonstrations and benchmarks.
///
/// Everything comes from the seed: identifiers, Vietnamese titles and document numbers, dates and the
/// METS timestamps, so two runs with the same options write byte-identical packages.
public struct SampleSIPGenerator: Sendable {
    /// What to write.
    public var options: SampleSIPOptions
    /// Turns a finished package folder into a zip (`folder`, `zipPath`); needed only with `options.zip`.
    public var zipper: (@Sendable (String, String) throws -> Void)?

    /// A generator for `options`.
    public init(options: SampleSIPOptions, zipper: (@Sendable (String, String) throws -> Void)? = nil) {
        self.options = options
        self.zipper = zipper
    }

    /// Writes the packages into `directory` (created if needed) and describes them.
    public func generate(into directory: String) throws(KhoFailure) -> [GeneratedPackage] {
        var packages: [GeneratedPackage] = []
        for index in 0..<max(0, options.dossiers) {
            packages.append(try writePackage(index: index, into: directory))
        }
        return packages
    }

    private func writePackage(index: Int, into directory: String) throws(KhoFailure) -> GeneratedPackage {
        var random = SeededGenerator(seed: options.seed &* 1_000_003 &+ UInt64(index))
        let objid = "uuid-" + random.uuid()
        let createdDate = Self.creationDate(seed: options.seed, index: index)
        let created = createdDate.iso8601
        let dossier = SampleDossier.make(count: options.documents, random: &random)
        let root = directory + "/" + objid
        let repRoot = root + "/representations/rep1"
        var fileCount = 0

        var documents: [(record: WrittenFile, data: [WrittenFile])] = []
        for (ordinal, document) in dossier.documents.enumerated() {
            var data: [WrittenFile] = []
            let pdfHref = "data/\(document.docId).pdf"
            let writer = PDFWriter(title: document.title, author: dossier.agency.name,
                                   creationDate: document.issuedDate.pdf)
            let padding = max(0, (options.payloadBytes ?? 0) - 4096)
            let pdfSeed = random.next()
            let (size, digest) = try SampleFileWriter.write(repRoot + "/" + pdfHref) { sink in
                writer.write(lines: document.lines, paddingBytes: padding, seed: pdfSeed, to: sink)
            }
            data.append(WrittenFile(href: pdfHref, size: size, sha256: digest, mimeType: "application/pdf"))
            if options.images {
                let tiffHref = "data/\(document.docId).tif"
                let bytes = TIFFWriter().data(seed: random.next() &+ UInt64(ordinal))
                let (tiffSize, tiffDigest) = try SampleFileWriter.write(repRoot + "/" + tiffHref, bytes: bytes)
                data.append(WrittenFile(href: tiffHref, size: tiffSize, sha256: tiffDigest, mimeType: "image/tiff"))
            }
            let recordHref = "metadata/descriptive/EAD_doc_\(document.docId).xml"
            let (recordSize, recordDigest) = try SampleFileWriter.write(repRoot + "/" + recordHref, bytes: Array(document.record.xml.utf8))
            documents.append((WrittenFile(href: recordHref, size: recordSize, sha256: recordDigest, mimeType: "text/xml"), data))
            fileCount += 1 + data.count
        }
        var mets = SampleMETSWriter(created: created, random: random)
        let repXML = mets.representation(objid: "rep1", label: dossier.title, documents: documents)
        let (repSize, repDigest) = try SampleFileWriter.write(repRoot + "/METS.xml", bytes: Array(repXML.utf8))
        let eadXML = dossier.record.xml
        let (eadSize, eadDigest) = try SampleFileWriter.write(root + "/metadata/descriptive/EAD.xml", bytes: Array(eadXML.utf8))
        let packageXML = mets.package(
            objid: objid, dossier: dossier,
            ead: WrittenFile(href: "metadata/descriptive/EAD.xml", size: eadSize, sha256: eadDigest, mimeType: "text/xml"),
            representationMETS: WrittenFile(href: "representations/rep1/METS.xml", size: repSize, sha256: repDigest, mimeType: "text/xml"))
        _ = try SampleFileWriter.write(root + "/METS.xml", bytes: Array(packageXML.utf8))
        fileCount += 3

        var path = root
        if options.zip {
            let sequence = String(index + 1)
            let zipPath = directory + "/" + String(repeating: "0", count: max(0, 3 - sequence.count)) + sequence + objid + ".zip"
            guard let zipper else {
                throw KhoFailure(rule: "KHO-SAMPLE-ZIP", path: zipPath,
                                 vi: "Không có công cụ nén zip", en: "No zip writer available")
            }
            // Fixed modification times (from the seed) make the zip byte-identical between runs.
            let tree = try PackageTree(root: root)
            let seconds = createdDate.epochSeconds(utcOffsetHours: 7)
            for file in tree.files { setModificationTime(tree.fullPath(file.path), seconds: seconds) }
            for folder in tree.directories { setModificationTime(tree.fullPath(folder), seconds: seconds) }
            setModificationTime(root, seconds: seconds)
            do {
                try zipper(root, zipPath)
            } catch {
                throw KhoFailure(rule: "KHO-SAMPLE-ZIP", path: zipPath,
                                 vi: "Không nén được gói: \(error)", en: "Could not zip the package: \(error)")
            }
            try Self.removeTree(root)
            path = zipPath
        }
        return GeneratedPackage(objid: objid, path: path, fileCode: dossier.fileCode,
                                documentCount: dossier.documents.count, fileCount: fileCount)
    }

    /// A fixed creation time derived from the seed: a day in 2025–2026, Vietnam time.
    static func creationDate(seed: UInt64, index: Int) -> CivilDate {
        var random = SeededGenerator(seed: seed ^ 0x5EED)
        var date = CivilDate(daysSinceEpoch: CivilDate.days(year: 2025, month: 7, day: 1) + Int(random.next() % 365))
        date.hour = 7 + Int(random.next() % 10)
        date.minute = Int(random.next() % 60)
        date.second = (Int(random.next() % 60) + index) % 60
        date.millisecond = Int(random.next() % 1000)
        return date
    }

    static func removeTree(_ path: String) throws(KhoFailure) {
        let tree = try PackageTree(root: path)
        for file in tree.files { _ = unlinkFile(tree.fullPath(file.path)) }
        for directory in tree.directories.reversed() { _ = removeDirectory(tree.fullPath(directory)) }
        _ = removeDirectory(path)
    }
}

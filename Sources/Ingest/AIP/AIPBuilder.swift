import Foundation
import KhoCore
import Metadata

/// Writes a TT05 AIP_hoso (gói AIP hồ sơ) into an empty directory: root `METS.xml`, the dossier `EAD.xml`,
/// `PREMIS.xml`, the SIP's METS as provenance, and for `representations/rep1` its `METS.xml`, one
/// `EAD_doc_<docId>.xml` per document and `PREMIS_rep1.xml`.
///
/// Payload files are not copied: `build` returns them as (AIP path → source) pairs for the OCFL writer,
/// with the digests the caller computed. Every METS is streamed (`XMLStreamWriter`), so memory stays flat
/// for 20 000 files; each metadata file is hashed after it is written and referenced from a file written
/// later, the root `METS.xml` last. The output depends only on the input (byte-identical for the same one).
public struct AIPBuilder: Sendable {
    /// Make each written file durable (fsync) before it is hashed; the OCFL writer syncs directories.
    public var durable: Bool

    /// A builder.
    public init(durable: Bool = true) {
        self.durable = durable
    }

    /// Builds the AIP for `content` into `directory` (which must exist and be empty).
    public func build(_ content: AIPContent, into directory: String) throws(AIPBuildError) -> AIPBuildResult {
        let plan = try AIPPlan(content)
        try requireEmptyDirectory(directory)
        var written: [String: AIPBuildResult.MetadataFile] = [:]
        var order: [AIPBuildResult.MetadataFile] = []
        func record(_ file: AIPBuildResult.MetadataFile) {
            written[file.path] = file
            order.append(file)
        }
        let output = Output(directory: directory, durable: durable)

        record(try output.writeData(content.submissionMETS, to: AIPLayout.submissionMETS))
        record(try output.writeXML(AIPLayout.dossierEAD) { writer throws(XMLError) in
            try plan.aipDossier.write(to: writer)
        })
        for document in plan.documents {
            record(try output.writeXML(document.metadataPath) { writer throws(XMLError) in
                try document.aipRecord.write(to: writer)
            })
        }
        record(try output.writeXML(AIPLayout.representationPREMIS) { writer throws(XMLError) in
            try PREMISWriter(plan: plan, writer: writer).writeRepresentation()
        })
        record(try output.writeXML(AIPLayout.representationMETS) { writer throws(XMLError) in
            try METSWriter(plan: plan, writer: writer, metadata: written).writeRepresentation()
        })
        record(try output.writeXML(AIPLayout.rootPREMIS) { writer throws(XMLError) in
            try PREMISWriter(plan: plan, writer: writer).writePackage(submissionMETS: written[AIPLayout.submissionMETS])
        })
        record(try output.writeXML(AIPLayout.rootMETS) { writer throws(XMLError) in
            try METSWriter(plan: plan, writer: writer, metadata: written).writeRoot()
        })

        let payload = content.files.map {
            AIPBuildResult.PayloadEntry(path: $0.path, source: $0.source, size: $0.size, sha256: $0.sha256.lowercased(), sha512: $0.sha512?.lowercased())
        }
        return AIPBuildResult(payload: payload, metadata: order)
    }

    private func requireEmptyDirectory(_ directory: String) throws(AIPBuildError) {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw AIPBuildError("KHO-AIP-DIRECTORY", path: directory,
                                vi: "Thư mục đích không tồn tại hoặc không đọc được",
                                en: "The target directory does not exist or cannot be read")
        }
        guard entries.isEmpty else {
            throw AIPBuildError("KHO-AIP-DIRECTORY", path: directory,
                                vi: "Thư mục đích phải rỗng (có \(entries.count) mục)",
                                en: "The target directory must be empty (it holds \(entries.count) entries)")
        }
    }
}

/// Writes files under the output directory and hashes each one once it is complete.
private struct Output {
    var directory: String
    var durable: Bool

    func writeXML(_ path: String, _ body: (XMLStreamWriter) throws(XMLError) -> Void) throws(AIPBuildError) -> AIPBuildResult.MetadataFile {
        let full = try prepare(path)
        do {
            let writer = try XMLStreamWriter(fileAt: full)
            try writer.startDocument()
            try body(writer)
            try writer.finish(sync: durable)
        } catch {
            throw AIPBuildError(writing: error, path: path)
        }
        return try hash(path, full)
    }

    func writeData(_ data: Data, to path: String) throws(AIPBuildError) -> AIPBuildResult.MetadataFile {
        let full = try prepare(path)
        do {
            try data.write(to: URL(fileURLWithPath: full))
            if durable { try POSIXFile.sync(full) }
        } catch let failure as KhoFailure {
            throw AIPBuildError(writing: failure, path: path)
        } catch {
            throw AIPBuildError("KHO-AIP-WRITE", path: path, vi: "Không ghi được tệp: \(error)", en: "Cannot write the file: \(error)")
        }
        return try hash(path, full)
    }

    private func prepare(_ path: String) throws(AIPBuildError) -> String {
        let full = directory + "/" + path
        let parent = (full as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw AIPBuildError("KHO-AIP-WRITE", path: path, vi: "Không tạo được thư mục \(parent)", en: "Cannot create the folder \(parent)")
        }
        return full
    }

    private func hash(_ path: String, _ full: String) throws(AIPBuildError) -> AIPBuildResult.MetadataFile {
        do {
            let digest = try FileHasher().digest(fileAt: full, algorithms: [.sha256, .sha512])
            return AIPBuildResult.MetadataFile(path: path, size: digest.size,
                                               sha256: digest.digests[.sha256] ?? "", sha512: digest.digests[.sha512] ?? "")
        } catch {
            throw AIPBuildError(writing: error, path: path)
        }
    }
}

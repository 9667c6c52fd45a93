import Metadata

/// One document (tài liệu) of the dossier: its TT05 record and the payload files that hold it.
public struct AIPDocument: Sendable, Hashable {
    /// The document record as received; the builder writes it with `arcDocCode` (see `AIPBuilder`).
    public var record: DocumentRecord
    /// Logical AIP paths of the document's files (each must be one of `AIPContent.files`).
    public var filePaths: [String]

    /// A document with its files.
    public init(record: DocumentRecord, filePaths: [String]) {
        self.record = record
        self.filePaths = filePaths
    }

    /// The name of its metadata file: `EAD_doc_<docId>.xml` (docId, else the document code).
    public var metadataFileName: String? {
        let key = [record.docId, record.code].compactMap { $0 }.first { !$0.isEmpty }
        return key.map { "EAD_doc_\($0).xml" }
    }
}

import GRDB

/// A file row: what Ingest measured of one file in an AIP (DataManagement never reads payload bytes).
public struct CatalogueFile: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table `files`.
    public static let databaseTableName = "files"
    /// The AIP holding the file.
    public var aipObjectID: String
    /// Logical path in the OCFL object.
    public var path: String
    /// Size in bytes.
    public var size: Int64
    /// SHA-256 (hex).
    public var sha256: String
    /// SHA-512 (hex).
    public var sha512: String?
    /// PRONOM PUID.
    public var puid: String?
    /// MIME type.
    public var mimeType: String?
    /// docId of the document (tài liệu) it belongs to.
    public var docId: String?

    init(_ e: FileEntry, aipObjectID: String) {
        self.aipObjectID = aipObjectID
        path = e.path
        size = e.size
        sha256 = e.sha256
        sha512 = e.sha512
        puid = e.puid
        mimeType = e.mimeType
        docId = e.docId
    }

    /// The entry again.
    public var entry: FileEntry {
        FileEntry(path: path, size: size, sha256: sha256, sha512: sha512, puid: puid, mimeType: mimeType, docId: docId)
    }

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE files (
                aipObjectID TEXT NOT NULL,
                path TEXT NOT NULL CHECK (path <> ''),
                size INTEGER NOT NULL CHECK (size >= 0),
                sha256 TEXT NOT NULL,
                sha512 TEXT,
                puid TEXT,
                mimeType TEXT,
                docId TEXT,
                PRIMARY KEY (aipObjectID, path),
                FOREIGN KEY (aipObjectID, docId) REFERENCES documents(aipObjectID, docId)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX files_sha256 ON files(sha256);
            CREATE INDEX files_document ON files(aipObjectID, docId);
            """)
    }

    static let snapshotSQL = "SELECT * FROM files ORDER BY aipObjectID, path"
}

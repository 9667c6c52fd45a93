import Foundation
import GRDB

/// The catalogue (mục lục): a SQLite projection of what storage holds — fonds (phông), transfers
/// (nộp lưu), dossiers (hồ sơ), documents (tài liệu), files, AIP versions, PREMIS events — with
/// Vietnamese full-text search and the hash-chained audit log.
///
/// Opened on a file path as a WAL-mode `DatabasePool` (one writer, concurrent readers), foreign keys
/// on, a busy timeout so the CLI and the server can share the file. Storage stays the source of truth:
/// `deleteAIP(objectID:)` and `record(aip:)` rebuild any AIP's rows from what storage says.
public final class Catalogue: Sendable {
    /// The SQLite file.
    public let path: String
    let pool: DatabasePool

    /// Bytes of the file read through a memory map (see `init`).
    public static let mmapSize: Int64 = 2 << 30

    /// How long a writer waits for another before giving up.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (creating if needed) the catalogue at `path` and applies pending migrations.
    public init(path: String) throws(CatalogueError) {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "kho.catalogue"
        // Search ranks with an FTS5 function of its own, on every connection. Reads through a memory map:
        // an FTS5 walk touches thousands of index pages, each a read() syscall and a copy without it
        // (measured on 1,000,000 documents: 32 → 8 ms for one query). The mapped pages are the OS page
        // cache, shared by all connections; SQLite caps the map at its compile-time limit (2 GB here). Only the
        // readers map it: the writer's inserts land on pages all over large indexes (random event identifiers),
        // and mapped, every page it ever touched would count in the process's resident size — a sweep of a long
        // history would grow with the catalogue.
        configuration.prepareDatabase { db in
            try SearchRank.register(db)
            if db.configuration.readonly {
                try db.execute(sql: "PRAGMA mmap_size = \(Self.mmapSize)")
            } else {
                // The writer keeps its own cache instead, bounded (16 MB): what a large transaction rereads.
                try db.execute(sql: "PRAGMA cache_size = -16384")
            }
        }
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
            try CatalogueSchema.migrator.migrate(pool)
        } catch {
            throw .openFailed(path: path, reason: String(describing: error))
        }
    }

    /// Names of the migrations applied to this file, oldest first.
    public func appliedMigrations() throws(CatalogueError) -> [String] {
        try read("list migrations") { db in try CatalogueSchema.migrator.appliedMigrations(db) }
    }

    /// Runs `body` in one write transaction, mapping failures to `CatalogueError`.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(CatalogueError) -> T {
        do {
            return try pool.write { db in try body(db) }
        } catch let error as CatalogueError {
            throw error
        } catch {
            throw .database(operation: operation, reason: String(describing: error))
        }
    }

    /// Runs `body` on a read snapshot, mapping failures to `CatalogueError`.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(CatalogueError) -> T {
        do {
            return try pool.read { db in try body(db) }
        } catch let error as CatalogueError {
            throw error
        } catch {
            throw .database(operation: operation, reason: String(describing: error))
        }
    }

    /// Runs `body` on a read snapshot of a connection of its own that reads the file without the memory map: a
    /// walk over a whole table that only grows (the audit chain, checked at the end of every sweep) would otherwise
    /// map every page of it into this process, and its resident size would grow with the archive's history.
    func streamingRead<T>(_ operation: String, _ body: (Database) throws -> T) throws(CatalogueError) -> T {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(Self.busyTimeout)
            configuration.label = "kho.catalogue.streaming"
            return try DatabaseQueue(path: path, configuration: configuration).read { db in try body(db) }
        } catch let error as CatalogueError {
            throw error
        } catch {
            throw .database(operation: operation, reason: String(describing: error))
        }
    }

    /// Runs raw SQL in a write transaction: for repairs and for tests that play the attacker.
    public func unsafeExecute(sql: String, arguments: [(any DatabaseValueConvertible)?] = []) throws(CatalogueError) {
        try write("execute SQL") { db in
            try db.execute(sql: sql, arguments: StatementArguments(arguments))
        }
    }
}

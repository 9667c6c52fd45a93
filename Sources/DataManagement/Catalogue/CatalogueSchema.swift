import GRDB

/// The catalogue's schema as named, append-only migrations: never edit one that has shipped,
/// add a new one after it.
enum CatalogueSchema {
    /// All migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-catalogue") { db in
            try Fonds.createTable(db)
            try Transfer.createTable(db)
            try Agent.createTable(db)
            try AIPVersion.createTable(db)
            try Dossier.createTable(db)
            try Document.createTable(db)
            try CatalogueFile.createTable(db)
            try PremisEvent.createTable(db)
        }
        migrator.registerMigration("v1-search") { db in
            try SearchIndex.createTables(db)
        }
        migrator.registerMigration("v1-audit") { db in
            try AuditEntry.createTable(db)
        }
        migrator.registerMigration("v2-fixity") { db in
            try FixitySchema.createTables(db)
        }
        migrator.registerMigration("v3-search-facets") { db in
            try SearchIndex.addFacets(db)
        }
        return migrator
    }
}

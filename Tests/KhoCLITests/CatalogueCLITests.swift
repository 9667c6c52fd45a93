import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// `kho catalogue rebuild` through the binary: storage wins over the catalogue, the audit log stays.
/// (Rebuilding real AIPs field by field is `RebuildTests` in IngestTests.)
@Suite struct CatalogueCLITests {
    @Test func storageWinsAndTheAuditLogIsKept() throws {
        let fixture = try SearchCLIFixture()
        let before = try AuditChain.verify(Catalogue(path: fixture.cataloguePath))
        // The catalogue lists two AIPs that storage does not hold.
        #expect(try runKho(["ocfl", "init", fixture.home + "/ocfl"]).status == 0)
        let result = try fixture.kho(["catalogue", "rebuild"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Gói AIP / objects: 0"))
        #expect(result.stdout.contains("6 mục nhật ký / audit entries"))
        let catalogue = try Catalogue(path: fixture.cataloguePath)
        #expect(try catalogue.count(table: "dossiers") == 0)
        #expect(try catalogue.count(table: "documents") == 0)
        #expect(try catalogue.search(SearchQuery("dang uy")).isEmpty)
        let after = try AuditChain.verify(catalogue)
        #expect(after.isIntact && after.length == before.length && after.headDigest == before.headDigest)
        #expect(!FileManager.default.fileExists(atPath: fixture.cataloguePath + ".before-rebuild"))
        // Searching the rebuilt catalogue says so plainly.
        #expect(try fixture.kho(["search", "dang uy"]).stdout.contains("Không tìm thấy"))
    }

    @Test func noStorageRootExitsOneAndChangesNothing() throws {
        let fixture = try SearchCLIFixture()
        let before = try Catalogue(path: fixture.cataloguePath).tableSnapshots().mapValues { "\($0)" }
        let result = try fixture.kho(["catalogue", "rebuild"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("KHO-REBUILD-OBJECT"))
        #expect(try Catalogue(path: fixture.cataloguePath).count(table: "dossiers") == 2)
        #expect(try Catalogue(path: fixture.cataloguePath).tableSnapshots().mapValues { "\($0)" } == before)
    }

    @Test func demoHomeRebuildsToAnEqualCatalogue() throws {
        let temp = try TemporaryDirectory("kho-cli-rebuild-demo")
        let home = temp.path + "/home"
        let demo = try runKho(["demo", "--home", home])
        #expect(demo.status == 0, "\(demo.stderr)")
        let snapshot = { () throws -> [String: String] in
            try Catalogue(path: home + "/kho.sqlite").tableSnapshots().mapValues { "\($0)" }
        }
        let before = try snapshot()
        #expect(before["documents"] != "[]")
        let result = try runKho(["catalogue", "rebuild", "--home", home])
        #expect(result.status == 0, "\(result.stderr)")
        let after = try snapshot()
        for table in before.keys.sorted() {
            #expect(after[table] == before[table], "table \(table) differs after kho catalogue rebuild")
        }
        // Without text extraction only the search index differs.
        #expect(try runKho(["catalogue", "rebuild", "--home", home, "--skip-text"]).status == 0)
        let skipped = try snapshot()
        for table in before.keys.sorted() where table != "search_entries" {
            #expect(skipped[table] == before[table], "table \(table) differs after --skip-text")
        }
        // …and it does differ: the demo's PDFs carry a text layer that ingest indexed.
        #expect(skipped["search_entries"] != before["search_entries"])
    }
}

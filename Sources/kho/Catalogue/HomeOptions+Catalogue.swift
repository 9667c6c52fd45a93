import DataManagement
import Foundation
import Ingest
import KhoCore

extension HomeOptions {
    /// Opens the home's existing catalogue; a missing file is an error, not a new empty catalogue,
    /// so a mistyped `--home` never looks like an archive with nothing in it.
    func existingCatalogue() throws -> Catalogue {
        let home = repositoryHome
        guard FileManager.default.fileExists(atPath: home.cataloguePath) else {
            throw KhoFailure(
                rule: "KHO-CAT-MISSING", path: home.cataloguePath,
                vi: "Không có mục lục trong kho này (kiểm tra --home hoặc chạy kho catalogue rebuild)",
                en: "No catalogue in this home (check --home, or run kho catalogue rebuild)")
        }
        return try Catalogue(path: home.cataloguePath)
    }
}

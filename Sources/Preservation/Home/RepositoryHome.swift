import ArchivalStorage
import DataManagement
import Foundation
import KhoCore

/// The repository home of the embedded setup (DESIGN.md "Repository home"): one folder holding the OCFL
/// storage root, the catalogue, staging, quarantine and the configuration.
///
/// ```
/// storage/
///   ocfl/          OCFL storage root (primary copy)
///   kho.sqlite     catalogue (WAL mode)
///   staging/       ingest work areas (same file system as ocfl/)
///   quarantine/    rejected packages with their reports
///   kho.toml       configuration
/// ```
public struct RepositoryHome: Sendable {
    /// The home folder.
    public let path: String

    /// The OCFL storage root of the primary copy.
    public var ocflRoot: String { path + "/ocfl" }
    /// The catalogue database.
    public var cataloguePath: String { path + "/kho.sqlite" }
    /// Ingest work areas; on the same file system as `ocflRoot` so a rename publishes.
    public var staging: String { path + "/staging" }
    /// Rejected packages with their reports.
    public var quarantine: String { path + "/quarantine" }
    /// Receipts issued for accepted transfers (JSON and the Vietnamese biên bản giao nhận).
    public var receipts: String { path + "/receipts" }
    /// The configuration file.
    public var configuration: String { path + "/kho.toml" }
    /// Evidence a repair moved aside (bad copies, unexpected files), one folder per run.
    public var repairEvidence: String { quarantine + "/repair" }

    /// What `kho.toml` says; the defaults when there is no file.
    public func loadConfiguration() throws(ConfigurationError) -> HomeConfiguration {
        try HomeConfiguration.load(from: configuration)
    }

    /// The home named by `--home`, else `KHO_HOME`, else `./storage`.
    public static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> RepositoryHome {
        let chosen = option ?? environment["KHO_HOME"] ?? "storage"
        return RepositoryHome(path: URL(fileURLWithPath: chosen).standardizedFileURL.path)
    }

    public init(path: String) {
        self.path = path
    }

    /// Creates whatever is missing (folders, OCFL root, catalogue) and opens the home; safe to repeat.
    /// Opening the OCFL root also recovers interrupted commits and cleans stale staging.
    public func prepare() throws -> (storage: OCFLStorageRoot, catalogue: Catalogue) {
        let fm = FileManager.default
        for folder in [path, staging, quarantine, receipts] {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let storage = fm.fileExists(atPath: ocflRoot + "/0=ocfl_1.1")
            ? try OCFLStorageRoot.open(at: ocflRoot)
            : try OCFLStorageRoot.create(at: ocflRoot)
        if !fm.fileExists(atPath: configuration) {
            try Data(Self.defaultConfiguration.utf8).write(to: URL(fileURLWithPath: configuration))
        }
        let catalogue = try Catalogue(path: cataloguePath)
        return (storage, catalogue)
    }

    /// The configuration written into a new home.
    static let defaultConfiguration = """
        # Kho — cấu hình kho lưu trữ số / repository configuration
        # Bản sao dự phòng (TT05 Đ27: ít nhất hai bộ trên phương tiện độc lập) / replica roots:
        # [[replica]]
        # name = "o-dia-1"
        # path = "/mnt/ban-sao-1/ocfl"
        #
        # Kiểm tra toàn vẹn định kỳ / fixity schedule:
        # [fixity]
        # interval_days = 90
        # max_rate_mb = 200
        # parallel = 2

        """
}

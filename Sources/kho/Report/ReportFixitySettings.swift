import Preservation

/// What the fixity report takes from the home's `kho.toml`: the check interval and the replicas' names
/// (so a replica never checked still shows, at 0 %).
struct ReportFixitySettings {
    var intervalDays: Int
    var replicaNames: [String]

    /// Reads `kho.toml`; a missing file gives Kho's defaults, a malformed one is an error (`KHO-CONFIG…`).
    init(home: RepositoryHome) throws {
        let configuration = try home.loadConfiguration()
        intervalDays = configuration.fixity.intervalDays
        replicaNames = configuration.replicas.map(\.name)
    }
}

import Preservation

/// What the fixity report takes from the home's configuration: the check interval and the replicas' names.
struct ReportFixitySettings {
    var intervalDays = 90
    var replicaNames: [String] = []

    init(home: RepositoryHome) {}
}

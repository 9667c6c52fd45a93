import ArgumentParser
import Ingest
import Preservation

/// `--home DIR`: the repository home shared by every command that works on the archive.
struct HomeOptions: ParsableArguments {
    @Option(help: "Thư mục kho (mặc định $KHO_HOME hoặc ./storage) — repository home (default $KHO_HOME or ./storage).")
    var home: String?

    /// The resolved home.
    var repositoryHome: RepositoryHome { RepositoryHome.resolve(home) }
}

import Foundation
import KhoTestSupport
import Preservation
import Testing

/// kho.toml read with TOMLKit: replicas, the fixity schedule, and errors that name the file and the line.
@Suite struct HomeConfigurationTests {
    @Test func readsReplicasAndFixity() throws {
        let text = """
            # cấu hình thử / test configuration
            [[replica]]
            name = "o-dia-1"
            path = "/mnt/ban-sao-1/ocfl"

            [[replica]]
            path = "ban-sao-2"   # relative to the home

            [fixity]
            interval_days = 30
            max_rate_mb = 150.5
            parallel = 4
            """
        let configuration = try HomeConfiguration.parse(text, file: "/srv/kho/kho.toml", baseFolder: "/srv/kho")
        #expect(configuration.replicas == [
            ReplicaConfiguration(name: "o-dia-1", path: "/mnt/ban-sao-1/ocfl"),
            ReplicaConfiguration(name: "replica-2", path: "/srv/kho/ban-sao-2"),
        ])
        #expect(configuration.fixity == FixitySettings(intervalDays: 30, maxRateMB: 150.5, parallel: 4))
    }

    @Test func defaultsWhenEmptyOrMissing() throws {
        #expect(try HomeConfiguration.parse("# nothing\n", file: "kho.toml", baseFolder: "/") == HomeConfiguration())
        #expect(HomeConfiguration().fixity.intervalDays == 90 && HomeConfiguration().fixity.parallel == 2)
        #expect(HomeConfiguration().fixity.maxRateMB == nil)
        let dir = try TemporaryDirectory()
        #expect(try HomeConfiguration.load(from: dir.path + "/kho.toml") == HomeConfiguration())
        // A new home's kho.toml is all comments: it reads as the defaults.
        let home = RepositoryHome(path: dir.path + "/home")
        _ = try home.prepare()
        #expect(try home.loadConfiguration() == HomeConfiguration())
        #expect(try max_rate_integer().fixity.maxRateMB == 200)
    }

    func max_rate_integer() throws -> HomeConfiguration {
        try HomeConfiguration.parse("[fixity]\nmax_rate_mb = 200\n", file: "kho.toml", baseFolder: "/")
    }

    @Test(arguments: [
        ("[[replica]]\nname = \"a\"\npath = \"/x\"\n[fixity\n", 4, "TOML"),
        ("[fixity]\ninterval_days = 0\n", 2, "interval_days"),
        ("[fixity]\ninterval_days = \"ba tháng\"\n", 2, "interval_days"),
        ("[fixity]\nparallel = 500\n", 2, "parallel"),
        ("[fixity]\nspeed = 3\n", 2, "speed"),
        ("\n\n[[replica]]\nname = \"a\"\n", 3, "path"),
        ("[[replica]]\nname = \"primary\"\npath = \"/x\"\n", 2, "primary"),
        ("[[replica]]\nname = \"a\"\npath = \"/x\"\n[[replica]]\nname = \"a\"\npath = \"/y\"\n", 2, "a"),
        ("[[replica]]\nname = \"a b/c\"\npath = \"/x\"\n", 1, "name"),
        ("colour = \"đỏ\"\n", 1, "colour"),
    ])
    func badConfigurationNamesFileAndLine(text: String, line: Int, mentions: String) {
        do {
            _ = try HomeConfiguration.parse(text, file: "/srv/kho/kho.toml", baseFolder: "/srv/kho")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.description.contains("kho.toml"))
            #expect(error.message.vi.contains("dòng \(line)") && error.message.en.contains("line \(line)"), "\(error)")
            #expect(error.message.en.contains(mentions) || error.message.vi.contains(mentions), "\(error)")
        }
    }
}

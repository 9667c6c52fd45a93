import Foundation
import Preservation
import KhoTestSupport
import Testing

@Suite struct RepositoryHomeTests {
    @Test func prepareCreatesTheEmbeddedLayoutAndIsRepeatable() throws {
        let dir = try TemporaryDirectory()
        let home = RepositoryHome(path: dir.path + "/storage")
        _ = try home.prepare()
        let fm = FileManager.default
        for path in [home.ocflRoot + "/0=ocfl_1.1", home.cataloguePath, home.staging, home.quarantine, home.configuration] {
            #expect(fm.fileExists(atPath: path), "\(path)")
        }
        try Data("# sửa tay / edited\n".utf8).write(to: URL(fileURLWithPath: home.configuration))
        _ = try home.prepare()
        #expect(try String(contentsOfFile: home.configuration, encoding: .utf8) == "# sửa tay / edited\n")
    }

    @Test func homeComesFromOptionThenEnvironmentThenDefault() {
        #expect(RepositoryHome.resolve("/srv/kho", environment: ["KHO_HOME": "/x"]).path == "/srv/kho")
        #expect(RepositoryHome.resolve(nil, environment: ["KHO_HOME": "/x"]).path == "/x")
        #expect(RepositoryHome.resolve(nil, environment: [:]).path.hasSuffix("/storage"))
    }
}

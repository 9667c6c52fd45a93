import ArchivalStorage
import Foundation
import KhoTestSupport
import Preservation
import Testing

/// `ReplicaRegistration`: the block appended to kho.toml reads back exactly, whatever the folder is called.
@Suite struct ReplicaRegistrationTests {
    @Test func awkwardFolderNamesRoundTripThroughKhoToml() throws {
        let dir = try TemporaryDirectory("kho-replica-registration")
        let home = RepositoryHome(path: dir.path + "/home")
        _ = try home.prepare()
        let awkward = dir.path + "/Ổ đĩa \"dự phòng\" \\ số 1"
        let replica = try ReplicaRegistration(home: home).add(path: awkward, name: nil)
        #expect(replica.name == "replica-1")
        #expect(replica.path == URL(fileURLWithPath: awkward).standardizedFileURL.path)
        #expect(FileManager.default.fileExists(atPath: awkward + "/0=ocfl_1.1"))
        #expect(try home.loadConfiguration().replicas == [replica])
        // The template's comments are still there, above the new block.
        let text = try String(contentsOfFile: home.configuration, encoding: .utf8)
        #expect(text.hasPrefix("# Kho — cấu hình kho lưu trữ số"))

        let second = try ReplicaRegistration(home: home).add(path: dir.path + "/r2", name: nil)
        #expect(second.name == "replica-2")
        let roots = StorageRoots.open(primary: try OCFLStorageRoot.open(at: home.ocflRoot), configuration: try home.loadConfiguration())
        #expect(roots.roots.map(\.name) == ["primary", "replica-1", "replica-2"])
        #expect(roots.unreachable.isEmpty)

        // A replica whose disk is away is reported, not opened or created.
        try FileManager.default.moveItem(atPath: dir.path + "/r2", toPath: dir.path + "/r2-away")
        let partial = StorageRoots.open(primary: try OCFLStorageRoot.open(at: home.ocflRoot), configuration: try home.loadConfiguration())
        #expect(partial.roots.map(\.name) == ["primary", "replica-1"])
        #expect(partial.unreachable.map(\.name) == ["replica-2"])
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/r2"))
    }

    @Test func aFileInsteadOfAFolderIsRefusedAndNothingIsWritten() throws {
        let dir = try TemporaryDirectory("kho-replica-registration-file")
        let home = RepositoryHome(path: dir.path + "/home")
        _ = try home.prepare()
        let before = try String(contentsOfFile: home.configuration, encoding: .utf8)
        try Data("không phải thư mục".utf8).write(to: URL(fileURLWithPath: dir.path + "/tep"))
        #expect(throws: PreservationError.self) { try ReplicaRegistration(home: home).add(path: dir.path + "/tep", name: "x") }
        #expect(throws: PreservationError.self) { try ReplicaRegistration(home: home).add(path: dir.path + "/ok", name: "tên có dấu cách") }
        #expect(try String(contentsOfFile: home.configuration, encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/ok"))
    }
}

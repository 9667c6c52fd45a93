@testable import ArchivalStorage
import Foundation
import KhoTestSupport
import Synchronization
import Testing

/// What a sweep keeps from one object to the next — hashing threads, read buffers — changes no finding, and the
/// inventory reader sized to the file still reads small and large files alike.
@Suite struct FixityReuseTests {
    @Test func oneCheckerOverManyObjectsFindsWhatFreshCheckersFind() throws {
        let fixture = try FixityTestFixture.make(objects: 4, filesPerVersion: 6, replicaCount: 0)
        let folders = try fixture.ids.map { fixture.primary.path + "/" + (try fixture.objectFolder($0)) }
        // Object 1: a file emptied (a buffer that held another file's bytes must not lend them to it); object 2: a
        // file with one byte changed; objects 0 and 3 intact.
        let emptied = try contentFiles(of: folders[1]).max { size($0) < size($1) }
        try Data().write(to: URL(fileURLWithPath: try #require(emptied)))
        let altered = try #require(try contentFiles(of: folders[2]).first)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: altered)))
        bytes[bytes.count / 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: altered))

        for mode in FixityMode.allCases {
            for bufferSize in [4096, 1 << 20] {
                let shared = ObjectFixityChecker(mode: mode, threads: 2, rateLimiter: nil, bufferSize: bufferSize)
                // Twice round, so that every object is checked with buffers and threads another object used.
                for round in 0..<2 {
                    for (index, folder) in folders.enumerated() {
                        let reused = shared.check(objectAt: folder)
                        let fresh = ObjectFixityChecker(mode: mode, threads: 2, rateLimiter: nil, bufferSize: bufferSize).check(objectAt: folder)
                        let label = "\(mode) \(bufferSize) round \(round) object \(index)"
                        #expect(reused.damage == fresh.damage, "\(label): \(reused.damage) vs \(fresh.damage)")
                        #expect(reused.filesChecked == fresh.filesChecked && reused.bytesChecked == fresh.bytesChecked, "\(label)")
                        switch index {
                        case 1: #expect(reused.damage.map(\.kind) == [.altered], "\(label): \(reused.damage)")
                        case 2: #expect(reused.damage.map(\.kind) == [.altered], "\(label): \(reused.damage)")
                        default: #expect(reused.isIntact, "\(label): \(reused.damage)")
                        }
                    }
                }
            }
        }
    }

    @Test func readBuffersLendExactPageAlignedBuffersOnceAtATime() {
        let buffers = ReadBuffers()
        var first: UnsafeMutableRawPointer?
        buffers.with(size: 100_000) { buffer in
            #expect(buffer.count == 100_000)
            #expect(Int(bitPattern: buffer.baseAddress) % 4096 == 0)
            first = buffer.baseAddress
            // Borrowed while the first is out: another buffer.
            buffers.with(size: 50_000) { inner in
                #expect(inner.count == 50_000)
                #expect(inner.baseAddress != buffer.baseAddress)
            }
        }
        // The buffer given back is lent again, cut to the size asked for; a larger size gets a new one.
        buffers.with(size: 70_000) { #expect($0.baseAddress == first && $0.count == 70_000) }
        buffers.with(size: 1) { #expect($0.count == 4096) }
        buffers.with(size: 2 << 20) { #expect($0.count == 2 << 20) }
    }

    @Test func hashingThreadsRunEveryTaskAtOnceAndAgain() {
        let pool = HashingThreads()
        for round in 0..<3 {
            // Four tasks that each wait for all four to have started: they finish only if none waits for a thread.
            let started = Atomic<Int>(0)
            let finished = DispatchSemaphore(value: 0)
            for _ in 0..<4 {
                pool.run {
                    started.wrappingAdd(1, ordering: .sequentiallyConsistent)
                    let deadline = Date().addingTimeInterval(10)
                    while started.load(ordering: .sequentiallyConsistent) < 4 && Date() < deadline { usleep(100) }
                    finished.signal()
                }
            }
            for _ in 0..<4 { #expect(finished.wait(timeout: .now() + 20) == .success, "round \(round)") }
            #expect(started.load(ordering: .sequentiallyConsistent) == 4, "round \(round)")
        }
    }

    @Test func inventoryFieldsReadFromSmallAndLargeFilesThroughTheFileReader() throws {
        let folder = try TemporaryDirectory("kho-fixity-reader")
        // Small: one read of the whole file. Large: the id after 3 MiB, read through several windows.
        for padding in [0, 10_000, (1 << 20) - 20, 3 << 20] {
            let file = folder.path + "/inventory-\(padding).json"
            let json = #"{"type": "https://ocfl.io/1.1/spec/#inventory", "pad": ""# + String(repeating: "x", count: padding)
                + #"", "head": "v7", "id": "info:kho/hồ-sơ-\#(padding)"}"#
            try Data(json.utf8).write(to: URL(fileURLWithPath: file))
            #expect(try Inventory.objectID(inventoryAt: file) == "info:kho/hồ-sơ-\(padding)")
            #expect(try Inventory.head(inventoryAt: file) == "v7")
            // Cut before its end: still an error, wherever the window ends.
            let cut = folder.path + "/cut-\(padding).json"
            try Data(json.utf8.dropLast(3)).write(to: URL(fileURLWithPath: cut))
            #expect(throws: OCFLStorageError.self) { try Inventory.objectID(inventoryAt: cut) }
        }
    }

    private func contentFiles(of object: String) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: object)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.contains("/content/") { files.append(object + "/" + path) }
        }
        return files.filter { isRegular($0) && size($0) > 0 }.sorted()
    }

    private func isRegular(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
    }

    private func size(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}

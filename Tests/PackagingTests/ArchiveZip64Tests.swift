import Foundation
import KhoTestSupport
import Testing
@testable import Packaging

/// ZIP64: a 4.2 GiB entry unpacks with flat memory and a verified size and CRC; the default limits refuse it.
@Suite(.serialized) struct ArchiveZip64Tests {
    static let entryName = "video/băng ghi 4GiB.bin"
    static let entrySize: Int64 = 4300 * (1 << 20) + 12345

    /// Writes a ZIP64 zip by hand (ZIP64 extra fields, ZIP64 end of central directory): a small stored file,
    /// 4.2 GiB of zeros deflated (repeated full-flush blocks, so crafting takes seconds), another small file.
    static let craftScript = #"""
    SIZE = 4300 * (1 << 20) + 12345
    chunk = bytes(1 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    second = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    assert second == co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    n = SIZE // len(chunk)
    rest = bytes(SIZE - n * len(chunk))
    tail = co.compress(rest) + co.flush()
    crc = 0
    for i in range(n): crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(rest, crc)
    csize = len(first) + len(second) * (n - 1) + len(tail)
    entries = []
    with open(out, 'wb') as fh:
        def local(name, method, crc, cs, us, zip64):
            extra = struct.pack('<HHQQ', 1, 16, us, cs) if zip64 else b''
            fh.write(struct.pack('<IHHHHHIIIHH', 0x04034b50, 45, 0x800, method, 0, 0x21, crc,
                                 0xFFFFFFFF if zip64 else cs, 0xFFFFFFFF if zip64 else us, len(name), len(extra)) + name + extra)
        def small(name, data):
            off = fh.tell(); c = zlib.crc32(data)
            local(name, 0, c, len(data), len(data), False); fh.write(data)
            entries.append((name, 0, c, len(data), len(data), off, False))
        small(b'before.txt', b'before')
        name = 'video/b\u0103ng ghi 4GiB.bin'.encode()
        off = fh.tell()
        local(name, 8, crc, csize, SIZE, True)
        fh.write(first)
        for i in range(n - 1): fh.write(second)
        fh.write(tail)
        entries.append((name, 8, crc, csize, SIZE, off, True))
        small(b'after.txt', b'after')
        cd = fh.tell()
        for name, method, c, cs, us, off, zip64 in entries:
            extra = struct.pack('<HHQQ', 1, 16, us, cs) if zip64 else b''
            fh.write(struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 0x031e, 45, 0x800, method, 0, 0x21, c,
                                 0xFFFFFFFF if zip64 else cs, 0xFFFFFFFF if zip64 else us, len(name), len(extra), 0, 0, 0,
                                 0o100644 << 16, off) + name + extra)
        cdsize = fh.tell() - cd
        z64 = fh.tell()
        fh.write(struct.pack('<IQHHIIQQQQ', 0x06064b50, 44, 0x031e, 45, 0, 0, len(entries), len(entries), cdsize, cd))
        fh.write(struct.pack('<IIQI', 0x07064b50, 0, z64, 1))
        fh.write(struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0))
    print('%08x' % crc)
    """#

    @Test func fourGiBEntryWithFlatMemory() throws {
        let sandbox = try ArchiveSandbox()
        let archive = sandbox.url("video-transfer.zip")
        let python = try #require(ArchiveCrafter.python)
        let crafted = try runProcess(python, ["-c", ArchiveCrafter.prelude + "\n" + Self.craftScript, archive.path])
        try #require(crafted.status == 0, "\(crafted.stderr)")
        let expectedCRC = crafted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let archiveSize = try #require(try FileManager.default.attributesOfItem(atPath: archive.path)[.size] as? Int64)
        #expect(Self.entrySize > 4 << 30)
        #expect(Self.entrySize / archiveSize > 1000)  // a legitimate bomb-like ratio

        // The defaults refuse it: more than 200:1.
        let refusal = #expect(throws: ArchiveError.self) {
            _ = try ArchiveExtractor().extract(archive: archive, into: sandbox.workArea)
        }
        #expect(refusal?.kind == .bombRatio)
        #expect(refusal?.entry == Self.entryName)
        #expect(sandbox.workAreaContents().isEmpty)

        // 4.2 GiB goes to a RAM-backed work area when there is room: CI disks write at ~90 MB/s, which
        // would measure the disk rather than the extractor.
        let scratch = Self.memoryBackedDirectory() ?? sandbox.root.appendingPathComponent("big")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let workArea = scratch.appendingPathComponent("work")

        // Raised explicitly for this transfer: unpacks with flat memory. The unpacking runs in its own
        // process (`kho unpack`) so the peak is the extractor's alone, not that of suites running beside
        // it; GNU time reports it (a vforked child's own counter would start at this process's peak).
        let gnuTime = try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? URL(fileURLWithPath: "/usr/bin/time") : nil,
                                   "GNU time is required (apt package time, installed by .ci/run)")
        let peakFile = sandbox.url("peak-kib.txt")
        let started = Date()
        let unpack = try runProcess(gnuTime, ["-f", "%M", "-o", peakFile.path, TestEnvironment.khoExecutable.path,
                                              "unpack", archive.path, workArea.path, "--max-ratio", "2000"])
        let seconds = Date().timeIntervalSince(started)
        try #require(unpack.status == 0, "\(unpack.stderr)")
        let peakKiB = try #require(Int64(try String(contentsOf: peakFile, encoding: .utf8).split(separator: "\n").last ?? ""))
        print("ZIP64: unpacked into \(workArea.path) in \(String(format: "%.1f", seconds)) s; peak RSS \(peakKiB >> 10) MiB")
        #expect(peakKiB < 100 << 10, "peak RSS \(peakKiB >> 10) MiB")
        let entries = try ArchiveExtractor(limits: ExtractionLimits(maxCompressionRatio: 2000)).check(archive: archive)

        #expect(entries.map(\.path.string) == ["before.txt", Self.entryName, "after.txt"])
        #expect(entries[1].size == Self.entrySize)
        #expect(entries.reduce(0) { $0 + $1.size } == Self.entrySize + 11)
        let big = workArea.appendingPathComponent(Self.entryName)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: big.path)[.size] as? Int64)
        #expect(size == Self.entrySize)
        // An independent CRC-32 of what landed on disk.
        let check = try runProcess(python, ["-c", """
        import zlib, sys
        crc = 0
        with open(sys.argv[1], 'rb') as fh:
            while True:
                block = fh.read(1 << 22)
                if not block: break
                crc = zlib.crc32(block, crc)
        print('%08x' % crc)
        """, big.path])
        #expect(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == expectedCRC)
        #expect(try String(contentsOf: workArea.appendingPathComponent("after.txt"), encoding: .utf8) == "after")
    }

    /// A fresh folder in `/dev/shm` if it has 8 GiB free, else nil.
    static func memoryBackedDirectory() -> URL? {
        var info = statvfs()
        guard statvfs("/dev/shm", &info) == 0, UInt64(info.f_bavail) * UInt64(info.f_frsize) > 8 << 30 else { return nil }
        let url = URL(fileURLWithPath: "/dev/shm/kho-zip64-\(UUID().uuidString)")
        return (try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)) == nil ? nil : url
    }
}

import Foundation
import KhoTestSupport
import Testing
@testable import Packaging

/// A temporary folder holding an archive, an empty work area and a canary folder beside it,
/// with a snapshot of everything so a test can prove an extraction touched nothing it should not.
struct ArchiveSandbox {
    let directory: TemporaryDirectory
    var root: URL { directory.url }
    var workArea: URL { root.appendingPathComponent("work") }
    var canary: URL { root.appendingPathComponent("canary") }
    var canaryFile: URL { canary.appendingPathComponent("secret.txt") }
    static let canaryText = "canary — không được ghi đè"

    init() throws {
        directory = try TemporaryDirectory("kho-archive")
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("work"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("canary"), withIntermediateDirectories: true)
        try Data(Self.canaryText.utf8).write(to: directory.url.appendingPathComponent("canary/secret.txt"))
    }

    func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// Every path below the sandbox root (symbolic links listed, never followed), with sizes.
    func listing(excludingWorkArea: Bool = false) -> [String] {
        var result: [String] = []
        func walk(_ path: String, _ relative: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names.sorted() {
                let child = path + "/" + name
                let rel = relative.isEmpty ? name : relative + "/" + name
                if excludingWorkArea && rel == "work" { continue }
                var info = stat()
                guard lstat(child, &info) == 0 else { continue }
                let type = info.st_mode & S_IFMT
                result.append("\(rel) \(type == S_IFLNK ? "link" : type == S_IFDIR ? "dir" : "\(info.st_size)")")
                if type == S_IFDIR { walk(child, rel) }
            }
        }
        walk(root.path, "")
        return result
    }

    /// Entries below the work area.
    func workAreaContents() -> [String] {
        (try? FileManager.default.subpathsOfDirectory(atPath: workArea.path))?.sorted() ?? []
    }

    /// The canary is intact, nothing outside the work area changed since `before`, and the work area is empty.
    func expectUntouched(since before: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(listing(excludingWorkArea: true) == before, "something outside the work area changed", sourceLocation: sourceLocation)
        #expect((try? String(contentsOf: canaryFile, encoding: .utf8)) == Self.canaryText, sourceLocation: sourceLocation)
        #expect(workAreaContents().isEmpty, "work area not empty: \(workAreaContents())", sourceLocation: sourceLocation)
        var info = stat()
        #expect(lstat(workArea.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR, "work area root must remain", sourceLocation: sourceLocation)
    }
}

/// Runs a Python script (stdlib zipfile/tarfile) that crafts an archive at `sys.argv[1]`.
enum ArchiveCrafter {
    static let python: URL? = which("python3")

    /// Helpers available to every script: `out`, `z`, `zinfo`, `t`, `tinfo`, `f`, `patch`, `cut`, `or_flags`, `set_usize`, `tar_header`.
    static let prelude = #"""
    import sys, zipfile, tarfile, io, os, struct, zlib, gzip, random, unicodedata, warnings
    warnings.simplefilter('ignore')
    out = sys.argv[1]
    def read(): return bytearray(open(out, 'rb').read())
    def write(data): open(out, 'wb').write(bytes(data))
    def patch(old, new, count=-1):
        data = bytes(read()); assert old in data, old
        write(data.replace(old, new, count) if count > 0 else data.replace(old, new))
    def cut(n): write(read()[:n])
    def headers(data, sig):
        i = data.find(sig)
        while i >= 0:
            yield i
            i = data.find(sig, i + 4)
    def or_flags(bits):
        data = read()
        for i in headers(data, b'PK\x03\x04'): struct.pack_into('<H', data, i + 6, struct.unpack_from('<H', data, i + 6)[0] | bits)
        for i in headers(data, b'PK\x01\x02'): struct.pack_into('<H', data, i + 8, struct.unpack_from('<H', data, i + 8)[0] | bits)
        write(data)
    def set_usize(name, size):
        data = read(); name = name.encode()
        for i in headers(data, b'PK\x03\x04'):
            if data[i + 30:i + 30 + len(name)] == name: struct.pack_into('<I', data, i + 22, size)
        for i in headers(data, b'PK\x01\x02'):
            if data[i + 46:i + 46 + len(name)] == name: struct.pack_into('<I', data, i + 24, size)
        write(data)
    def z(entries, compression=zipfile.ZIP_DEFLATED):
        with zipfile.ZipFile(out, 'w', compression) as zf:
            for name, data in entries: zf.writestr(name, data)
    def zinfo(name, mode, data=b'', system=3):
        zi = zipfile.ZipInfo(name); zi.create_system = system; zi.external_attr = mode << 16
        return (zi, data)
    def tinfo(name, type=tarfile.REGTYPE, link=''):
        ti = tarfile.TarInfo(name); ti.type = type; ti.linkname = link; ti.mode = 0o644; ti.mtime = 1700000000
        return ti
    def f(name, data=b'hello'): return (tinfo(name), data)
    def t(members, fmt=tarfile.PAX_FORMAT, mode='w'):
        with tarfile.open(out, mode, format=fmt, encoding='utf-8', errors='surrogateescape') as tf:
            for ti, data in members:
                if data is None: tf.addfile(ti)
                else:
                    ti.size = len(data); tf.addfile(ti, io.BytesIO(data))
    def tar_header(index, offset, value):
        data = read(); start = 512 * index
        data[start + offset:start + offset + len(value)] = value
        data[start + 148:start + 156] = b'        '
        data[start + 148:start + 156] = b'%06o\x00 ' % sum(data[start:start + 512])
        write(data)
    """#

    /// Writes the archive crafted by `script` to `destination`.
    static func craft(_ script: String, to destination: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let python = try #require(python, "python3 is needed to craft test archives", sourceLocation: sourceLocation)
        let result = try runProcess(python, ["-c", prelude + "\n" + script, destination.path])
        try #require(result.status == 0, "crafting failed: \(result.stderr)", sourceLocation: sourceLocation)
    }
}

extension String {
    /// This string in Unicode NFD (decomposed), as macOS and some tools write names.
    var nfd: String { decomposedStringWithCanonicalMapping }
    /// This string in Unicode NFC (composed).
    var nfc: String { precomposedStringWithCanonicalMapping }
}

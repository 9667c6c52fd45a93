import Foundation
import Testing
@testable import Packaging

/// One crafted hostile archive: the Python that makes it, the rule it must break and the entry it must name.
struct HostileArchiveCase: Sendable, CustomTestStringConvertible {
    var label: String
    var script: String
    var rule: ArchiveError.Kind
    /// A piece of the entry name the error must show (nil when the error is about the whole archive).
    var entry: String?
    var limits: ExtractionLimits = .default

    var testDescription: String { label }

    static let all: [HostileArchiveCase] = zipCases + tarCases + otherCases

    static let zipCases: [HostileArchiveCase] = [
        .init(label: "zip ../ traversal", script: "z([('ok.txt', b'fine'), ('../evil.txt', b'x')])", rule: .traversal, entry: "../evil.txt"),
        .init(label: "zip nested traversal", script: "z([('a/b/../../../evil.txt', b'x')])", rule: .traversal, entry: "a/b/../../../evil.txt"),
        .init(label: "zip backslash traversal (Windows)", script: #"z([('..\\..\\evil.txt', b'x')])"#, rule: .traversal, entry: #"..\..\evil.txt"#),
        .init(label: "zip absolute /", script: "z([('/tmp/kho-evil.txt', b'x')])", rule: .absolute, entry: "/tmp/kho-evil.txt"),
        .init(label: "zip absolute C:\\", script: #"z([('C:\\Windows\\evil.txt', b'x')])"#, rule: .absolute, entry: #"C:\Windows\evil.txt"#),
        .init(label: "zip absolute UNC", script: #"z([('\\\\server\\share\\evil.txt', b'x')])"#, rule: .absolute, entry: "server"),
        .init(label: "zip symlink", script: "z([zinfo('link', 0o120777, b'../canary')])", rule: .symlink, entry: "link"),
        .init(label: "zip symlink then write through it",
              script: "z([zinfo('link', 0o120777, b'../canary'), ('link/secret.txt', b'overwritten')])", rule: .symlink, entry: "link"),
        .init(label: "zip FIFO", script: "z([zinfo('fifo', 0o010644)])", rule: .device, entry: "fifo"),
        .init(label: "zip char device", script: "z([zinfo('dev/null', 0o020666)])", rule: .device, entry: "dev/null"),
        .init(label: "zip duplicate file", script: "z([('a.txt', b'1'), ('a.txt', b'2')])", rule: .duplicate, entry: "a.txt"),
        .init(label: "zip file and folder clash", script: "z([('a', b'1'), ('a/b.txt', b'2')])", rule: .duplicate, entry: "a"),
        .init(label: "zip NFC collision (file)",
              script: "n = 'Tài liệu.txt'; z([(unicodedata.normalize('NFC', n), b'1'), (unicodedata.normalize('NFD', n), b'2')])",
              rule: .nfcCollision, entry: "liệu"),
        .init(label: "zip NFC collision (folder)",
              script: "n = 'Hồ sơ'; z([(unicodedata.normalize('NFC', n) + '/a.txt', b'1'), (unicodedata.normalize('NFD', n) + '/b.txt', b'2')])",
              rule: .nfcCollision, entry: "s"),
        .init(label: "zip name not UTF-8", script: #"z([('XXBADXX.txt', b'1')]); patch(b'XXBADXX', b'\xff\xfeBAD\xc3\x28')"#,
              rule: .encoding, entry: "BAD"),
        .init(label: "zip name with NUL", script: #"z([('XXNULXX.txt', b'1')]); patch(b'XXNULXX', b'ok\x00evil')"#,
              rule: .invalidName, entry: "ok\\u{0}evil"),
        .init(label: "zip encrypted entry", script: "z([('secret.txt', b'x' * 100)]); or_flags(1)", rule: .encrypted, entry: "secret.txt"),
        .init(label: "zip strong encryption flag", script: "z([('secret.txt', b'x' * 100)]); or_flags(0x40)", rule: .encrypted, entry: "secret.txt"),
        .init(label: "zip truncated (no EOCD)",
              script: "z([('a.bin', random.Random(1).randbytes(100000))]); cut(60000)", rule: .truncated, entry: nil),
        .init(label: "zip CRC mismatch (after a good entry)",
              script: "z([('ok.txt', b'fine'), ('data.bin', b'A' * 1000)], zipfile.ZIP_STORED); patch(b'A' * 1000, b'A' * 999 + b'B')",
              rule: .truncated, entry: "data.bin"),
        .init(label: "zip corrupt deflate stream",
              script: "z([('ok.txt', b'fine'), ('data.txt', ('Hồ sơ lưu trữ ' * 5000).encode())]); d = read(); i = d.find(b'data.txt') + 8 + 40; d[i:i + 64] = bytes(64); write(d)",
              rule: .truncated, entry: "data.txt"),
        .init(label: "zip bomb (declared ratio)",
              script: "z([('bomb.bin', bytes(50_000_000))])", rule: .bombRatio, entry: "bomb.bin"),
        .init(label: "zip bomb lying about its size (caught while streaming)",
              script: "z([('ok.txt', b'fine'), ('bomb.bin', bytes(50_000_000))]); set_usize('bomb.bin', 1000)",
              rule: .bombRatio, entry: "bomb.bin"),
        .init(label: "zip total size over the limit",
              script: "z([('a.bin', b'a' * 600), ('b.bin', b'b' * 600)], zipfile.ZIP_STORED)",
              rule: .bombSize, entry: "b.bin", limits: ExtractionLimits(maxTotalBytes: 1000)),
        .init(label: "zip entry count over the limit",
              script: "z([('f%d.txt' % i, b'1') for i in range(6)])", rule: .bombCount, entry: nil, limits: ExtractionLimits(maxEntryCount: 5)),
        .init(label: "zip unsupported method (bzip2)",
              script: "z([('a.txt', b'hello' * 100)], zipfile.ZIP_BZIP2)", rule: .unsupported, entry: "a.txt"),
        .init(label: "zip path too deep",
              script: "z([('/'.join(['d'] * 40) + '/f.txt', b'1')])", rule: .pathLimit, entry: "d/d/d"),
        .init(label: "zip with a second EOCD hidden in its comment",
              script: "z([('a.txt', b'1')]); d = read(); fake = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 0, 0, 0, 0, 0); struct.pack_into('<H', d, len(d) - 2, len(fake)); write(d + fake)",
              rule: .malformed, entry: nil),
        .init(label: "zip overlapping entries (two directory records share one stored file)",
              script: "z([('a.txt', b'x' * 1000)]); d = read(); e = len(d) - 22; cd = struct.unpack_from('<I', d, e + 16)[0]; entry = bytes(d[cd:e]); eocd = bytearray(d[e:]); struct.pack_into('<HHI', eocd, 8, 2, 2, 2 * len(entry)); write(d[:e] + entry + eocd)",
              rule: .overlap, entry: "a.txt"),
        .init(label: "zip local header name differs from central directory",
              script: "z([('good.txt', b'1')]); patch(b'good.txt', b'evil.txt', 1)", rule: .malformed, entry: "good.txt"),
    ]

    static let tarCases: [HostileArchiveCase] = [
        .init(label: "tar ../ traversal", script: "t([f('ok.txt'), f('../evil.txt')])", rule: .traversal, entry: "../evil.txt"),
        .init(label: "tar absolute", script: "t([f('/tmp/kho-evil.txt')])", rule: .absolute, entry: "/tmp/kho-evil.txt"),
        .init(label: "tar GNU long name traversal",
              script: "t([f('../' + 'x' * 150)], fmt=tarfile.GNU_FORMAT)", rule: .traversal, entry: "../xxx"),
        .init(label: "tar symlink", script: "t([(tinfo('link', tarfile.SYMTYPE, '../canary'), None)])", rule: .symlink, entry: "link"),
        .init(label: "tar symlink then write through it",
              script: "t([(tinfo('link', tarfile.SYMTYPE, '../canary'), None), f('link/secret.txt', b'overwritten')])",
              rule: .symlink, entry: "link"),
        .init(label: "tar hard link out of the tree",
              script: "t([(tinfo('passwd', tarfile.LNKTYPE, '/etc/passwd'), None)])", rule: .hardlink, entry: "passwd"),
        .init(label: "tar hard link inside the tree",
              script: "t([f('a.txt'), (tinfo('b.txt', tarfile.LNKTYPE, 'a.txt'), None)])", rule: .hardlink, entry: "b.txt"),
        .init(label: "tar char device", script: "t([(tinfo('tty', tarfile.CHRTYPE), None)])", rule: .device, entry: "tty"),
        .init(label: "tar block device", script: "t([(tinfo('sda', tarfile.BLKTYPE), None)])", rule: .device, entry: "sda"),
        .init(label: "tar FIFO", script: "t([(tinfo('pipe', tarfile.FIFOTYPE), None)])", rule: .device, entry: "pipe"),
        .init(label: "tar duplicate", script: "t([f('a.txt', b'1'), f('a.txt', b'2')])", rule: .duplicate, entry: "a.txt"),
        .init(label: "tar NFC collision",
              script: "n = 'Quyết định.pdf'; t([f(unicodedata.normalize('NFC', n)), f(unicodedata.normalize('NFD', n))])",
              rule: .nfcCollision, entry: ".pdf"),
        .init(label: "tar name not UTF-8",
              script: "t([f('bad\\udcff.txt')], fmt=tarfile.GNU_FORMAT)", rule: .encoding, entry: "bad"),
        .init(label: "tar truncated inside data",
              script: "t([f('ok.txt'), f('big.bin', b'x' * 10000)]); cut(512 * 3 + 2000)", rule: .truncated, entry: "big.bin"),
        .init(label: "tar without end-of-archive marker",
              script: "t([f('a.txt', b'x' * 512)], fmt=tarfile.USTAR_FORMAT); cut(1024)", rule: .truncated, entry: nil),
        .init(label: "tar header checksum wrong",
              script: "t([f('abcdef.txt')], fmt=tarfile.USTAR_FORMAT); patch(b'abcdef', b'abcdeg')", rule: .malformed, entry: "abcdeg"),
        .init(label: "tar malformed pax record",
              script: "t([f('p' * 150)]); patch(b' path=', b' path ')", rule: .malformed, entry: nil),
        .init(label: "tar sparse entry",
              script: "t([f('sparse.bin')], fmt=tarfile.USTAR_FORMAT); tar_header(0, 156, b'S')", rule: .unsupported, entry: "sparse.bin"),
        .init(label: "tar pax name with a segment over 255 bytes",
              script: "t([f('ok/' + 'đ' * 130 + '.txt')])", rule: .pathLimit, entry: "ok/đđđ"),
        .init(label: "tar path longer than the limit",
              script: "t([f('/'.join(['thư mục %02d' % i for i in range(30)]) + '/a.txt')])",
              rule: .pathLimit, entry: "thư mục 00", limits: ExtractionLimits(maxPathBytes: 200)),
        .init(label: "tar total size over the limit",
              script: "t([f('a.bin', b'a' * 600), f('b.bin', b'b' * 600)])",
              rule: .bombSize, entry: "b.bin", limits: ExtractionLimits(maxTotalBytes: 1000)),
        .init(label: "tar entry count over the limit",
              script: "t([f('f%d.txt' % i) for i in range(6)])", rule: .bombCount, entry: "f5.txt", limits: ExtractionLimits(maxEntryCount: 5)),
        .init(label: "tar.gz bomb (ratio)",
              script: "t([f('ok.txt'), f('zeros.bin', bytes(60_000_000))], mode='w:gz')", rule: .bombRatio, entry: "zeros.bin"),
        .init(label: "tar.gz truncated",
              script: "t([f('a.bin', random.Random(2).randbytes(200000))], mode='w:gz'); cut(100000)", rule: .truncated, entry: nil),
    ]

    static let otherCases: [HostileArchiveCase] = [
        .init(label: "not an archive", script: "write(b'%PDF-1.7 not an archive at all')", rule: .unsupported, entry: nil),
        .init(label: "zip with data prepended", script: "z([('a.txt', b'1')]); d = read(); write(b'MZ' + bytes(100) + d)", rule: .unsupported, entry: nil),
    ]
}

@testable import ArchivalStorage
import Foundation
import KhoTestSupport
import Testing

/// The three JSON readers of the storage module — the validator's tape, the inventory reader (whole and through its
/// 1 MiB window) and the fixity check's fast reader — decode string escapes alike and refuse the same bad ones.
@Suite struct JSONStringEscapeTests {
    /// JSON string contents (as written in the file) and the text they stand for.
    static let accepted: [(escaped: String, text: String)] = [
        (#"a\"b"#, "a\"b"),
        (#"\\\/\b\f\n\r\t"#, "\\/\u{8}\u{C}\n\r\t"),
        (#"\u00e9 \u1EA1"#, "é ạ"),
        (#"\ud83d\ude00 \uD83D\uDE00"#, "😀 😀"),
        (#"x\u0000y"#, "x\u{0}y"),
        (#"Đảng ủy\u0301"#, "Đảng ủy\u{301}"),
    ]
    /// Contents each reader must refuse: an unknown letter, short and bad hex, surrogates out of their pairs (the
    /// high one followed by a plain `\u` escape, too), and a backslash at the very end.
    static let refused = [#"\q"#, #"\u12"#, #"\u12G4"#, #"\uD800"#, #"\uD800x"#, #"\uD800\u0041"#, #"\uDC00"#, #"\uD800\uD800"#, #"abc\"#]

    static let sha256 = String(repeating: "ab", count: 32)

    /// An inventory as the fast reader takes it (fixity before manifest) with one content path.
    static func inventory(path: String) -> [UInt8] {
        Array(#"{"digestAlgorithm":"sha512","head":"v1","id":"x","fixity":{"sha256":{"\#(sha256)":["\#(path)"]}},"manifest":{"ff":["\#(path)"]}}"#.utf8)
    }

    @Test(arguments: accepted.indices)
    func everyReaderDecodesTheSameText(_ n: Int) throws {
        let (escaped, text) = Self.accepted[n]
        let tape = try JSONTape(parsing: Array(#"{"k":"\#(escaped)"}"#.utf8))
        #expect(tape.member(0, "k").map(tape.string) == text)
        #expect(try JSONByteReader(Array("\"\(escaped)\"".utf8), path: "t.json").string() == text)
        let fast = try #require(FixityIndexReader.read(Self.inventory(path: escaped)))
        #expect(fast.index.table.number(of: text) == 0)
        #expect(fast.index.table.path(0).elementsEqual(text.utf8))
    }

    @Test(arguments: refused)
    func everyReaderRefusesTheSameEscape(_ escaped: String) throws {
        #expect(throws: JSONSyntaxError.self) { try JSONTape(parsing: Array(#"{"k":"\#(escaped)"}"#.utf8)) }
        let error = #expect(throws: OCFLStorageError.self) { try JSONByteReader(Array("\"\(escaped)\"".utf8), path: "t.json").string() }
        #expect(error?.rule == "E033")
        #expect(error?.path == "t.json")
        #expect(FixityIndexReader.read(Self.inventory(path: escaped)) == nil)
    }

    /// The inventory reader reads a large file 1 MiB at a time: an escape cut by the window's edge is read whole.
    @Test(arguments: [1, 2, 5, 8, 11, 12])
    func escapeAcrossTheWindowEdgeIsReadWhole(_ before: Int) throws {
        let temp = try TemporaryDirectory()
        let filler = String(repeating: "a", count: (1 << 20) - before - 1)
        let path = temp.path + "/inventory.json"
        try Data("\"\(filler)\\uD83D\\uDE00\\u1EA1\"".utf8).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(try JSONByteReader(fd: fd, path: path).string() == filler + "😀ạ")
    }
}

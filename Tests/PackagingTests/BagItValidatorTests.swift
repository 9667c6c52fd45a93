import Foundation
import KhoCore
import KhoTestSupport
import Packaging
import Testing

/// One rule at a time: build a good bag, break one thing, expect exactly that finding.
@Suite struct BagItValidatorTests {
    @Test func freshBagIsValidWithoutWarnings() throws {
        let bag = try BagItTestBag()
        let report = bag.validate()
        #expect(report.isValid)
        #expect(report.codes().isEmpty, "\(report.findings.map(\.line))")
        #expect(report.payloadFileCount == BagItTestBag.files.count)
        #expect(report.algorithms == ["sha256", "sha512"])
    }

    @Test func changedByteIsDigestMismatch() throws {
        let bag = try BagItTestBag()
        try bag.write("data/plain.txt", "jello\n")  // same size: Oxum still matches
        let report = bag.validate()
        #expect(!report.isValid)
        #expect(report.codes(.error) == ["BAGIT-DIGEST-MISMATCH"])
        #expect(report.findings.first { $0.code == "BAGIT-DIGEST-MISMATCH" }?.path == "data/plain.txt")
    }

    @Test func missingPayloadFile() throws {
        let bag = try BagItTestBag()
        try bag.remove("data/plain.txt")
        let report = bag.validate()
        #expect(report.codes(.error) == ["BAGIT-PAYLOAD-MISSING", "BAGIT-OXUM-MISMATCH"])
        let missing = report.findings.filter { $0.code == "BAGIT-PAYLOAD-MISSING" }
        #expect(missing.count == 2)  // once per payload manifest
        #expect(missing.allSatisfy { $0.location?.hasPrefix("line ") == true })
    }

    @Test func extraPayloadFile() throws {
        let bag = try BagItTestBag()
        try bag.write("data/Hồ sơ 01/thêm.txt", "extra")
        let report = bag.validate()
        #expect(report.codes(.error) == ["BAGIT-PAYLOAD-UNLISTED", "BAGIT-OXUM-MISMATCH"])
    }

    @Test func wrongOxumIsCaughtEvenInFastMode() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        let info = String(decoding: try bag.read("bag-info.txt"), as: UTF8.self)
        let tampered = info.replacingOccurrences(of: #"Payload-Oxum: \d+\."#, with: "Payload-Oxum: 1.", options: .regularExpression)
        #expect(tampered != info)
        try bag.write("bag-info.txt", tampered)
        #expect(bag.validate().codes(.error) == ["BAGIT-OXUM-MISMATCH"])
        #expect(bag.validate(fast: true).codes(.error) == ["BAGIT-OXUM-MISMATCH"])
    }

    @Test func fastModeDoesNotHash() throws {
        let bag = try BagItTestBag()
        try bag.write("data/plain.txt", "jello\n")
        #expect(bag.validate(fast: true).isValid)
        #expect(!bag.validate().isValid)
    }

    @Test func malformedOxumAndRepeatedOxum() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        try bag.write("bag-info.txt", "Payload-Oxum: lots\nPayload-Oxum: 1.1\nBagging-Date: 21/11/2026\n")
        let report = bag.validate()
        #expect(report.codes(.error) == ["BAGIT-INFO-OXUM-FORMAT", "BAGIT-INFO-OXUM-REPEATED"])
        #expect(report.codes(.warning).contains("BAGIT-INFO-DATE-FORMAT"))
    }

    @Test func bagInfoContinuationLinesAndLabels() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        try bag.write("bag-info.txt", "Source-Organization: Tỉnh uỷ\nExternal-Description: dòng một\n  dòng hai\n Bad-Label : x\nno colon here\n")
        var findings = BagFindings()
        let info = BagInfo.parse(Array(try bag.read("bag-info.txt")), declaration: .current, findings: &findings)
        #expect(info.values("source-organization") == ["Tỉnh uỷ"])
        #expect(info.values("External-Description").first?.contains("dòng hai") == true)
        #expect(Set(findings.all.map(\.code)) == ["BAGIT-INFO-LINE"])  // " Bad-Label" is a continuation line
        #expect(bag.validate().codes(.error) == ["BAGIT-INFO-LINE"])
    }

    @Test func badDeclarationVersion() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        try bag.write("bagit.txt", "BagIt-Version: 1.x\nTag-File-Character-Encoding: UTF-8\n")
        #expect(bag.validate().codes(.error) == ["BAGIT-DECL-VERSION"])
    }

    @Test func declarationWhitespaceIsAnErrorFor10AndAWarningBefore() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        try bag.write("bagit.txt", "BagIt-Version : 1.0\nTag-File-Character-Encoding: UTF-8\n")
        #expect(bag.validate().codes(.error) == ["BAGIT-DECL-WHITESPACE"])
        try bag.write("bagit.txt", "BagIt-Version : 0.97\nTag-File-Character-Encoding: UTF-8\n")
        let legacy = bag.validate()
        #expect(legacy.isValid)
        #expect(legacy.codes(.warning) == ["BAGIT-DECL-WHITESPACE"])
    }

    @Test func missingDeclaration() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        try bag.remove("bagit.txt")
        #expect(bag.validate().codes(.error) == ["BAGIT-DECL-MISSING"])
    }

    @Test func byteOrderMarks() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        let bom = Data([0xEF, 0xBB, 0xBF])
        try bag.write("manifest-sha256.txt", bom + (try bag.read("manifest-sha256.txt")))
        #expect(bag.validate().codes(.error) == ["BAGIT-ENCODING-BOM"])
        try bag.write("bagit.txt", bom + Data(BagDeclaration.current.fileBytes))
        #expect(bag.validate().codes(.error) == ["BAGIT-ENCODING-BOM", "BAGIT-DECL-BOM"])
    }

    @Test func crlfAndCRLineEndingsAreAccepted() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        for name in ["manifest-sha256.txt", "bag-info.txt"] {
            let text = String(decoding: try bag.read(name), as: UTF8.self)
            try bag.write(name, text.replacingOccurrences(of: "\n", with: "\r\n"))
        }
        try bag.write("bagit.txt", "BagIt-Version: 1.0\rTag-File-Character-Encoding: UTF-8\r")
        let report = bag.validate()
        #expect(report.isValid)
        #expect(report.codes().isEmpty, "\(report.findings.map(\.line))")
    }

    @Test func fetchEntryNotFetchedMakesTheBagIncomplete() throws {
        let bag = try BagItTestBag()
        try bag.remove("data/plain.txt")
        try bag.write("fetch.txt", "https://kho.example/plain.txt 6 data/plain.txt\n")
        let report = bag.validate()
        #expect(report.codes(.error).contains("BAGIT-FETCH-UNFETCHED"))
        #expect(!report.codes(.error).contains("BAGIT-PAYLOAD-MISSING"))
        #expect(report.findings.filter { $0.code == "BAGIT-FETCH-UNFETCHED" }.count == 1)
    }

    @Test func fetchEntryAlreadyPresentIsFine() throws {
        let bag = try BagItTestBag()
        try bag.write("fetch.txt", "https://kho.example/plain.txt 6 data/plain.txt\n")
        let report = bag.validate()
        #expect(report.isValid)
        #expect(report.codes().isEmpty, "\(report.findings.map(\.line))")
    }

    @Test func malformedFetchLines() throws {
        let bag = try BagItTestBag()
        try bag.write("fetch.txt", "relative/url 6 data/plain.txt\nhttps://x/y many data/plain.txt\nhttps://x/z - bagit.txt\nhttps://x/w - data/not-in-manifest.txt\n")
        let codes = bag.validate().codes(.error)
        #expect(codes.isSuperset(of: ["BAGIT-FETCH-URL", "BAGIT-FETCH-LENGTH", "BAGIT-FETCH-TAGFILE", "BAGIT-FETCH-NOT-IN-MANIFEST"]))
    }

    @Test(arguments: ["data/../../etc/passwd", "../outside.txt", "/etc/passwd", "data//double.txt", "data/./x.txt"])
    func pathEscapeInManifestIsRefused(_ path: String) throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        let manifest = String(decoding: try bag.read("manifest-sha256.txt"), as: UTF8.self)
        try bag.write("manifest-sha256.txt", manifest + String(repeating: "0", count: 64) + "  " + path + "\n")
        let report = bag.validate()
        #expect(report.codes(.error) == ["BAGIT-PATH-UNSAFE"])
    }

    @Test func payloadManifestMustNotListTagFiles() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        let manifest = String(decoding: try bag.read("manifest-sha256.txt"), as: UTF8.self)
        try bag.write("manifest-sha256.txt", manifest + String(repeating: "0", count: 64) + "  bagit.txt\n")
        #expect(bag.validate().codes(.error) == ["BAGIT-MANIFEST-OUTSIDE-PAYLOAD"])
    }

    @Test func duplicateEntryAndBadChecksum() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        let manifest = String(decoding: try bag.read("manifest-sha256.txt"), as: UTF8.self)
        let first = manifest.split(separator: "\n")[0]
        try bag.write("manifest-sha256.txt", manifest + first + "\nxyz  data/plain.txt\n")
        #expect(bag.validate().codes(.error) == ["BAGIT-MANIFEST-DUPLICATE-ENTRY", "BAGIT-MANIFEST-CHECKSUM-FORMAT"])
    }

    @Test func nfcManifestNameMatchingAnNFDFileIsAWarning() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        let manifest = String(decoding: try bag.read("manifest-sha256.txt"), as: UTF8.self)
        let nfd = "Tài liệu NFD.txt".decomposedStringWithCanonicalMapping
        let nfc = "Tài liệu NFD.txt".precomposedStringWithCanonicalMapping
        #expect(Array(manifest.utf8).firstRange(of: Array(nfd.utf8)) != nil)
        // Rewrite the bytes (String replacement would treat NFC and NFD as equal).
        var bytes = Array(manifest.utf8)
        if let range = bytes.firstRange(of: Array(nfd.utf8)) { bytes.replaceSubrange(range, with: Array(nfc.utf8)) }
        try bag.write("manifest-sha256.txt", Data(bytes))
        let report = bag.validate()
        #expect(report.isValid)
        #expect(report.codes() == ["BAGIT-PATH-NORMALIZATION"])
    }

    @Test func nfcCollisionOnDiskIsReported() throws {
        let bag = try BagItTestBag()
        try bag.write("data/" + "Tài liệu NFD.txt".precomposedStringWithCanonicalMapping, "bản NFC")
        #expect(bag.validate().codes().contains("BAGIT-PATH-NFC-COLLISION"))
    }

    @Test func tagManifestRules() throws {
        let bag = try BagItTestBag()
        let tag = String(decoding: try bag.read("tagmanifest-sha256.txt"), as: UTF8.self)
        try bag.write("tagmanifest-sha256.txt", tag + String(repeating: "0", count: 64) + "  tagmanifest-sha512.txt\n"
                      + String(repeating: "0", count: 64) + "  data/plain.txt\n" + String(repeating: "0", count: 64) + "  gone.txt\n")
        let codes = bag.validate().codes(.error)
        #expect(codes == ["BAGIT-TAGMANIFEST-LISTS-TAGMANIFEST", "BAGIT-TAGMANIFEST-LISTS-PAYLOAD", "BAGIT-TAGFILE-MISSING"])
        try bag.write("bag-info.txt", "Changed: yes\n")
        #expect(bag.validate().codes(.error).contains("BAGIT-DIGEST-MISMATCH"))
    }

    @Test func unknownAlgorithmIsAWarningAndWeakOnlyIsAWarningFor10() throws {
        let bag = try BagItTestBag(algorithms: [.md5])
        try bag.write("manifest-blake3.txt", "abcd  data/plain.txt\n")
        let report = bag.validate()
        #expect(report.isValid)
        #expect(report.codes() == ["BAGIT-ALGORITHM-UNKNOWN", "BAGIT-ALGORITHM-WEAK"])
        #expect(report.codes(.info).contains("BAGIT-TAGFILE-UNLISTED"))
    }

    @Test func legacyBagMayListAFileInOnlyOneManifest() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        try bag.write("manifest-sha512.txt", String(decoding: try bag.read("manifest-sha512.txt"), as: UTF8.self)
            .split(separator: "\n").dropFirst().joined(separator: "\n") + "\n")
        #expect(bag.validate().codes(.error) == ["BAGIT-PAYLOAD-UNLISTED"])
        try bag.write("bagit.txt", "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n")
        let legacy = bag.validate()
        #expect(legacy.isValid)
        #expect(legacy.codes(.warning) == ["BAGIT-PAYLOAD-UNLISTED"])
    }

    @Test func symbolicLinkIsRefused() throws {
        let bag = try BagItTestBag()
        try FileManager.default.createSymbolicLink(atPath: bag.url("data/link").path, withDestinationPath: "/etc/passwd")
        #expect(bag.validate().codes(.error).contains("BAGIT-PAYLOAD-SYMLINK"))
    }

    @Test func missingDataDirectoryAndManifests() throws {
        let directory = try TemporaryDirectory("kho-bagit-empty")
        try Data(BagDeclaration.current.fileBytes).write(to: directory.url.appendingPathComponent("bagit.txt"))
        let report = BagValidator().validate(bagAt: directory.path)
        #expect(report.codes(.error) == ["BAGIT-PAYLOAD-DIR-MISSING", "BAGIT-MANIFEST-NONE"])
    }

    @Test func percentLiteralNamesFromToolsThatDoNotEncodePercent() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        try bag.write("data/a%25b.txt", "x")
        let manifests = ["manifest-sha256.txt": "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
                         "manifest-sha512.txt": "a4abd4448c49562d828115d13a1fccea927f52b4d5459297f8b43e42da89238bc13626e43dcb38ddb082488927ec904fb42057443983e88585179d50551afe62"]
        for (name, digest) in manifests {
            let text = String(decoding: try bag.read(name), as: UTF8.self)
            try bag.write(name, text + digest + "  data/a%25b.txt\n")
        }
        try bag.remove("bag-info.txt")
        let report = bag.validate()
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.codes() == ["BAGIT-PATH-PERCENT-LITERAL"])
    }

    @Test func percentEncodingRoundTrip() {
        let name = Array("data/a\nb\rc%25d%e 100%.txt".utf8)
        let encoded = BagPath.percentEncode(name)
        #expect(String(decoding: encoded, as: UTF8.self) == "data/a%0Ab%0Dc%2525d%e 100%.txt")
        #expect(BagPath.percentDecode(encoded) == name)
        #expect(BagPath.percentDecode(Array("data/%7Etest%0a%0D%25".utf8)) == Array("data/%7Etest\n\r%".utf8))
    }

    @Test func tabSeparatorUppercaseHexAndMd5sumStar() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        let manifest = String(decoding: try bag.read("manifest-sha256.txt"), as: UTF8.self)
        var lines: [String] = []
        for (index, line) in manifest.split(separator: "\n").enumerated() {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            let path = parts[1].drop { $0 == " " }
            lines.append(index == 0 ? parts[0].uppercased() + "\t" + path : parts[0] + " *" + path)
        }
        try bag.write("manifest-sha256.txt", lines.joined(separator: "\n") + "\n")
        let report = bag.validate()
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.codes() == ["BAGIT-MANIFEST-MD5SUM-STAR"])
    }

    @Test func extraLinesInDeclaration() throws {
        let bag = try BagItTestBag()
        try bag.dropTagManifests()
        try bag.write("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nExtra: line\n")
        #expect(bag.validate().codes(.error) == ["BAGIT-DECL-FORMAT"])
    }

    @Test func informationalFindingsStayOutOfWarnings() throws {
        let bag = try BagItTestBag()
        try FileManager.default.createDirectory(at: bag.url("data/thư mục rỗng"), withIntermediateDirectories: true)
        try bag.write("ghi chú/notes.txt", "tag file in a tag directory")
        let report = bag.validate()
        #expect(report.isValid)
        #expect(report.codes().isEmpty)
        #expect(report.codes(.info) == ["BAGIT-PAYLOAD-EMPTY-DIRECTORY", "BAGIT-TAGFILE-UNLISTED"])
    }
}

import KhoCore

/// The first pass's memory of every name seen: finds duplicates, file/folder clashes and NFC collisions
/// (DESIGN.md invariant 5) before a single byte is written.
struct EntryRegistry {
    private struct Seen {
        var raw: [UInt8]
        var isDirectory: Bool
    }

    private var byNFC: [[UInt8]: Seen] = [:]
    /// Folder prefixes already recorded, by exact bytes, so deep trees are normalised once per folder.
    private var knownFolders: Set<[UInt8]> = []
    let archive: String

    init(archive: String) {
        self.archive = archive
    }

    /// Records `path` (and, implicitly, each of its parent folders) or throws the clash it makes.
    mutating func register(_ path: RelativePath, isDirectory: Bool) throws(ArchiveError) {
        let segments = path.segments
        var prefix = ""
        for (index, segment) in segments.enumerated() {
            prefix = index == 0 ? String(segment) : prefix + "/" + segment
            let last = index == segments.count - 1
            if !last && knownFolders.contains(Array(prefix.utf8)) { continue }
            try record(prefix, isDirectory: last ? isDirectory : true, explicit: last)
            if !last || isDirectory { knownFolders.insert(Array(prefix.utf8)) }
        }
    }

    private mutating func record(_ name: String, isDirectory: Bool, explicit: Bool) throws(ArchiveError) {
        let raw = Array(name.utf8)
        let key = Array(UnicodeNames.nfcKey(name).utf8)
        guard let seen = byNFC[key] else {
            byNFC[key] = Seen(raw: raw, isDirectory: isDirectory)
            return
        }
        if seen.raw != raw {
            let other = EntryName.display(seen.raw)
            throw ArchiveError(
                .nfcCollision, archive: archive, entry: name,
                vi: "trùng theo NFC với '\(other)' (khác byte); đổi tên một trong hai",
                en: "equal under NFC to '\(other)' (different bytes); rename one of them")
        }
        if seen.isDirectory && isDirectory {
            return
        }
        if !seen.isDirectory && !isDirectory && explicit {
            throw ArchiveError(.duplicate, archive: archive, entry: name,
                               vi: "tệp xuất hiện hai lần", en: "the file appears twice")
        }
        throw ArchiveError(.duplicate, archive: archive, entry: name,
                           vi: "tên dùng cho cả tệp và thư mục", en: "the name is used both as a file and as a folder")
    }
}

/// The directory entry names of an OLE2 compound file (Microsoft Office 97–2003), with bounded reads.
///
/// Follows the FAT chain of the directory stream for at most `maxDirectorySectors` sectors.
struct CompoundFileEntryNames {
    /// Stream and storage names (e.g. "WordDocument", "Workbook", "PowerPoint Document").
    var names: [String]

    /// Directory sectors read at most (each holds 4 entries of 128 bytes at 512-byte sectors).
    static let maxDirectorySectors = 256

    /// Reads the names, or nil when the header is not an OLE2 header.
    init?(_ reader: borrowing BoundedFileReader) throws(FormatIdentificationError) {
        let header = try reader.head(512)
        guard header.has([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], at: 0) else { return nil }
        let shift = header.uint16LE(30)
        guard shift == 9 || shift == 12 else { return nil }
        let sectorSize = 1 << shift
        let firstDirectorySector = header.uint32LE(48)
        // The first 109 FAT sector numbers are in the header (DIFAT); enough for files up to ~7 MB at 512-byte
        // sectors; beyond that, only directory sectors reachable through these are read.
        let fatSectors = (0..<109).map { header.uint32LE(76 + 4 * $0) }.filter { $0 < 0xFFFF_FFFA }
        let entriesPerFATSector = sectorSize / 4

        func sectorOffset(_ sector: Int) -> Int64 { Int64(sector + 1) * Int64(sectorSize) }
        var fatCache: [Int: [UInt8]] = [:]
        func next(_ sector: Int) throws(FormatIdentificationError) -> Int? {
            let index = sector / entriesPerFATSector
            guard index < fatSectors.count else { return nil }
            if fatCache[index] == nil {
                fatCache[index] = try reader.read(at: sectorOffset(fatSectors[index]), count: sectorSize)
            }
            let value = fatCache[index]?.uint32LE(4 * (sector % entriesPerFATSector)) ?? 0xFFFF_FFFE
            return value >= 0xFFFF_FFFA ? nil : value
        }

        var names: [String] = []
        var sector: Int? = firstDirectorySector
        var visited = Set<Int>()
        while let current = sector, current < 0xFFFF_FFFA, visited.count < Self.maxDirectorySectors, visited.insert(current).inserted {
            let bytes = try reader.read(at: sectorOffset(current), count: sectorSize)
            var entry = 0
            while entry + 128 <= bytes.count {
                let nameBytes = bytes.uint16LE(entry + 64)
                if nameBytes >= 2 && nameBytes <= 64 {
                    let units = (0..<(nameBytes / 2 - 1)).map { UInt16(bytes.uint16LE(entry + 2 * $0)) }
                    names.append(String(decoding: units, as: UTF16.self))
                }
                entry += 128
            }
            sector = try next(current)
        }
        self.names = names
    }
}

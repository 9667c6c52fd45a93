extension FormatIdentifier {
    /// TIFF, JPEG (JFIF/Exif), PNG, GIF and JPEG 2000 from their headers.
    func identifyImage(_ head: [UInt8]) -> FormatIdentification? {
        if head.has([0x49, 0x49, 0x2A, 0x00], at: 0) || head.has([0x4D, 0x4D, 0x00, 0x2A], at: 0) {
            return FormatIdentification(puid: "fmt/353", formatName: "Tagged Image File Format", version: "6.0",
                                        mimeType: "image/tiff", basis: .signature)
        }
        if head.has([0x49, 0x49, 0x2B, 0x00], at: 0) || head.has([0x4D, 0x4D, 0x00, 0x2B], at: 0) {
            return FormatIdentification(puid: nil, formatName: "BigTIFF", mimeType: "image/tiff", basis: .signature)
        }
        if head.has([0xFF, 0xD8, 0xFF], at: 0) { return identifyJPEG(head) }
        if head.has([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], at: 0) { return identifyPNG(head) }
        if head.has(ascii: "GIF87a", at: 0) {
            return FormatIdentification(puid: "fmt/3", formatName: "Graphics Interchange Format", version: "87a",
                                        mimeType: "image/gif", basis: .signature)
        }
        if head.has(ascii: "GIF89a", at: 0) {
            return FormatIdentification(puid: "fmt/4", formatName: "Graphics Interchange Format", version: "89a",
                                        mimeType: "image/gif", basis: .signature)
        }
        if head.has([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A], at: 0) {
            // Signature box, then the File Type box with its brand.
            if head.has(ascii: "ftypjpx ", at: 16) {
                return FormatIdentification(puid: "fmt/151", formatName: "JPX (JPEG 2000 part 2)",
                                            mimeType: "image/jpx", basis: .signature)
            }
            return FormatIdentification(puid: "x-fmt/392", formatName: "JP2 (JPEG 2000 part 1)",
                                        mimeType: "image/jp2", basis: .signature)
        }
        if head.has([0xFF, 0x4F, 0xFF, 0x51], at: 0) {
            return FormatIdentification(puid: nil, formatName: "JPEG 2000 codestream", mimeType: "image/jp2",
                                        basis: .signature, notes: ["raw codestream without the JP2 wrapper"])
        }
        return nil
    }

    private func identifyJPEG(_ head: [UInt8]) -> FormatIdentification {
        // APP0 "JFIF\0" carries the version in its next two bytes.
        if head.has([0xFF, 0xE0], at: 2), head.has(ascii: "JFIF\0", at: 6) {
            let version = "\(head.count > 11 ? head[11] : 0).\(String(format2: head.count > 12 ? head[12] : 0))"
            let puids = ["1.00": "fmt/42", "1.01": "fmt/43", "1.02": "fmt/44"]
            return FormatIdentification(puid: puids[version], formatName: "JPEG File Interchange Format",
                                        version: version, mimeType: "image/jpeg", basis: .signature)
        }
        if head.has([0xFF, 0xE1], at: 2), head.has(ascii: "Exif\0\0", at: 6) {
            let version = Self.exifVersion(head, tiffStart: 12)
            let puids = ["0200": "x-fmt/398", "0210": "x-fmt/390", "0220": "x-fmt/391", "0221": "fmt/645"]
            return FormatIdentification(puid: version.flatMap { puids[$0] }, formatName: "Exchangeable Image File Format (compressed)",
                                        version: version, mimeType: "image/jpeg", basis: .signature,
                                        notes: version.flatMap { puids[$0] } == nil ? ["Exif version without a PUID here"] : [])
        }
        return FormatIdentification(puid: "fmt/41", formatName: "Raw JPEG Stream", mimeType: "image/jpeg",
                                    basis: .signature)
    }

    /// The four-character ExifVersion (tag 0x9000) from the Exif sub-IFD, if within the bytes read.
    static func exifVersion(_ bytes: [UInt8], tiffStart t: Int) -> String? {
        let little = bytes.has([0x49, 0x49], at: t)
        let u16: (Int) -> Int = { little ? bytes.uint16LE(t + $0) : bytes.uint16BE(t + $0) }
        let u32: (Int) -> Int = { little ? bytes.uint32LE(t + $0) : bytes.uint32BE(t + $0) }
        func find(_ tag: Int, inIFDAt ifd: Int) -> Int? {
            let n = u16(ifd)
            guard n > 0, n < 512 else { return nil }
            for i in 0..<n where u16(ifd + 2 + 12 * i) == tag { return ifd + 2 + 12 * i }
            return nil
        }
        guard let pointer = find(0x8769, inIFDAt: u32(4)), let entry = find(0x9000, inIFDAt: u32(pointer + 8)) else { return nil }
        let version = bytes.latin1((t + entry + 8)..<(t + entry + 12))
        return version.count == 4 ? version : nil
    }

    private func identifyPNG(_ head: [UInt8]) -> FormatIdentification {
        // Walk the chunks in the bytes read: chunks added by 1.1 (sRGB, iCCP, sPLT) and 1.2 (iTXt) date the file.
        var offset = 8
        var types = Set<String>()
        while offset + 8 <= head.count {
            let length = head.uint32BE(offset)
            types.insert(head.latin1((offset + 4)..<(offset + 8)))
            offset += 12 + length
        }
        let (puid, version): (String, String)
        if types.contains("iTXt") { (puid, version) = ("fmt/13", "1.2") }
        else if !types.isDisjoint(with: ["sRGB", "iCCP", "sPLT"]) { (puid, version) = ("fmt/12", "1.1") }
        else { (puid, version) = ("fmt/11", "1.0") }
        return FormatIdentification(puid: puid, formatName: "Portable Network Graphics", version: version,
                                    mimeType: "image/png", basis: .signature,
                                    notes: ["version from the chunk types present"])
    }
}

extension String {
    /// A byte as two decimal digits ("01").
    init(format2 value: UInt8) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}

/// Writes a minimal baseline TIFF 6.0 (8-bit greyscale, uncompressed, one strip): a stand-in for a scanned page.
public struct TIFFWriter: Sendable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Resolution in dots per inch (TT05: 200 dpi for digitized paper).
    public var dpi: Int

    /// A writer for an image of the given size.
    public init(width: Int = 320, height: Int = 240, dpi: Int = 200) {
        self.width = width
        self.height = height
        self.dpi = dpi
    }

    /// The file's bytes; the picture is a seeded pattern of grey bands.
    public func data(seed: UInt64) -> [UInt8] {
        var out: [UInt8] = [0x49, 0x49, 42, 0]  // "II", little-endian, 42
        func u16(_ value: Int) { out += [UInt8(value & 0xff), UInt8((value >> 8) & 0xff)] }
        func u32(_ value: Int) { u16(value & 0xffff); u16((value >> 16) & 0xffff) }
        let tagCount = 12
        let ifdOffset = 8
        let ifdSize = 2 + tagCount * 12 + 4
        let resolutionOffset = ifdOffset + ifdSize
        let pixelOffset = resolutionOffset + 16
        u32(ifdOffset)
        u16(tagCount)
        func tag(_ id: Int, _ type: Int, _ count: Int, _ value: Int) {
            u16(id); u16(type); u32(count)
            if type == 3 && count == 1 { u16(value); u16(0) } else { u32(value) }
        }
        tag(256, 3, 1, width)            // ImageWidth
        tag(257, 3, 1, height)           // ImageLength
        tag(258, 3, 1, 8)                // BitsPerSample
        tag(259, 3, 1, 1)                // Compression: none
        tag(262, 3, 1, 1)                // PhotometricInterpretation: BlackIsZero
        tag(273, 4, 1, pixelOffset)      // StripOffsets
        tag(277, 3, 1, 1)                // SamplesPerPixel
        tag(278, 3, 1, height)           // RowsPerStrip
        tag(279, 4, 1, width * height)   // StripByteCounts
        tag(282, 5, 1, resolutionOffset) // XResolution
        tag(283, 5, 1, resolutionOffset + 8) // YResolution
        tag(296, 3, 1, 2)                // ResolutionUnit: inch
        u32(0)
        u32(dpi); u32(1); u32(dpi); u32(1)
        var generator = SeededGenerator(seed: seed)
        let band = 8 + Int(generator.next() % 24)
        for y in 0..<height {
            let shade = UInt8(160 + ((y / band) % 2) * 80)
            for x in 0..<width { out.append(x % 97 == 0 ? 40 : shade) }
        }
        return out
    }
}

extension FormatIdentifier {
    /// WAV, AVI (RIFF), WMV/WMA (ASF), MP4/M4A/MOV (ISO base media), MPEG program/transport streams,
    /// MP3 and ADTS AAC from their headers.
    func identifyMedia(_ reader: borrowing BoundedFileReader, head: [UInt8]) throws(FormatIdentificationError) -> FormatIdentification? {
        if head.has(ascii: "RIFF", at: 0) {
            if head.has(ascii: "WAVE", at: 8) { return identifyWAV(head) }
            if head.has(ascii: "AVI ", at: 8) {
                return FormatIdentification(puid: "fmt/5", formatName: "Audio/Video Interleaved Format",
                                            mimeType: "video/x-msvideo", basis: .signature)
            }
        }
        if head.has(Self.asfHeaderGUID, at: 0) { return identifyASF(head) }
        if head.has(ascii: "ftyp", at: 4) { return identifyISOMedia(head) }
        for atom in ["moov", "mdat", "wide", "free", "skip", "pnot"] where head.has(ascii: atom, at: 4) {
            return FormatIdentification(puid: "x-fmt/384", formatName: "QuickTime", mimeType: "video/quicktime",
                                        basis: .signature, notes: ["QuickTime atom without ftyp"])
        }
        if head.has([0x00, 0x00, 0x01, 0xBA], at: 0), head.count > 4 {
            if head[4] & 0xC0 == 0x40 {
                return FormatIdentification(puid: "x-fmt/386", formatName: "MPEG-2 Program Stream", mimeType: "video/mpeg",
                                            basis: .signature)
            }
            if head[4] & 0xF0 == 0x20 {
                return FormatIdentification(puid: "x-fmt/385", formatName: "MPEG-1 Program Stream", mimeType: "video/mpeg",
                                            basis: .signature)
            }
        }
        if head.has([0x00, 0x00, 0x01, 0xB3], at: 0) {
            // A sequence extension (00 00 01 B5) after the sequence header marks MPEG-2 video.
            if head.firstOffset(of: [0x00, 0x00, 0x01, 0xB5], from: 4).map({ $0 < 300 }) ?? false {
                return FormatIdentification(puid: "fmt/640", formatName: "MPEG-2 Elementary Stream", mimeType: "video/mpeg",
                                            basis: .signature)
            }
            return FormatIdentification(puid: "fmt/649", formatName: "MPEG-1 Elementary Stream", mimeType: "video/mpeg",
                                        basis: .signature)
        }
        if head.count >= 188 * 3, head[0] == 0x47, head[188] == 0x47, head[376] == 0x47 {
            return FormatIdentification(puid: "fmt/585", formatName: "MPEG-2 Transport Stream", mimeType: "video/mp2t",
                                        basis: .signature)
        }
        return try identifyMPEGAudio(reader, head: head)
    }

    static let asfHeaderGUID: [UInt8] = [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11,
                                          0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C]
    static let asfStreamPropertiesGUID: [UInt8] = [0x91, 0x07, 0xDC, 0xB7, 0xB7, 0xA9, 0xCF, 0x11,
                                                    0x8E, 0xE6, 0x00, 0xC0, 0x0C, 0x20, 0x53, 0x65]
    static let asfVideoMediaGUID: [UInt8] = [0xC0, 0xEF, 0x19, 0xBC, 0x4D, 0x5B, 0xCF, 0x11,
                                              0xA8, 0xFD, 0x00, 0x80, 0x5F, 0x5C, 0x44, 0x2B]
    static let asfAudioMediaGUID: [UInt8] = [0x40, 0x9E, 0x69, 0xF8, 0x4D, 0x5B, 0xCF, 0x11,
                                              0xA8, 0xFD, 0x00, 0x80, 0x5F, 0x5C, 0x44, 0x2B]

    private func identifyWAV(_ head: [UInt8]) -> FormatIdentification {
        guard let fmt = head.firstOffset(ofASCII: "fmt ", from: 12) else {
            return FormatIdentification(puid: "fmt/6", formatName: "Waveform Audio", mimeType: "audio/x-wav", basis: .signature)
        }
        // Broadcast WAVE: the bext chunk's version field sits 346 bytes into its data.
        if let bext = head.firstOffset(ofASCII: "bext", from: 12), bext + 8 + 348 <= head.count {
            let version = head.uint16LE(bext + 8 + 346)
            let puids = [0: "fmt/1", 1: "fmt/2", 2: "fmt/527"]
            return FormatIdentification(puid: puids[version], formatName: "Broadcast WAVE", version: "\(version)",
                                        mimeType: "audio/x-wav", basis: .signature)
        }
        let size = head.uint32LE(fmt + 4)
        let tag = head.uint16LE(fmt + 8)
        let (puid, name): (String, String)
        if tag == 0xFFFE { (puid, name) = ("fmt/143", "Waveform Audio (WAVEFORMATEXTENSIBLE)") }
        else if size == 16 && tag == 1 { (puid, name) = ("fmt/141", "Waveform Audio (PCMWAVEFORMAT)") }
        else if size != 16 { (puid, name) = ("fmt/142", "Waveform Audio (WAVEFORMATEX)") }
        else { (puid, name) = ("fmt/6", "Waveform Audio") }
        return FormatIdentification(puid: puid, formatName: name, mimeType: "audio/x-wav", basis: .signature)
    }

    private func identifyASF(_ head: [UInt8]) -> FormatIdentification {
        var video = false, audio = false, from = 16
        while let at = head.firstOffset(of: Self.asfStreamPropertiesGUID, from: from) {
            if head.has(Self.asfVideoMediaGUID, at: at + 24) { video = true }
            if head.has(Self.asfAudioMediaGUID, at: at + 24) { audio = true }
            from = at + 16
        }
        if video {
            return FormatIdentification(puid: "fmt/133", formatName: "Windows Media Video", mimeType: "video/x-ms-wmv",
                                        basis: .embeddedMetadata)
        }
        if audio {
            return FormatIdentification(puid: "fmt/132", formatName: "Windows Media Audio", mimeType: "audio/x-ms-wma",
                                        basis: .embeddedMetadata)
        }
        return FormatIdentification(puid: "fmt/131", formatName: "Advanced Systems Format", mimeType: "video/x-ms-asf",
                                    basis: .signature, notes: ["no stream properties found in the header read"])
    }

    private func identifyISOMedia(_ head: [UInt8]) -> FormatIdentification {
        let brand = head.latin1(8..<12)
        switch brand {
        case "qt  ":
            return FormatIdentification(puid: "x-fmt/384", formatName: "QuickTime", mimeType: "video/quicktime", basis: .signature)
        case "M4A ", "M4B ":
            return FormatIdentification(puid: "fmt/199", formatName: "MPEG-4 Media File (audio)", mimeType: "audio/mp4",
                                        basis: .signature, notes: ["brand \(brand.trimmingWhitespace)"])
        default:
            return FormatIdentification(puid: "fmt/199", formatName: "MPEG-4 Media File", mimeType: "video/mp4",
                                        basis: .signature, notes: ["brand \(brand.trimmingWhitespace)"])
        }
    }

    private func identifyMPEGAudio(_ reader: borrowing BoundedFileReader, head: [UInt8]) throws(FormatIdentificationError) -> FormatIdentification? {
        var frame = head
        var hadID3 = false
        if head.has(ascii: "ID3", at: 0), head.count >= 10 {
            // Syncsafe size: 7 bits per byte.
            let size = (Int(head[6]) << 21) | (Int(head[7]) << 14) | (Int(head[8]) << 7) | Int(head[9])
            frame = try reader.read(at: Int64(10 + size), count: 4)
            hadID3 = true
        }
        guard frame.count >= 4, frame[0] == 0xFF, frame[1] & 0xE0 == 0xE0 else {
            return hadID3 ? FormatIdentification(puid: "fmt/134", formatName: "MPEG 1/2 Audio Layer 3", mimeType: "audio/mpeg",
                                                 basis: .signature, notes: ["ID3 tag; no frame header found after it"]) : nil
        }
        let layer = (frame[1] >> 1) & 0x03
        let bitrate = frame[2] >> 4, sampleRate = (frame[2] >> 2) & 0x03
        if frame[1] & 0xF6 == 0xF0 {  // ADTS: MPEG-2/4, layer 00
            return FormatIdentification(puid: nil, formatName: "Advanced Audio Coding (ADTS)", mimeType: "audio/aac",
                                        basis: .signature, notes: ["raw ADTS AAC has no PRONOM id of its own here"])
        }
        guard layer == 1, bitrate != 0x0F, sampleRate != 0x03 else { return nil }
        return FormatIdentification(puid: "fmt/134", formatName: "MPEG 1/2 Audio Layer 3", mimeType: "audio/mpeg",
                                    basis: .signature)
    }
}

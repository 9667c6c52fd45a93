extension FormatIdentifier {
    /// PRONOM PUIDs of PDF by header version.
    static let pdfVersionPUIDs: [String: String] = [
        "1.0": "fmt/14", "1.1": "fmt/15", "1.2": "fmt/16", "1.3": "fmt/17", "1.4": "fmt/18",
        "1.5": "fmt/19", "1.6": "fmt/20", "1.7": "fmt/276", "2.0": "fmt/1129",
    ]

    /// PRONOM PUIDs of PDF/A by `pdfaid:part` + `pdfaid:conformance`.
    static let pdfaPUIDs: [String: String] = [
        "1A": "fmt/95", "1B": "fmt/354",
        "2A": "fmt/476", "2B": "fmt/477", "2U": "fmt/478",
        "3A": "fmt/479", "3B": "fmt/480", "3U": "fmt/481",
    ]

    /// PDF: version from the `%PDF-x.y` header, PDF/A part and conformance from the XMP packet,
    /// searched for in the first and last `pdfWindow` bytes.
    func identifyPDF(_ reader: borrowing BoundedFileReader, head: [UInt8]) throws(FormatIdentificationError) -> FormatIdentification? {
        guard let start = head.firstOffset(ofASCII: "%PDF-"), start < 1024 else { return nil }
        let version = head.latin1((start + 5)..<(start + 8))
        var notes: [String] = []
        let window = try reader.head(pdfWindow) + reader.tail(pdfWindow)
        if let (part, conformance) = Self.pdfaIdentification(in: window) {
            let key = part + conformance
            let name = "PDF/A-\(part)\(conformance.lowercased())"
            if let puid = Self.pdfaPUIDs[key] {
                return FormatIdentification(puid: puid, formatName: name, version: version,
                                            mimeType: "application/pdf", basis: .embeddedMetadata)
            }
            notes.append("XMP declares \(name), which has no PRONOM id here")
        } else if reader.size > Int64(2 * pdfWindow) {
            notes.append("no pdfaid XMP in the first and last \(pdfWindow / 1024) KiB")
        }
        guard let puid = Self.pdfVersionPUIDs[version] else {
            return FormatIdentification(puid: nil, formatName: "Portable Document Format", version: version,
                                        mimeType: "application/pdf", basis: .signature,
                                        notes: notes + ["unrecognised PDF version \(version)"])
        }
        return FormatIdentification(puid: puid, formatName: "Portable Document Format", version: version,
                                    mimeType: "application/pdf", basis: .signature, notes: notes)
    }

    /// `pdfaid:part` and `pdfaid:conformance` from an XMP packet, in attribute or element form.
    static func pdfaIdentification(in bytes: [UInt8]) -> (part: String, conformance: String)? {
        guard let part = xmpValue("pdfaid:part", in: bytes) else { return nil }
        let conformance = xmpValue("pdfaid:conformance", in: bytes)?.uppercased() ?? ""
        return (part, conformance)
    }

    /// The value of `name` written as `name="v"`, `name='v'` or `<name>v</name>`.
    static func xmpValue(_ name: String, in bytes: [UInt8]) -> String? {
        var from = 0
        while let at = bytes.firstOffset(ofASCII: name, from: from) {
            var i = at + name.utf8.count
            from = i
            while i < bytes.count, bytes[i] == 0x20 { i += 1 }
            guard i < bytes.count else { return nil }
            var value: [UInt8] = []
            if bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < bytes.count, bytes[i] == 0x20 { i += 1 }
                guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else { continue }
                let quote = bytes[i]
                i += 1
                while i < bytes.count, bytes[i] != quote, value.count < 16 { value.append(bytes[i]); i += 1 }
            } else if bytes[i] == UInt8(ascii: ">") {
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "<"), value.count < 16 { value.append(bytes[i]); i += 1 }
            } else {
                continue
            }
            let text = String(decoding: value, as: UTF8.self).trimmingWhitespace
            if !text.isEmpty { return text }
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

extension FormatIdentifier {
    /// Plain text, CSV, HTML and XML, with their encoding, from the first and last bytes.
    func identifyText(_ reader: borrowing BoundedFileReader, head: [UInt8], fileExtension: String) throws(FormatIdentificationError) -> FormatIdentification? {
        let truncated = reader.size > Int64(head.count)
        guard var encoding = TextEncodingDetector.detect(head, truncated: truncated) else { return nil }
        if truncated, encoding == .ascii || encoding == .utf8 {
            // The end of a long file may hold the only non-ASCII bytes; the first bytes of the tail may be a cut sequence.
            let tail = try reader.tail(headBytes)
            let cut = tail.firstIndex { $0 & 0xC0 != 0x80 } ?? tail.endIndex
            guard let tailEncoding = TextEncodingDetector.detect(Array(tail[cut...]), truncated: false) else { return nil }
            if tailEncoding == .legacy8Bit { encoding = .legacy8Bit }
            else if tailEncoding == .utf8 { encoding = .utf8 }
        }
        let text = Self.decodePrefix(head, encoding: encoding)
        let lower = text.prefix(2048).lowercased().trimmingWhitespace
        var notes: [String] = []
        if encoding == .legacy8Bit { notes.append("not UTF-8: legacy 8-bit encoding (TCVN3/VNI/Windows-1258 cannot be told apart)") }

        if let html = Self.identifyHTML(lower, encoding: encoding, notes: notes) { return html }
        if lower.hasPrefix("<?xml") {
            return FormatIdentification(puid: "fmt/101", formatName: "Extensible Markup Language", version: "1.0",
                                        mimeType: "application/xml", basis: .signature, textEncoding: encoding, notes: notes)
        }
        if lower.hasPrefix("<") && (lower.contains("<body") || lower.contains("<head") || lower.contains("<p>")) {
            return FormatIdentification(puid: "fmt/96", formatName: "Hypertext Markup Language", mimeType: "text/html",
                                        basis: .textHeuristic, textEncoding: encoding, notes: notes)
        }
        if Self.looksLikeCSV(text) || (fileExtension == "csv" && !text.isEmpty) {
            return FormatIdentification(puid: "x-fmt/18", formatName: "Comma Separated Values", mimeType: "text/csv",
                                        basis: .textHeuristic, textEncoding: encoding, notes: notes)
        }
        return FormatIdentification(puid: "x-fmt/111", formatName: "Plain Text File", mimeType: "text/plain",
                                    basis: .textHeuristic, textEncoding: encoding, notes: notes)
    }

    /// HTML by its DOCTYPE (2.0, 3.2, 4.0, 4.01, XHTML 1.0/1.1, HTML5) or its `<html>` element, in the first 1 KiB.
    static func identifyHTML(_ lower: String, encoding: TextEncoding, notes: [String]) -> FormatIdentification? {
        let start = String(lower.prefix(1024))
        func html(_ puid: String, _ version: String?, mime: String = "text/html", name: String = "Hypertext Markup Language") -> FormatIdentification {
            FormatIdentification(puid: puid, formatName: name, version: version, mimeType: mime, basis: .signature,
                                 textEncoding: encoding, notes: notes)
        }
        if let doctype = start.range(of: "<!doctype html") {
            let declaration = String(start[doctype.lowerBound...].prefix(200))
            if declaration.contains("xhtml 1.0") { return html("fmt/102", "1.0", mime: "application/xhtml+xml", name: "Extensible Hypertext Markup Language") }
            if declaration.contains("xhtml 1.1") { return html("fmt/103", "1.1", mime: "application/xhtml+xml", name: "Extensible Hypertext Markup Language") }
            if declaration.contains("html 4.01") { return html("fmt/100", "4.01") }
            if declaration.contains("html 4.0") { return html("fmt/99", "4.0") }
            if declaration.contains("html 3.2") { return html("fmt/98", "3.2") }
            if declaration.contains("html 2.0") { return html("fmt/97", "2.0") }
            return html("fmt/471", "5")
        }
        if start.contains("<html") { return html("fmt/96", nil) }
        return nil
    }

    /// The bytes decoded as far as they are whole characters (8-bit legacy bytes as Latin-1).
    static func decodePrefix(_ bytes: [UInt8], encoding: TextEncoding) -> String {
        switch encoding {
        case .ascii, .utf8: return String(decoding: bytes, as: UTF8.self)
        case .utf8WithBOM: return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        case .legacy8Bit: return bytes.latin1(0..<bytes.count)
        case .utf16LittleEndian, .utf16BigEndian:
            let start = bytes.has([0xFF, 0xFE], at: 0) || bytes.has([0xFE, 0xFF], at: 0) ? 2 : 0
            let little = encoding == .utf16LittleEndian
            let units = stride(from: start, to: bytes.count - 1, by: 2).map {
                UInt16(little ? bytes.uint16LE($0) : bytes.uint16BE($0))
            }
            return String(decoding: units, as: UTF16.self)
        }
    }

    /// At least two complete lines with the same non-zero number of commas, semicolons or tabs
    /// (outside double quotes) in every line read.
    static func looksLikeCSV(_ text: String) -> Bool {
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if text.last != "\n", lines.count > 1 { lines.removeLast() }  // the last line may be cut
        guard lines.count >= 2 else { return false }
        for delimiter in [",", ";", "\t"] as [Character] {
            let counts = lines.prefix(50).map { line -> Int in
                var inQuotes = false, n = 0
                for c in line {
                    if c == "\"" { inQuotes.toggle() } else if c == delimiter && !inQuotes { n += 1 }
                }
                return n
            }
            if let first = counts.first, first > 0, counts.allSatisfy({ $0 == first }) { return true }
        }
        return false
    }
}

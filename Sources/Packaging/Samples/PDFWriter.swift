import Foundation

/// Writes small, valid PDF 1.7 files whose text layer is Vietnamese that `pdftotext` extracts exactly.
///
/// Text is shown with a Type0 font (`Identity-H`, two-byte codes equal to the UTF-16 code units of NFC text)
/// and a `ToUnicode` CMap mapping every code back to its character. The font (DejaVu Sans) is named, not
/// embedded: viewers substitute a font for display, text extraction and search are exact.
/// Optional padding (an unreferenced stream of seeded bytes) makes files of a chosen size for benchmarks.
public struct PDFWriter: Sendable {
    /// Document title (Info dictionary).
    public var title: String
    /// Author or issuing body (Info dictionary).
    public var author: String
    /// `D:YYYYMMDDHHmmSS+07'00'`.
    public var creationDate: String

    /// A writer for one document.
    public init(title: String, author: String, creationDate: String) {
        self.title = title
        self.author = author
        self.creationDate = creationDate
    }

    /// Lines per page before a new page starts.
    static let linesPerPage = 44
    /// Characters per line before wrapping.
    static let lineWidth = 78

    /// Writes the PDF to `sink` in order; `paddingBytes` of seeded filler are added in a stream object.
    public func write(lines: [String], paddingBytes: Int = 0, seed: UInt64 = 0, to sink: (UnsafeRawBufferPointer) -> Void) {
        var offsets: [Int] = []
        var position = 0
        func emit(_ text: String) {
            let bytes = Array(text.utf8)
            position += bytes.count
            bytes.withUnsafeBytes { sink($0) }
        }
        func emitBytes(_ bytes: [UInt8]) {
            position += bytes.count
            bytes.withUnsafeBytes { sink($0) }
        }
        func beginObject(_ number: Int) {
            while offsets.count < number { offsets.append(0) }
            offsets[number - 1] = position
            emit("\(number) 0 obj\n")
        }

        let wrapped = lines.flatMap { Self.wrap($0.precomposedStringWithCanonicalMapping) }
        let pages = stride(from: 0, to: max(wrapped.count, 1), by: Self.linesPerPage).map {
            Array(wrapped[$0..<min($0 + Self.linesPerPage, wrapped.count)])
        }
        let usedHighBytes = Set(wrapped.flatMap { $0.utf16.map { Int($0 >> 8) } } + [0])
        let firstPageObject = 9
        let kids = pages.indices.map { "\(firstPageObject + 2 * $0) 0 R" }.joined(separator: " ")

        emit("%PDF-1.7\n")
        emitBytes([0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
        beginObject(1)
        emit("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
        beginObject(2)
        emit("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>\nendobj\n")
        beginObject(3)
        emit("<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>\nendobj\n")
        beginObject(4)
        emit("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 560 /CIDToGIDMap /Identity >>\nendobj\n")
        beginObject(5)
        emit("<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 /FontBBox [-1021 -463 1793 1232] /ItalicAngle 0 /Ascent 928 /Descent -236 /CapHeight 729 /StemV 80 >>\nendobj\n")
        let cmap = Self.toUnicodeCMap(highBytes: usedHighBytes.sorted())
        beginObject(6)
        emit("<< /Length \(cmap.utf8.count) >>\nstream\n\(cmap)\nendstream\nendobj\n")
        beginObject(7)
        emit("<< /Title \(Self.textString(title)) /Author \(Self.textString(author)) /Producer (Kho sample generator) /CreationDate (\(creationDate)) /ModDate (\(creationDate)) >>\nendobj\n")
        beginObject(8)
        emit("<< /Length \(paddingBytes) >>\nstream\n")
        if paddingBytes > 0 { Self.filler(count: paddingBytes, seed: seed) { chunk in
            position += chunk.count
            sink(chunk)
        } }
        emit("\nendstream\nendobj\n")
        for (index, pageLines) in pages.enumerated() {
            let pageObject = firstPageObject + 2 * index
            beginObject(pageObject)
            emit("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(pageObject + 1) 0 R >>\nendobj\n")
            var content = "BT\n/F1 11 Tf\n15 TL\n50 790 Td\n"
            for line in pageLines {
                content += "<\(Self.hexCodes(line))> Tj T*\n"
            }
            content += "ET"
            beginObject(pageObject + 1)
            emit("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream\nendobj\n")
        }
        let xrefPosition = position
        emit("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n")
        for offset in offsets {
            let text = String(offset)
            emit(String(repeating: "0", count: 10 - text.count) + text + " 00000 n \n")
        }
        emit("trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info 7 0 R >>\nstartxref\n\(xrefPosition)\n%%EOF\n")
    }

    /// The whole PDF as bytes (for small documents).
    public func data(lines: [String]) -> [UInt8] {
        var out: [UInt8] = []
        write(lines: lines) { out.append(contentsOf: $0) }
        return out
    }

    /// Splits a line into pieces of at most `lineWidth` characters at spaces.
    static func wrap(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count > lineWidth {
                result.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        result.append(current)
        return result
    }

    /// Four hex digits per UTF-16 code unit: the Identity-H codes.
    static func hexCodes(_ text: String) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for unit in text.utf16 {
            for shift in [12, 8, 4, 0] { out.append(digits[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A UTF-16BE text string with BOM, for the Info dictionary.
    static func textString(_ text: String) -> String {
        "<FEFF\(hexCodes(text.precomposedStringWithCanonicalMapping))>"
    }

    /// A CMap mapping each used 256-code block to the same Unicode code units.
    static func toUnicodeCMap(highBytes: [Int]) -> String {
        let digits = Array("0123456789ABCDEF")
        func hex2(_ value: Int) -> String { String([digits[value >> 4], digits[value & 0xF]]) }
        var ranges = ""
        for chunkStart in stride(from: 0, to: highBytes.count, by: 100) {
            let chunk = highBytes[chunkStart..<min(chunkStart + 100, highBytes.count)]
            ranges += "\(chunk.count) beginbfrange\n"
            for high in chunk { ranges += "<\(hex2(high))00> <\(hex2(high))FF> <\(hex2(high))00>\n" }
            ranges += "endbfrange\n"
        }
        return """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange
            \(ranges)endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end
            """
    }

    /// Seeded filler bytes in 1 MiB chunks.
    static func filler(count: Int, seed: UInt64, _ sink: (UnsafeRawBufferPointer) -> Void) {
        var generator = SeededGenerator(seed: seed)
        let chunkWords = 1 << 17
        var buffer = [UInt64](repeating: 0, count: chunkWords)
        var remaining = count
        while remaining > 0 {
            for index in 0..<chunkWords { buffer[index] = generator.next() }
            let take = min(remaining, chunkWords * 8)
            buffer.withUnsafeBytes { sink(UnsafeRawBufferPointer(rebasing: $0[0..<take])) }
            remaining -= take
        }
    }
}

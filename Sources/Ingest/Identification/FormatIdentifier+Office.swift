import Packaging

extension FormatIdentifier {
    /// OpenDocument (the stored `mimetype` entry at the start), Office Open XML (part names in the zip
    /// central directory) and Office 97–2003 (OLE2 directory entry names).
    func identifyOffice(_ reader: borrowing BoundedFileReader, head: [UInt8]) throws(FormatIdentificationError) -> FormatIdentification? {
        if head.has([0x50, 0x4B, 0x03, 0x04], at: 0) { return try identifyZip(reader, head: head) }
        if head.has([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], at: 0) {
            guard let directory = try CompoundFileEntryNames(reader) else { return nil }
            return Self.identifyOLE2(Set(directory.names))
        }
        if head.has(ascii: "{\\rtf", at: 0) { return Self.identifyRTF(head) }
        return nil
    }

    /// ODF media types and their names.
    static let openDocumentTypes: [String: String] = [
        "application/vnd.oasis.opendocument.text": "OpenDocument Text",
        "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument Spreadsheet",
        "application/vnd.oasis.opendocument.presentation": "OpenDocument Presentation",
        "application/vnd.oasis.opendocument.graphics": "OpenDocument Drawing",
    ]

    /// PRONOM PUIDs of ODF documents by media type and ODF version.
    static let openDocumentPUIDs: [String: [String: String]] = [
        "application/vnd.oasis.opendocument.text": ["1.0": "fmt/136", "1.1": "fmt/290", "1.2": "fmt/291", "1.3": "fmt/1756"],
        "application/vnd.oasis.opendocument.spreadsheet": ["1.0": "fmt/137", "1.1": "fmt/294", "1.2": "fmt/295", "1.3": "fmt/1755"],
        "application/vnd.oasis.opendocument.presentation": ["1.0": "fmt/138", "1.1": "fmt/292", "1.2": "fmt/293", "1.3": "fmt/1754"],
    ]

    /// The ODF version: `manifest:version` in the manifest (1.2 onwards), else `office:version` in meta.xml
    /// or content.xml (each inflated only to its first 256 KiB).
    private func openDocumentVersion(_ reader: borrowing BoundedFileReader) throws(FormatIdentificationError) -> String? {
        guard let zip = try? ZipIndex.read(zipAt: reader.path) else { return nil }
        if let manifest = try? zip.contents(of: "META-INF/manifest.xml"),
           let version = Self.xmpValue("manifest:version", in: manifest) { return version }
        for part in ["meta.xml", "content.xml"] {
            if let xml = try? zip.contents(of: part), let version = Self.xmpValue("office:version", in: xml) { return version }
        }
        return nil
    }

    private func identifyZip(_ reader: borrowing BoundedFileReader, head: [UInt8]) throws(FormatIdentificationError) -> FormatIdentification? {
        // ODF: first entry "mimetype", stored, its content right after the 30-byte header and the name.
        if head.has(ascii: "mimetype", at: 30), head.uint16LE(8) == 0 {
            let start = 30 + head.uint16LE(26) + head.uint16LE(28)
            let length = min(head.uint32LE(18), 200)
            let mime = head.latin1(start..<(start + length))
            if let name = Self.openDocumentTypes[mime] {
                let version = try openDocumentVersion(reader)
                let puid = version.flatMap { Self.openDocumentPUIDs[mime]?[$0] }
                return FormatIdentification(puid: puid, formatName: name, version: version, mimeType: mime, basis: .container,
                                            notes: puid == nil ? ["ODF version \(version ?? "not found"): no PRONOM id here"] : [])
            }
        }
        // Packaging's checked reader: a zip it cannot read (truncated, hostile) is only "a zip" here.
        guard let zip = try? ZipIndex.read(zipAt: reader.path) else {
            return FormatIdentification(puid: nil, formatName: "ZIP archive", mimeType: "application/zip", basis: .signature,
                                        notes: ["central directory not readable (truncated or malformed?)"])
        }
        let names = Set(zip.names)
        if names.contains("[Content_Types].xml") {
            if names.contains("word/document.xml") {
                return FormatIdentification(puid: "fmt/412", formatName: "Microsoft Word for Windows (OOXML)", version: "2007 onwards",
                                            mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", basis: .container)
            }
            if names.contains("xl/workbook.xml") {
                return FormatIdentification(puid: "fmt/214", formatName: "Microsoft Excel (OOXML)", version: "2007 onwards",
                                            mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", basis: .container)
            }
            if names.contains("ppt/presentation.xml") {
                return FormatIdentification(puid: "fmt/215", formatName: "Microsoft PowerPoint (OOXML)", version: "2007 onwards",
                                            mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", basis: .container)
            }
        }
        return FormatIdentification(puid: "x-fmt/263", formatName: "ZIP Format", mimeType: "application/zip", basis: .signature)
    }

    /// Word, Excel or PowerPoint 97–2003 by their main stream's name.
    static func identifyOLE2(_ names: Set<String>) -> FormatIdentification {
        if names.contains("WordDocument") {
            return FormatIdentification(puid: "fmt/40", formatName: "Microsoft Word Document", version: "97-2003",
                                        mimeType: "application/msword", basis: .container)
        }
        if names.contains("Workbook") {
            return FormatIdentification(puid: "fmt/61", formatName: "Microsoft Excel 97 Workbook (xls)", version: "8X",
                                        mimeType: "application/vnd.ms-excel", basis: .container)
        }
        if names.contains("Book") {
            return FormatIdentification(puid: "fmt/59", formatName: "Microsoft Excel 5.0/95 Workbook (xls)", version: "5.0/95",
                                        mimeType: "application/vnd.ms-excel", basis: .container)
        }
        if names.contains("PowerPoint Document") {
            return FormatIdentification(puid: "fmt/126", formatName: "Microsoft PowerPoint Presentation", version: "97-2003",
                                        mimeType: "application/vnd.ms-powerpoint", basis: .container)
        }
        return FormatIdentification(puid: "fmt/111", formatName: "OLE2 Compound Document Format",
                                    mimeType: "application/x-ole-storage", basis: .signature,
                                    notes: ["no Word, Excel or PowerPoint stream in the directory"])
    }
}

extension FormatIdentifier {
    /// RTF versions told apart as PRONOM does, by control words near the start
    /// (1.9: colour scheme mapping or data store; 1.8: `\\lsdstimax`; 1.7: `\\stshf…` font defaults;
    /// 1.5–1.6: `\\ansicpg`; 1.0–1.4: anything else).
    static func identifyRTF(_ head: [UInt8]) -> FormatIdentification {
        let text = head.latin1(0..<head.count)
        let hasStyleFonts = text.contains("\\stshfdbch") && text.contains("\\stshfloch") && text.contains("\\stshfhich")
            && text.contains("\\stshfbi")
        let (puid, version): (String, String)
        if hasStyleFonts && ["{\\*\\colorschememapping", "\\afelev", "{\\*\\datastore", "{\\*\\defchp"].contains(where: text.contains) {
            (puid, version) = ("fmt/355", "1.9")
        } else if hasStyleFonts && text.contains("\\lsdstimax") {
            (puid, version) = ("fmt/53", "1.8")
        } else if hasStyleFonts {
            (puid, version) = ("fmt/52", "1.7")
        } else if text.prefix(32).contains("\\ansicpg") {
            (puid, version) = ("fmt/50", "1.5-1.6")
        } else {
            (puid, version) = ("fmt/45", "1.0-1.4")
        }
        return FormatIdentification(puid: puid, formatName: "Rich Text Format", version: version,
                                    mimeType: "application/rtf", basis: .signature,
                                    notes: ["version from the control words in the first bytes"])
    }
}

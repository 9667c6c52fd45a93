/// CSV as RFC 4180 writes it (CRLF, fields with `,` `"` or line breaks quoted, quotes doubled), UTF-8 with
/// a byte order mark: without it Excel reads UTF-8 as the local code page and Vietnamese turns to mojibake.
struct CSVTable {
    /// Rows of cells.
    var rows: [[String]] = []

    /// Appends a row.
    mutating func append(_ row: [String]) { rows.append(row) }

    /// The file's bytes, BOM first.
    var data: [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// The text without the BOM.
    var text: String {
        rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when needed. Text starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`
    /// so a spreadsheet shows it instead of running it as a formula (units and paths are user data).
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Int(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation

/// Writes a receipt into `home/receipts/`: `<transfer id>.json` and `<transfer id>.html`
/// (biên bản giao nhận, self-contained UTF-8 HTML in Vietnamese), each by temporary file and rename.
struct ReceiptWriter {
    /// `home/receipts`.
    let folder: String

    /// Writes both files and returns their paths (JSON first).
    func write(_ receipt: IngestReceipt) throws(IngestError) -> [String] {
        let base = folder + "/bien-ban-" + receipt.transferID
        let paths = [base + ".json", base + ".html"]
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(receipt).write(to: URL(fileURLWithPath: paths[0]), options: .atomic)
            try Data(ReceiptHTML.render(receipt).utf8).write(to: URL(fileURLWithPath: paths[1]), options: .atomic)
        } catch {
            throw IngestError("KHO-INGEST-RECEIPT", path: base, vi: "Không ghi được biên bản giao nhận", en: "Cannot write the receipt", error: error)
        }
        return paths
    }
}

import Foundation

/// BagIt bags (RFC 8493) as transfers.
enum BagSubmission {
    /// A folder with `bagit.txt` at its top is a bag.
    static func isBag(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/bagit.txt")
    }
}

extension IngestRun {
    /// Receives a bag (to be written).
    mutating func receiveBag() throws(IngestError) -> ReceiveResult {
        throw IngestError("KHO-INGEST-BAG", path: source, vi: "Chưa hỗ trợ BagIt", en: "BagIt not supported yet")
    }
}

/// The AIP as assembled before it is built and committed: the builder's input plus what only the
/// catalogue and the receipt need (extracted text, docIds of files, which payload the object already holds).
struct AssembledAIP {
    /// The builder's input.
    var content: AIPContent
    /// Extracted text by docId, for full-text search.
    var texts: [String: String]
    /// AIP path → docId of the document it belongs to.
    var fileDocuments: [String: String]
    /// AIP payload paths whose bytes the object already holds (kept from the previous version).
    var keptPayload: Set<String>
    /// Files identified, with an unknown format, and with a MIME mismatch.
    var identified: Int
    var unknownFormats: Int
    /// Findings of identification and extraction (warnings), for the receipt.
    var warnings: [String]
}

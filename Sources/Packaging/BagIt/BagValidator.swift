/// Validates BagIt bags (RFC 8493, and the 0.93–0.97 drafts still found in the wild).
///
/// Kiểm tra túi BagIt: bag declaration, manifests, tag manifests, `bag-info.txt`, `fetch.txt`,
/// completeness and every digest. Never fetches anything from the network and never writes.
public struct BagValidator: Sendable {
    /// Fast or full, and how many hashing threads.
    public var options: BagValidationOptions

    /// A validator with the given options.
    public init(options: BagValidationOptions = BagValidationOptions()) {
        self.options = options
    }

    /// Validates the bag in directory `path` and returns every finding.
    public func validate(bagAt path: String) -> BagValidationReport {
        var run = BagValidationRun(root: BagFileSystem.bytes(of: path), options: options)
        run.perform()
        return BagValidationReport(
            bagPath: path,
            version: run.declaration?.version,
            payloadFileCount: run.payloadFiles.count,
            payloadByteCount: run.payloadFiles.reduce(0) { $0 + $1.size },
            algorithms: run.payloadManifests.map(\.algorithm.rawValue),
            fast: options.fast,
            findings: run.findings.all
        )
    }
}

import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import Metadata
import Packaging
import Preservation

/// The ingest pipeline (quy trình tiếp nhận): turns a transfer — a TT05 SIP_hoso or E-ARK SIP (zip or folder)
/// or a BagIt bag — into an AIP in the OCFL storage root, recorded in the catalogue, with a receipt.
///
/// Steps, each a PREMIS event: receive into staging (the source is only read, DESIGN.md invariant 3) →
/// validate and verify every declared size and checksum (`SIPValidator`) → identify formats → extract text
/// → build the AIP (`AIPBuilder`) → commit one OCFL version → record in the catalogue → issue a receipt.
/// A package with error findings is rejected to `quarantine/` and nothing else changes.
public struct IngestPipeline: Sendable {
    /// The repository home (storage root, catalogue, staging, quarantine, receipts).
    public let home: RepositoryHome
    /// Who transfers, which archive receives, test hooks.
    public var options: IngestOptions

    /// A pipeline working on `home`.
    public init(home: RepositoryHome, options: IngestOptions = IngestOptions()) {
        self.home = home
        self.options = options
    }

    /// Ingests one package (zip, folder or bag). Rejections are outcomes, not errors; an error means the
    /// repository itself failed (disk, catalogue) and the run can simply be repeated.
    public func ingest(_ path: String) throws(IngestError) -> IngestOutcome {
        let source = URL(fileURLWithPath: path).standardizedFileURL.path
        let repository = try openRepository()
        let work = try WorkArea.create(in: home.staging)
        defer { work.remove() }
        var run = IngestRun(source: source, received: Date(), options: options, home: home,
                            storage: repository.storage, catalogue: repository.catalogue, work: work.path)
        run.event(.ingestionStart, outcome: .success, detail: "Tiếp nhận gói / package received: \(run.packageName)")
        options.crashIfRequested(.received)
        return try run.execute()
    }

    private func openRepository() throws(IngestError) -> (storage: OCFLStorageRoot, catalogue: Catalogue) {
        do {
            return try home.prepare()
        } catch {
            throw IngestError("KHO-INGEST-HOME", path: home.path, vi: "Không mở được kho", en: "Cannot open the repository home", error: error)
        }
    }
}

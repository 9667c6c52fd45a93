import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import Metadata
import Preservation

/// One run of the pipeline over one package: what has been learnt so far and the PREMIS events of the steps.
struct IngestRun {
    /// The package as given (absolute path).
    let source: String
    /// When it was received.
    let received: Date
    let options: IngestOptions
    let home: RepositoryHome
    let storage: OCFLStorageRoot
    let catalogue: Catalogue
    /// The work area (`staging/ingest-…`).
    let work: String
    /// Mã lần nộp lưu: this transfer's id.
    let transferID = UUID().uuidString.lowercased()
    /// PREMIS events of the steps done so far.
    var events: [AIPEvent] = []

    /// The package's own name (file or folder).
    var packageName: String { String(source.split(separator: "/").last ?? Substring(source)) }

    /// Kho as a PREMIS software agent, with its version.
    var software: AIPAgent {
        AIPAgent(identifier: "kho/\(options.softwareVersion)", name: "Kho", kind: .software, version: options.softwareVersion)
    }

    /// Records a step as a PREMIS event executed by Kho.
    mutating func event(_ type: AIPEventType, outcome: AIPEvent.Outcome, detail: String? = nil, outcomeDetail: String? = nil,
                        objects: [AIPEvent.LinkedObject] = [], extraAgents: [AIPEvent.LinkedAgent] = []) {
        let now = Date()
        events.append(AIPEvent(identifier: "urn:uuid:" + TimeOrderedUUID.make(at: now), type: type, dateTime: now,
                               outcome: outcome, detail: detail, outcomeDetail: outcomeDetail, linkingObjects: objects,
                               linkingAgents: [AIPEvent.LinkedAgent(identifier: software.identifier, role: "executing program")] + extraAgents))
    }

    /// Runs the steps after reception.
    mutating func execute() throws(IngestError) -> IngestOutcome {
        let package: ReceivedPackage
        switch try receive() {
        case .rejected(let outcome): return outcome
        case .received(let received): package = received
        }
        options.crashIfRequested(.validated)
        let target: StorageTarget
        switch try locateTarget(for: package) {
        case .done(let outcome): return outcome
        case .rejected(let findings): return try reject(findings, package: package)
        case .target(let found): target = found
        }
        let assembled = try assemble(package, target: target)
        options.crashIfRequested(.identified)
        return try store(assembled, package: package, target: target)
    }
}

/// ISO 8601 with the archive's offset (+07:00), as TT05 writes times.
func vietnamTime(_ date: Date) -> String { AIPTimestamp.string(date) }

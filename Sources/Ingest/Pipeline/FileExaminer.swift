import Dispatch
import Foundation
import KhoCore
import Synchronization

/// What Ingest learns about one data file beyond its digests: its format and its text.
struct FileExamination: Sendable {
    /// The format, with MIME findings.
    var identification: FormatIdentification
    var findings: [Finding]
    /// The text extraction outcome; nil when extraction failed (a finding is not worth a rejection).
    var text: TextExtractionOutcome?
    /// Why extraction failed, reported as a warning naming the file.
    var textError: TextExtractionError?
}

/// Identifies formats and extracts text of many files on a few threads (PDF text layers are the slow part,
/// read in process through poppler-glib, one document per thread at a time), keeping the files' order.
enum FileExaminer {
    /// Examines every file; the first unreadable file is the error.
    static func examine(_ files: [ReceivedPackage.DataFile], identifier: FormatIdentifier, extractor: TextExtractor,
                        threads: Int) throws(IngestError) -> [FileExamination] {
        let slots = Mutex<[Result<FileExamination, IngestError>?]>(Array(repeating: nil, count: files.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(max(1, threads), max(1, files.count))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < files.count else { return }
                let result = examine(files[index], identifier: identifier, extractor: extractor)
                slots.withLock { $0[index] = result }
            }
        }
        var examinations: [FileExamination] = []
        examinations.reserveCapacity(files.count)
        for slot in slots.withLock({ $0 }) {
            switch slot {
            case .success(let examination)?: examinations.append(examination)
            case .failure(let error)?: throw error
            case nil: throw IngestError("KHO-INGEST-READ", vi: "Tệp chưa được kiểm tra", en: "A file was not examined")
            }
        }
        return examinations
    }

    private static func examine(_ file: ReceivedPackage.DataFile, identifier: FormatIdentifier,
                                extractor: TextExtractor) -> Result<FileExamination, IngestError> {
        let url = URL(fileURLWithPath: file.location)
        do {
            let result = try identifier.identify(fileAt: url, declaredMIMEType: file.declaredMIMEType, path: file.packagePath)
            var text: TextExtractionOutcome?
            var textError: TextExtractionError?
            do { text = try extractor.extract(fileAt: url, identification: result.identification) } catch { textError = error }
            return .success(FileExamination(identification: result.identification, findings: result.findings, text: text,
                                            textError: textError))
        } catch {
            return .failure(IngestError("KHO-INGEST-READ", wrapping: error, path: file.packagePath, vi: "Không đọc được tệp", en: "Cannot read the file"))
        }
    }
}

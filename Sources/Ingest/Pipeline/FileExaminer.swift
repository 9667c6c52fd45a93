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
/// read by one `kho-pdf-text` worker process per thread), keeping the files' order.
enum FileExaminer {
    /// Examines every file; the first unreadable file is the error.
    static func examine(_ files: [ReceivedPackage.DataFile], identifier: FormatIdentifier, extractor: TextExtractor,
                        threads: Int) throws(IngestError) -> [FileExamination] {
        let results = inOrder(count: files.count, threads: threads) { index in
            examine(files[index], identifier: identifier, extractor: extractor)
        }
        var examinations: [FileExamination] = []
        examinations.reserveCapacity(files.count)
        for result in results {
            switch result {
            case .success(let examination): examinations.append(examination)
            case .failure(let error): throw error
            }
        }
        guard examinations.count == files.count else {
            throw IngestError("KHO-INGEST-READ", vi: "Tệp chưa được kiểm tra", en: "A file was not examined")
        }
        return examinations
    }

    /// `body(0) … body(count - 1)` on `threads` threads, each taking the next index; results in index order.
    static func inOrder<Value: Sendable>(count: Int, threads: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        let slots = Mutex<[Value?]>(Array(repeating: nil, count: count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(max(1, threads), max(1, count))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let value = body(index)
                slots.withLock { $0[index] = value }
            }
        }
        // concurrentPerform returns once every index is done, so every slot is filled.
        return slots.withLock { $0 }.compactMap { $0 }
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

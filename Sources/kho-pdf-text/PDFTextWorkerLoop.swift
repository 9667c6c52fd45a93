import PDFTextProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loop of a PDF text worker process: reads requests from standard input and answers each on standard
/// output (`PDFTextProtocol`), one PDF after another, through `PDFTextLayerReader`. A crash inside poppler
/// ends only this process; Ingest's `PDFTextWorkerPool` notices, names the file and starts another.
enum PDFTextWorkerLoop {
    /// Serves requests until standard input closes; returns the exit status (0 at a clean end of input).
    static func serve(input: Int32 = 0, output: Int32 = 1) -> Int32 {
        let crashOn = hook(PDFTextWorker.crashHookVariable)
        let hangOn = hook(PDFTextWorker.hangHookVariable)
        while true {
            let body: [UInt8]
            switch WorkerFrames.read(from: input, maxLength: 1 << 20, deadline: nil) {
            case .success(let read): body = read
            case .failure(.endOfFile(atBoundary: true)): return 0
            case .failure: return 1
            }
            guard let request = PDFTextRequest(decoding: body) else { return 1 }
            if let crashOn, request.path.contains(crashOn) { abort() }
            if let hangOn, request.path.contains(hangOn) {
                while true { sleep(3600) }
            }
            let reader = PDFTextLayerReader(maxTextBytes: request.maxTextBytes,
                                            timeBudget: .milliseconds(request.timeBudgetMilliseconds))
            let response: PDFTextResponse
            do {
                let read = try reader.read(path: request.path)
                response = .text(read.bytes, truncated: read.truncated)
            } catch {
                response = .failure(error.kind, detail: error.detail)
            }
            guard WorkerFrames.write(response.encoded, to: output, socket: false) else { return 1 }
        }
    }

    /// A test hook's value; nil when unset or empty.
    private static func hook(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}

public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loop of a PDF text worker process (`kho internal pdf-text-worker`): reads requests from standard
/// input and answers each on standard output (`PDFTextWorkerProtocol`), one PDF after another, through the
/// in-process `PDFTextLayerReader`. A crash inside poppler ends only this process; `PDFTextWorkerPool`
/// notices, names the file and starts another. Ends when standard input closes.
public enum PDFTextWorkerService {
    /// Test hook: the worker calls `abort()` on a file whose path contains this value (only in the worker).
    public static let crashHookVariable = "KHO_TEST_PDF_WORKER_CRASH_ON"
    /// Test hook: the worker stops answering (sleeps for ever) on a file whose path contains this value.
    public static let hangHookVariable = "KHO_TEST_PDF_WORKER_HANG_ON"

    /// Serves requests until standard input closes; returns the exit status (0 at a clean end of input).
    public static func serve(input: Int32 = 0, output: Int32 = 1,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        let crashOn = environment[crashHookVariable].flatMap { $0.isEmpty ? nil : $0 }
        let hangOn = environment[hangHookVariable].flatMap { $0.isEmpty ? nil : $0 }
        while true {
            let body: [UInt8]
            switch PDFTextWorkerProtocol.readFrame(from: input, maxLength: 1 << 20, deadline: nil) {
            case .success(let read): body = read
            case .failure(.endOfFile(atBoundary: true)): return 0
            case .failure: return 1
            }
            guard let request = PDFTextWorkerProtocol.Request(decoding: body) else { return 1 }
            if let crashOn, request.path.contains(crashOn) { abort() }
            if let hangOn, request.path.contains(hangOn) {
                while true { sleep(3600) }
            }
            let reader = PDFTextLayerReader(maxTextBytes: request.maxTextBytes,
                                            timeBudget: .milliseconds(request.timeBudgetMilliseconds))
            let result: Result<(text: String, truncated: Bool), TextExtractionError>
            do { result = .success(try reader.read(path: request.path)) } catch { result = .failure(error) }
            let response = PDFTextWorkerProtocol.Response(result)
            guard PDFTextWorkerProtocol.writeFrame(response.encoded, to: output, socket: false) else { return 1 }
        }
    }
}

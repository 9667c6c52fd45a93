// kho-pdf-text — reads PDF text layers for `kho ingest` and `kho catalogue rebuild`, one request after another on
// standard input, answering on standard output, so that a PDF which crashes poppler ends this process and not
// the ingest. The only Kho program that links poppler; `kho` starts it (found beside itself). Not for people.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

if CommandLine.arguments.count > 1 {
    let usage = "kho-pdf-text: tiến trình nội bộ của kho, không nhận tham số / an internal process of kho; it takes no arguments\n"
    _ = usage.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    exit(2)
}
exit(PDFTextWorkerLoop.serve())

import DataManagement
import Foundation

/// Writes a rendered report to `--output` (by temporary file and rename, so a reader never sees half a
/// report) or to standard output.
enum ReportWriter {
    static func write(_ bytes: [UInt8], to output: String?) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let url = URL(fileURLWithPath: output)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw ReportError.writeFailed(path: output, reason: String(cString: strerror(errno)))
            }
            print("Đã ghi báo cáo / report written: \(url.path) (\(bytes.count) byte)")
        } catch let error as ReportError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ReportError.writeFailed(path: output, reason: error.localizedDescription)
        }
    }
}

import Foundation
import PDFTextProtocol

/// Where the PDF text worker executable (`kho-pdf-text`) is: the path in `KHO_PDF_TEXT_WORKER` when set,
/// else the file of that name in the directory of the running program (`kho`, or a test bundle beside it).
public enum PDFTextWorkerLocation {
    /// The worker executable's file name.
    public static let executableName = PDFTextWorker.executableName
    /// The environment variable that names the worker executable.
    public static let overrideVariable = PDFTextWorker.executableVariable

    /// The worker executable's path (not checked: a missing worker is reported per file, `KHO-TEXT-PDF-WORKER-MISSING`).
    public static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment[overrideVariable], !path.isEmpty { return path }
        return runningProgramDirectory() + "/" + executableName
    }

    /// The directory of the running program's file, symbolic links resolved (`/proc/self/exe` on Linux).
    static func runningProgramDirectory() -> String {
        let program: String
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            program = linked
        } else {
            program = Bundle.main.executableURL?.resolvingSymlinksInPath().path
                ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        }
        return (program as NSString).deletingLastPathComponent
    }
}

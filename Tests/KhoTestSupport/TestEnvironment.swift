import Foundation

/// Where things are for tests: the checkout, `../shared` beside it, the built `kho` binary.
public enum TestEnvironment {
    /// The package root (the folder holding Package.swift).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared` beside the checkout: standards, specs and conformance corpora.
    public static let shared: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// `../shared/corpora/<name>`.
    public static func corpus(_ name: String) -> URL {
        shared.appendingPathComponent("corpora").appendingPathComponent(name)
    }

    /// The `kho` executable built alongside the tests.
    public static let khoExecutable: URL = {
        let fm = FileManager.default
        // The test bundle lives in the build products folder, next to the executables.
        var candidates: [URL] = []
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("kho"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kho"))
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/kho"))
        for candidate in candidates where fm.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        fatalError("kho executable not found; tried \(candidates.map(\.path))")
    }()

    /// The PDF text worker executable (`kho-pdf-text`), built beside `kho` (kho depends on it).
    public static let pdfTextWorkerExecutable: URL = {
        let worker = khoExecutable.deletingLastPathComponent().appendingPathComponent("kho-pdf-text")
        guard FileManager.default.isExecutableFile(atPath: worker.path) else { fatalError("kho-pdf-text not found at \(worker.path)") }
        return worker
    }()
}

/// A fresh directory under the system temporary folder, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL
    public var path: String { url.path }

    public init(_ label: String = "kho-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The outcome of running a command.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs an executable to completion and captures its output.
public func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil, currentDirectory: URL? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Drain both pipes concurrently so a chatty child never blocks on a full pipe.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self)
    )
}

/// Runs the built `kho` binary.
public func runKho(_ arguments: [String], environment: [String: String]? = nil) throws -> ProcessResult {
    try runProcess(TestEnvironment.khoExecutable, arguments, environment: environment)
}

/// Finds an executable on PATH (for external reference tools installed by `.ci/run`).
public func which(_ tool: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(tool)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}

/// Runs `kho` with a crash hook (`hookVariable=point`) until it prints a `KHO-TEST-CRASH-POINT` line on
/// standard error, then kills it with SIGKILL, as a power cut would. Returns that line, or nil when the run
/// never reached the point (it then ran to completion), and the exit status.
public func runKhoUntilCrashPoint(_ arguments: [String], hookVariable: String, point: Int) throws -> (marker: String?, status: Int32) {
    let process = Process()
    process.executableURL = TestEnvironment.khoExecutable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging([hookVariable: String(point)]) { $1 }
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    var buffer = Data()
    while true {
        let chunk = errors.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        buffer.append(chunk)
        let text = String(decoding: buffer, as: UTF8.self)
        if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("KHO-TEST-CRASH-POINT") }) {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return (String(line), process.terminationStatus)
        }
    }
    process.waitUntilExit()
    return (nil, process.terminationStatus)
}

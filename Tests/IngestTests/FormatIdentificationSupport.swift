import Foundation
import Ingest
import KhoTestSupport
import Testing

/// Makes sample files with the real tools `.ci/run` installs, in a temporary directory.
struct SampleMaker {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory("kho-format-id") }

    /// The URL of `name` inside the directory.
    func url(_ name: String) -> URL { directory.url.appendingPathComponent(name) }

    /// Runs `command` with /bin/sh in the directory after checking that `tool` is on PATH;
    /// fails the test with the package to install otherwise.
    @discardableResult
    func run(_ tool: String, package: String, _ command: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
        try #require(which(tool) != nil, "\(tool) is missing: CI must install \(package)", sourceLocation: sourceLocation)
        let result = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", command], currentDirectory: directory.url)
        try #require(result.status == 0, "\(command) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// Runs a Python snippet that needs the PyPI module `module`.
    func python(_ module: String, _ script: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(which("python3") != nil, "python3 is missing", sourceLocation: sourceLocation)
        let probe = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "python3 -c 'import \(module)'"])
        try #require(probe.status == 0, "Python module \(module) is missing: CI must pip install it", sourceLocation: sourceLocation)
        let file = url("make.py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let result = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "python3 make.py"], currentDirectory: directory.url)
        try #require(result.status == 0, "python failed: \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// Writes raw bytes to `name`.
    func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let target = url(name)
        try Data(bytes).write(to: target)
        return target
    }

    /// Identifies `name` with the default identifier.
    func identify(_ name: String) throws -> FormatIdentification {
        try FormatIdentifier().identify(fileAt: url(name))
    }
}

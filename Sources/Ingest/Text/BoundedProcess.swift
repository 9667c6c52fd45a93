#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs a tool with a time limit and keeps at most `maxOutputBytes` of its standard output.
struct BoundedProcess {
    /// What came back.
    struct Result {
        var output: [UInt8]
        var truncated: Bool
        var status: Int32
        var timedOut: Bool
    }

    var executable: URL
    var arguments: [String]
    var timeout: Duration
    var maxOutputBytes: Int

    /// Runs to completion, to the time limit, or until the output limit is reached (then the tool is stopped).
    func run() throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()

        // SIGKILL, not terminate(): a SIGTERM can be blocked in a mask the child inherits from the caller.
        let pid = process.processIdentifier
        let state = TimeoutState()
        let deadline = DispatchWorkItem {
            if state.markFired() { kill(pid, SIGKILL) }
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: deadline)

        var output: [UInt8] = []
        var truncated = false
        let handle = pipe.fileHandleForReading
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            let room = maxOutputBytes - output.count
            if chunk.count > room {
                output.append(contentsOf: chunk.prefix(room))
                truncated = true
                kill(pid, SIGKILL)
                // Drain so the tool is not blocked on a full pipe while it stops.
                while !handle.availableData.isEmpty {}
                break
            }
            output.append(contentsOf: chunk)
        }
        // The deadline stays armed until the tool has exited: one that closes its output and hangs is killed too.
        process.waitUntilExit()
        state.markExited()
        deadline.cancel()
        return Result(output: output, truncated: truncated, status: process.terminationStatus, timedOut: state.fired)
    }
}

/// Whether the deadline fired, and whether the tool has exited (so its pid is no longer ours to kill).
private final class TimeoutState: @unchecked Sendable {
    private let lock = NSLock()
    private var didFire = false
    private var didExit = false

    /// Records that the deadline fired; false when the tool had already finished (then nothing is killed).
    func markFired() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if didExit { return false }
        didFire = true
        return true
    }

    /// Records that the tool has exited (its pid may be reused from now on).
    func markExited() { lock.lock(); didExit = true; lock.unlock() }

    var fired: Bool { lock.lock(); defer { lock.unlock() }; return didFire }
}

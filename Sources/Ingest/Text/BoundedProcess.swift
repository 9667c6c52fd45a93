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

        let state = TimeoutState()
        let running = process
        let deadline = DispatchWorkItem {
            if running.isRunning {
                state.fire()
                running.terminate()
            }
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
                process.terminate()
                // Drain so the tool is not blocked on a full pipe while it stops.
                while !handle.availableData.isEmpty {}
                break
            }
            output.append(contentsOf: chunk)
        }
        process.waitUntilExit()
        deadline.cancel()
        return Result(output: output, truncated: truncated, status: process.terminationStatus, timedOut: state.fired)
    }
}

/// Whether the deadline fired; set from the timer's queue, read after the process ended.
private final class TimeoutState: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func fire() { lock.lock(); value = true; lock.unlock() }
    var fired: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

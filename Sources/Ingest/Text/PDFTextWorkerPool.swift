import Foundation
import PDFTextProtocol
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Long-lived worker processes that read PDF text layers (the `kho-pdf-text` executable, the only Kho program
/// that links poppler), so that a PDF which crashes poppler ends one worker, not the ingest.
///
/// Each extraction thread takes an idle worker (or starts one, lazily) for one PDF and gives it back after:
/// with two threads there are at most two workers, each reused for every PDF of the run, so a PDF costs a
/// round trip over a socket, not a process start. A worker that dies (a signal, an early end of output) or is
/// still reading when the time budget plus `grace` is spent (then it is killed) is reaped, that file gets a
/// `KHO-TEXT-PDF-CRASH` / `KHO-TEXT-PDF-TIMEOUT` error naming it, and the next file gets a fresh worker.
/// Workers end when their input closes (`shutdown()`, or this pool's release); every one is reaped.
public final class PDFTextWorkerPool: Sendable {
    /// The command that starts a worker (argv; the first element is the executable's path).
    public let arguments: [String]
    /// Extra time past the reader's own budget (it stops only between pages) before a worker is killed.
    public let grace: Duration

    private let environment: [String]
    private let state = Mutex(State())

    private struct State {
        var idle: [Worker] = []
        var closed = false
    }

    /// A running worker: its process and the parent's end of its socket.
    private struct Worker: Sendable {
        var pid: pid_t
        var socket: Int32
    }

    /// The pool of `TextExtractor`s given none: workers of `PDFTextWorkerLocation.executable()`, alive (idle)
    /// until this process ends. Runs that can say when they are done (an ingest) make their own and shut it down.
    public static let standard = PDFTextWorkerPool(arguments: [PDFTextWorkerLocation.executable()])

    /// A pool that starts workers with `arguments` (e.g. `[PDFTextWorkerLocation.executable()]`).
    public init(arguments: [String], grace: Duration = .seconds(10)) {
        self.arguments = arguments
        self.grace = grace
        var environment = ProcessInfo.processInfo.environment
        // The Swift runtime's crash backtracer would spend seconds symbolicating a poppler crash nobody reads.
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        self.environment = environment.map { "\($0.key)=\($0.value)" }
    }

    deinit { shutdown() }

    /// The text of the PDF at `path`, read by a worker with the reader's limits.
    func read(path: String, maxTextBytes: Int, timeBudget: Duration) throws(TextExtractionError) -> (text: String, truncated: Bool) {
        let (seconds, attoseconds) = timeBudget.components
        let request = PDFTextRequest(path: path, maxTextBytes: maxTextBytes,
                                     timeBudgetMilliseconds: Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        var attempts = 0
        while true {
            attempts += 1
            let worker = try checkOut(path: path)
            guard WorkerFrames.write(request.encoded, to: worker.socket, socket: true) else {
                // The worker ended while idle, before it saw this file: not the file's fault, so one fresh try.
                let end = stop(worker)
                if attempts < 2 { continue }
                throw TextExtractionError(kind: .crashed, path: path, detail: end)
            }
            let deadline = ContinuousClock.now + timeBudget + grace
            let maxLength = min(maxTextBytes, 1 << 28) + 4096  // the worker sends raw bytes, cut at the cap
            switch WorkerFrames.read(from: worker.socket, maxLength: maxLength, deadline: deadline) {
            case .success(let body):
                guard let response = PDFTextResponse(decoding: body) else {
                    throw TextExtractionError(kind: .crashed, path: path, detail: "invalid answer; " + stop(worker))
                }
                checkIn(worker)
                switch response {
                case .text(let bytes, let truncated): return (TextExtractor.decodeUTF8(bytes, truncated: truncated), truncated)
                case .failure(let failure, let detail): throw TextExtractionError(kind: Self.kind(of: failure), path: path, detail: detail)
                }
            case .failure(.timedOut):
                let end = stop(worker)
                throw TextExtractionError(kind: .timedOut, path: path, detail: "\(timeBudget + grace); \(end)")
            case .failure:
                throw TextExtractionError(kind: .crashed, path: path, detail: stop(worker))
            }
        }
    }

    /// Closes every idle worker's input and reaps it; workers still busy are closed when given back.
    public func shutdown() {
        let idle = state.withLock { state -> [Worker] in
            state.closed = true
            defer { state.idle = [] }
            return state.idle
        }
        for worker in idle { finish(worker) }
    }

    /// The rule for a failure the worker reports.
    private static func kind(of failure: PDFTextFailure) -> TextExtractionError.Kind {
        switch failure {
        case .unreadable: .unreadable
        case .damaged: .damaged
        case .encrypted: .encrypted
        }
    }

    private func checkOut(path: String) throws(TextExtractionError) -> Worker {
        if let worker = state.withLock({ $0.idle.popLast() }) { return worker }
        return try start(path: path)
    }

    private func checkIn(_ worker: Worker) {
        let keep = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.idle.append(worker)
            return true
        }
        if !keep { finish(worker) }
    }

    /// Starts a worker on one end of a socket pair (its standard input and output); standard error is dropped.
    private func start(path: String) throws(TextExtractionError) -> Worker {
        guard let executable = arguments.first else {
            throw TextExtractionError(kind: .workerUnavailable, path: path, detail: "no command")
        }
        // Named on its own: "not installed beside kho" is the likely cause, and the error says where it looked.
        guard access(executable, X_OK) == 0 else {
            throw TextExtractionError(kind: .workerMissing, path: path, detail: executable)
        }
        var ends: [Int32] = [-1, -1]
        // CLOEXEC: no other child (another worker included) inherits either end, so EOF reaches each worker.
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw TextExtractionError(kind: .workerUnavailable, path: path, detail: String(cString: strerror(errno)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A clean signal state: nothing blocked, SIGPIPE at its default (a worker whose parent is gone ends).
        var empty = sigset_t(), pipe = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&pipe)
        sigaddset(&pipe, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &pipe)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(ends[1])
        guard status == 0 else {
            close(ends[0])
            throw TextExtractionError(kind: .workerUnavailable, path: path, detail: "\(executable): \(String(cString: strerror(status)))")
        }
        return Worker(pid: pid, socket: ends[0])
    }

    /// Kills and reaps a worker that failed or overran; returns how it ended, for the error's detail.
    private func stop(_ worker: Worker) -> String {
        kill(worker.pid, SIGKILL)  // harmless on one already dead: it stays ours until reaped
        close(worker.socket)
        return Self.describe(Self.reap(worker.pid))
    }

    /// Ends an idle worker: its input closes, it returns; one that does not within 5 s is killed.
    private func finish(_ worker: Worker) {
        close(worker.socket)
        var status: Int32 = 0
        for _ in 0..<500 {
            let result = waitpid(worker.pid, &status, WNOHANG)
            if result == worker.pid || (result < 0 && errno != EINTR) { return }
            usleep(10_000)
        }
        kill(worker.pid, SIGKILL)
        _ = Self.reap(worker.pid)
    }

    private static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        return status
    }

    /// "signal 6 (Aborted)" or "exit status 1", from a `waitpid` status.
    private static func describe(_ status: Int32) -> String {
        guard status >= 0 else { return "unknown end" }
        let signal = status & 0x7F
        if signal == 0 { return "exit status \((status >> 8) & 0xFF)" }
        let name = strsignal(signal).map { String(cString: $0) } ?? "?"
        return "signal \(signal) (\(name))"
    }
}

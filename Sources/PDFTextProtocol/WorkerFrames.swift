#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Length-prefixed frames over a file descriptor: a 4-byte big-endian length, then that many bytes.
/// Lengths, not lines, because a path may hold any byte but NUL, and text any character.
public enum WorkerFrames {
    /// Writes one frame to `descriptor`; false when the other end is gone. `send` with `MSG_NOSIGNAL` on a
    /// socket so a dead peer gives `EPIPE` rather than a SIGPIPE that would kill this process.
    public static func write(_ body: [UInt8], to descriptor: Int32, socket: Bool) -> Bool {
        var frame: [UInt8] = []
        frame.reserveCapacity(4 + body.count)
        let length = UInt32(body.count)
        frame += [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        frame += body
        return frame.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let written = socket ? send(descriptor, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                    : Glibc.write(descriptor, base + offset, raw.count - offset)
                #else
                let written = Darwin.write(descriptor, base + offset, raw.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Why a frame could not be read.
    public enum ReadFailure: Error, Equatable, Sendable {
        /// The other end closed before a whole frame came (at a frame boundary: `atBoundary`).
        case endOfFile(atBoundary: Bool)
        /// The deadline passed first.
        case timedOut
        /// The length is larger than allowed.
        case tooLong(Int)
        /// A system error (errno).
        case system(Int32)
    }

    /// Reads one frame of at most `maxLength` bytes, waiting until `deadline` (nil: for ever).
    public static func read(from descriptor: Int32, maxLength: Int, deadline: ContinuousClock.Instant?) -> Result<[UInt8], ReadFailure> {
        var header = [UInt8](repeating: 0, count: 4)
        if case .failure(let failure) = readExactly(&header, from: descriptor, deadline: deadline) { return .failure(failure) }
        let length = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        guard length <= maxLength else { return .failure(.tooLong(length)) }
        var body = [UInt8](repeating: 0, count: length)
        if case .failure(let failure) = readExactly(&body, from: descriptor, deadline: deadline) {
            return .failure(failure == .endOfFile(atBoundary: true) ? .endOfFile(atBoundary: false) : failure)
        }
        return .success(body)
    }

    /// Fills `buffer`; an end of file before its first byte is `endOfFile(atBoundary: true)`.
    private static func readExactly(_ buffer: inout [UInt8], from descriptor: Int32, deadline: ContinuousClock.Instant?) -> Result<Void, ReadFailure> {
        var offset = 0
        let count = buffer.count
        while offset < count {
            if let deadline {
                let left = deadline - ContinuousClock.now
                if left <= .zero { return .failure(.timedOut) }
                let (seconds, attoseconds) = left.components
                let milliseconds = min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, Int32(milliseconds))
                if ready < 0 {
                    if errno == EINTR { continue }
                    return .failure(.system(errno))
                }
                if ready == 0 { continue }  // the loop re-checks the deadline
            }
            let got = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                #if canImport(Glibc)
                return Glibc.read(descriptor, base + offset, count - offset)
                #else
                return Darwin.read(descriptor, base + offset, count - offset)
                #endif
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if got == 0 { return .failure(.endOfFile(atBoundary: offset == 0)) }
            offset += got
        }
        return .success(())
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The messages between Ingest and a PDF text worker process (`kho internal pdf-text-worker`).
///
/// Every message is a frame: a 4-byte big-endian length, then that many bytes. Lengths, not lines,
/// because a path may hold any byte but NUL, and text any character.
/// A request is `maxTextBytes` (8 bytes) · time budget in milliseconds (8 bytes) · the path's bytes.
/// A response is a tag byte: 0 text, 1 text cut at a limit, each followed by the UTF-8 text; 2 an
/// error, followed by the length of the rule code (1 byte), the code, and the detail in UTF-8.
enum PDFTextWorkerProtocol {
    /// One PDF to read.
    struct Request: Equatable {
        var path: String
        var maxTextBytes: Int
        var timeBudgetMilliseconds: Int

        var encoded: [UInt8] {
            var body: [UInt8] = []
            body.reserveCapacity(16 + path.utf8.count)
            appendUInt64(UInt64(max(0, maxTextBytes)), to: &body)
            appendUInt64(UInt64(max(0, timeBudgetMilliseconds)), to: &body)
            body.append(contentsOf: path.utf8)
            return body
        }

        init(path: String, maxTextBytes: Int, timeBudgetMilliseconds: Int) {
            self.path = path
            self.maxTextBytes = maxTextBytes
            self.timeBudgetMilliseconds = timeBudgetMilliseconds
        }

        /// Decodes a request frame body; nil when it is malformed.
        init?(decoding body: [UInt8]) {
            guard body.count >= 16 else { return nil }
            let limit = readUInt64(body, at: 0), budget = readUInt64(body, at: 8)
            guard limit <= UInt64(Int.max), budget <= UInt64(Int.max) else { return nil }
            maxTextBytes = Int(limit)
            timeBudgetMilliseconds = Int(budget)
            path = String(decoding: body[16...], as: UTF8.self)
        }
    }

    /// What the worker answers for one PDF.
    enum Response: Equatable {
        case text(String, truncated: Bool)
        case failure(TextExtractionError.Kind, detail: String)

        var encoded: [UInt8] {
            switch self {
            case .text(let text, let truncated):
                return [truncated ? 1 : 0] + Array(text.utf8)
            case .failure(let kind, let detail):
                let code = Array(kind.rawValue.utf8)
                return [2, UInt8(code.count)] + code + Array(detail.utf8)
            }
        }

        /// Decodes a response frame body; nil when it is malformed.
        init?(decoding body: [UInt8]) {
            guard let tag = body.first else { return nil }
            switch tag {
            case 0, 1:
                self = .text(String(decoding: body[1...], as: UTF8.self), truncated: tag == 1)
            case 2:
                guard body.count >= 2, body.count >= 2 + Int(body[1]) else { return nil }
                let end = 2 + Int(body[1])
                guard let kind = TextExtractionError.Kind(rawValue: String(decoding: body[2..<end], as: UTF8.self)) else { return nil }
                self = .failure(kind, detail: String(decoding: body[end...], as: UTF8.self))
            default:
                return nil
            }
        }

        init(_ result: Result<(text: String, truncated: Bool), TextExtractionError>) {
            switch result {
            case .success(let read): self = .text(read.text, truncated: read.truncated)
            case .failure(let error): self = .failure(error.kind, detail: error.detail)
            }
        }
    }

    /// Writes one frame to `descriptor`; false when the other end is gone. `send` with `MSG_NOSIGNAL` on a
    /// socket so a dead peer gives `EPIPE` rather than a SIGPIPE that would kill this process.
    static func writeFrame(_ body: [UInt8], to descriptor: Int32, socket: Bool) -> Bool {
        var frame: [UInt8] = []
        frame.reserveCapacity(4 + body.count)
        let length = UInt32(body.count)
        frame += [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        frame += body
        return frame.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let pointer = raw.baseAddress! + offset
                #if canImport(Glibc)
                let written = socket ? send(descriptor, pointer, raw.count - offset, Int32(MSG_NOSIGNAL)) : write(descriptor, pointer, raw.count - offset)
                #else
                let written = write(descriptor, pointer, raw.count - offset)
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
    enum ReadFailure: Error, Equatable {
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
    static func readFrame(from descriptor: Int32, maxLength: Int, deadline: ContinuousClock.Instant?) -> Result<[UInt8], ReadFailure> {
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
            let got = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress! + offset, count - offset) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if got == 0 { return .failure(.endOfFile(atBoundary: offset == 0)) }
            offset += got
        }
        return .success(())
    }

    private static func appendUInt64(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(value >> UInt64(shift) & 0xFF)) }
    }

    private static func readUInt64(_ bytes: [UInt8], at start: Int) -> UInt64 {
        bytes[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// One PDF for a worker to read: `maxTextBytes` (8 bytes big-endian) · time budget in milliseconds
/// (8 bytes) · the path's bytes.
public struct PDFTextRequest: Equatable, Sendable {
    /// The file to read.
    public var path: String
    /// Most bytes of UTF-8 text to send back; the rest is cut (the reader's side cuts at a byte, Ingest at a character).
    public var maxTextBytes: Int
    /// Time after which no further page is read.
    public var timeBudgetMilliseconds: Int

    /// A request.
    public init(path: String, maxTextBytes: Int, timeBudgetMilliseconds: Int) {
        self.path = path
        self.maxTextBytes = maxTextBytes
        self.timeBudgetMilliseconds = timeBudgetMilliseconds
    }

    /// The frame body.
    public var encoded: [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(16 + path.utf8.count)
        appendUInt64(UInt64(max(0, maxTextBytes)), to: &body)
        appendUInt64(UInt64(max(0, timeBudgetMilliseconds)), to: &body)
        body.append(contentsOf: path.utf8)
        return body
    }

    /// Decodes a request frame body; nil when it is malformed.
    public init?(decoding body: [UInt8]) {
        guard body.count >= 16 else { return nil }
        let limit = readUInt64(body, at: 0), budget = readUInt64(body, at: 8)
        guard limit <= UInt64(Int.max), budget <= UInt64(Int.max) else { return nil }
        maxTextBytes = Int(limit)
        timeBudgetMilliseconds = Int(budget)
        path = String(decoding: body[16...], as: UTF8.self)
    }
}

/// Why a worker could not read a PDF's text (Ingest turns each into its `KHO-TEXT-…` rule).
public enum PDFTextFailure: UInt8, Sendable, CaseIterable {
    /// The file could not be opened.
    case unreadable = 0
    /// poppler could not parse it.
    case damaged = 1
    /// Encrypted with a user password.
    case encrypted = 2
}

/// A worker's answer: a tag byte, 0 text or 1 text cut at a limit, each followed by the text's bytes as
/// poppler gave them (UTF-8, possibly cut inside a character: the receiver decodes); or 2 a failure,
/// followed by its `PDFTextFailure` byte and a detail in UTF-8.
public enum PDFTextResponse: Equatable, Sendable {
    case text([UInt8], truncated: Bool)
    case failure(PDFTextFailure, detail: String)

    /// The frame body.
    public var encoded: [UInt8] {
        switch self {
        case .text(let bytes, let truncated): [truncated ? 1 : 0] + bytes
        case .failure(let failure, let detail): [2, failure.rawValue] + Array(detail.utf8)
        }
    }

    /// Decodes a response frame body; nil when it is malformed.
    public init?(decoding body: [UInt8]) {
        guard let tag = body.first else { return nil }
        switch tag {
        case 0, 1:
            self = .text(Array(body[1...]), truncated: tag == 1)
        case 2:
            guard body.count >= 2, let failure = PDFTextFailure(rawValue: body[1]) else { return nil }
            self = .failure(failure, detail: String(decoding: body[2...], as: UTF8.self))
        default:
            return nil
        }
    }
}

/// Names shared by Ingest and the worker executable.
public enum PDFTextWorker {
    /// The worker executable's file name, installed beside `kho`.
    public static let executableName = "kho-pdf-text"
    /// Environment variable naming the worker executable, in place of the one beside the running program.
    public static let executableVariable = "KHO_PDF_TEXT_WORKER"
    /// Test hook: the worker calls `abort()` on a file whose path contains this value.
    public static let crashHookVariable = "KHO_TEST_PDF_WORKER_CRASH_ON"
    /// Test hook: the worker stops answering (sleeps for ever) on a file whose path contains this value.
    public static let hangHookVariable = "KHO_TEST_PDF_WORKER_HANG_ON"
}

private func appendUInt64(_ value: UInt64, to bytes: inout [UInt8]) {
    for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(value >> UInt64(shift) & 0xFF)) }
}

private func readUInt64(_ bytes: [UInt8], at start: Int) -> UInt64 {
    bytes[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) }
}

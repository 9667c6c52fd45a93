#if canImport(CZlib)
import CZlibKho
#elseif canImport(zlib)
import zlib
#endif

/// Tar bytes inflated from a `.tar.gz` with zlib, counting every byte produced against the limits
/// (so a gzip bomb is refused while the headers are still being checked).
final class GzipTarSource: TarByteSource {
    private let file: ArchiveFile
    private let limits: ExtractionLimits
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var inputPosition: Int64 = 0
    private var finished = false
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)
    /// Bytes inflated so far.
    private(set) var produced: Int64 = 0

    init(file: ArchiveFile, limits: ExtractionLimits) throws(ArchiveError) {
        self.file = file
        self.limits = limits
        self.input = .allocate(byteCount: 1 << 18, alignment: 16)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ArchiveError(.io, archive: file.path, vi: "không khởi tạo được zlib", en: "zlib failed to initialise")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0, !finished else { return 0 }
        stream.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
        let capacity = Int(stream.pointee.avail_out)
        while stream.pointee.avail_out == UInt32(capacity) {
            if stream.pointee.avail_in == 0 {
                let got = try file.read(at: inputPosition, into: input)
                if got == 0 {
                    throw ArchiveError(.truncated, archive: file.path, vi: "luồng gzip bị cụt", en: "the gzip stream is truncated")
                }
                inputPosition += Int64(got)
                stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_in = UInt32(got)
            }
            try handle(inflate(stream, Z_NO_FLUSH))
            if finished { break }
        }
        let count = capacity - Int(stream.pointee.avail_out)
        produced += Int64(count)
        if produced > limits.ratioCeiling(storedBytes: file.size) {
            throw ArchiveError(.bombRatio, archive: file.path,
                               vi: "gzip giải nén ra hơn \(produced) byte từ \(file.size) byte, quá tỷ lệ \(limits.maxCompressionRatio):1",
                               en: "gzip expands to over \(produced) bytes from \(file.size), over the \(limits.maxCompressionRatio):1 ratio")
        }
        if produced > limits.maxTotalBytes {
            throw ArchiveError(.bombSize, archive: file.path, vi: "gzip giải nén vượt \(limits.maxTotalBytes) byte",
                               en: "gzip output exceeds \(limits.maxTotalBytes) bytes")
        }
        return count
    }

    private func handle(_ status: Int32) throws(ArchiveError) {
        switch status {
        case Z_OK, Z_BUF_ERROR:
            return
        case Z_STREAM_END:
            // A further gzip member may follow (concatenated .gz); otherwise the stream is over.
            if stream.pointee.avail_in == 0 && inputPosition >= file.size {
                finished = true
            } else {
                inflateReset(stream)
            }
        default:
            throw ArchiveError(.truncated, archive: file.path, vi: "dữ liệu gzip hỏng (mã zlib \(status))",
                               en: "corrupt gzip data (zlib status \(status))")
        }
    }

    func skip(_ count: Int64) throws(ArchiveError) {
        var left = count
        var scratch = self.scratch
        defer { self.scratch = scratch }
        while left > 0 {
            let want = Int(min(Int64(scratch.count), left))
            let got = try scratch.withMutableBytes { (raw) throws(ArchiveError) -> Int in
                try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[..<want]))
            }
            if got == 0 {
                throw ArchiveError(.truncated, archive: file.path, vi: "luồng tar kết thúc giữa dữ liệu của một mục",
                                   en: "the tar stream ends inside an entry's data")
            }
            left -= Int64(got)
        }
    }
}

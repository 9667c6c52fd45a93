#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte comparison of two files, 1 MiB at a time.
enum FilePairComparison {
    /// True when the files at `a` and `b` both open and hold the same bytes.
    static func same(_ a: String, _ b: String) -> Bool {
        let fa = open(a, O_RDONLY | O_CLOEXEC)
        guard fa >= 0 else { return false }
        defer { close(fa) }
        let fb = open(b, O_RDONLY | O_CLOEXEC)
        guard fb >= 0 else { return false }
        defer { close(fb) }
        var sa = stat(), sb = stat()
        guard fstat(fa, &sa) == 0, fstat(fb, &sb) == 0, sa.st_size == sb.st_size else { return false }
        let chunk = 1 << 20
        let x = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        let y = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { x.deallocate(); y.deallocate() }
        while true {
            let n = fill(fa, x)
            guard n >= 0, fill(fb, y) == n else { return false }
            if n == 0 { return true }
            guard let p = x.baseAddress, let q = y.baseAddress, memcmp(p, q, n) == 0 else { return false }
        }
    }

    /// Reads until `buffer` is full or the file ends; -1 on a read error.
    private static func fill(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        var got = 0
        while got < buffer.count {
            guard let base = buffer.baseAddress else { return -1 }
            let n = read(fd, base + got, buffer.count - got)
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            got += n
        }
        return got
    }
}

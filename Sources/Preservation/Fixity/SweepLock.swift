#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Marks a sweep as being worked on by a live process (an `flock` the kernel drops when the process dies,
/// even by SIGKILL), so a second `kho fixity sweep` — say, while `kho scheduler` runs — never resumes a sweep
/// that is still running, only one whose process is gone.
final class SweepLock {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// The lock of sweep `id` in `folder`, or nil when another live process holds it (or it cannot be made).
    static func acquire(folder: String, sweepID: Int64) -> SweepLock? {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fd = open(folder + "/fixity-sweep-\(sweepID).lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            close(fd)
            return nil
        }
        return SweepLock(fd: fd)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

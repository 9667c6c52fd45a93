#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes one file; true on success.
func unlinkFile(_ path: String) -> Bool { unlink(path) == 0 }

/// Removes one empty folder; true on success.
func removeDirectory(_ path: String) -> Bool { rmdir(path) == 0 }

/// Sets a file's or folder's access and modification times to `seconds` since the epoch (links not followed).
func setModificationTime(_ path: String, seconds: Int) {
    var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
    _ = utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW)
}

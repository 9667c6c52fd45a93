#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes one file; true on success.
func unlinkFile(_ path: String) -> Bool { unlink(path) == 0 }

/// Removes one empty folder; true on success.
func removeDirectory(_ path: String) -> Bool { rmdir(path) == 0 }

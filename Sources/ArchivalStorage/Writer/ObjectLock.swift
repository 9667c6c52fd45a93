#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// One writer per object: an `flock` on `<staging>/locks/<sha256(id)>.lock`, released by the kernel if the process dies.
final class ObjectLock {
    let fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    /// The key naming an object's lock file and work folder: hex SHA-256 of the identifier's bytes.
    static func key(for id: String) -> String {
        let digester = MultiDigester([.sha256])
        Array(id.utf8).withUnsafeBytes { digester.update($0) }
        return digester.finalize()[.sha256] ?? ""
    }

    /// Takes the lock, waiting for another writer to finish (or, with `wait` false, returns nil when busy).
    static func acquire(staging: String, key: String, wait: Bool = true) throws(OCFLStorageError) -> ObjectLock? {
        let folder = staging + "/locks"
        try FileSystem.makeDirectories(folder)
        let file = folder + "/" + key + ".lock"
        let fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystem.ioError("open", file) }
        while flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            if errno == EINTR { continue }
            let busy = errno == EWOULDBLOCK
            close(fd)
            if busy && !wait { return nil }
            throw FileSystem.ioError("flock", file)
        }
        return ObjectLock(fd: fd)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

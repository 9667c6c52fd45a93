#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// Reads one OCFL object (đối tượng lưu trữ): its versions, the state of any version, file bytes.
public struct OCFLObjectReader: Sendable {
    /// The object's folder.
    public let objectRoot: String
    /// The root inventory (the head version's view).
    public let inventory: Inventory

    /// Reads `inventory.json` of the object at `objectRoot`.
    public init(objectRoot: String) throws(OCFLStorageError) {
        let file = objectRoot + "/inventory.json"
        guard FileSystem.exists(file) else {
            throw OCFLStorageError("E063", path: file, vi: "Đối tượng không có bản kê", en: "Object has no inventory")
        }
        self.objectRoot = objectRoot
        self.inventory = try Inventory.decode(try FileSystem.readFile(file), path: file)
    }

    /// Version names oldest first.
    public var versions: [String] { inventory.versionNames }

    /// Logical path → digest for `version` (head when nil).
    public func state(version: String? = nil) throws(OCFLStorageError) -> [RelativePath: String] {
        try inventory.state(of: version ?? inventory.head)
    }

    /// The on-disk file that holds a logical path's bytes in a version. To look up many paths of one version, take
    /// its `versionState` once: this builds the version's whole state on every call.
    public func contentFile(logicalPath: String, version: String? = nil) throws(OCFLStorageError) -> String {
        try versionState(version).contentFile(logicalPath: logicalPath)
    }

    /// One version's state, read once, for looking up many logical paths (`version` nil: the head).
    public func versionState(_ version: String? = nil) throws(OCFLStorageError) -> OCFLVersionState {
        let name = version ?? inventory.head
        return OCFLVersionState(name: name, state: try inventory.state(of: name), objectRoot: objectRoot, inventory: inventory)
    }

    /// Streams a logical file's bytes to `body` in chunks of `bufferSize`; memory stays flat.
    public func read(logicalPath: String, version: String? = nil, bufferSize: Int = 1 << 20,
                     _ body: (UnsafeRawBufferPointer) -> Void) throws(OCFLStorageError) {
        let file = try contentFile(logicalPath: logicalPath, version: version)
        do {
            let fd = try POSIXFile.openForReading(file)
            defer { close(fd) }
            try POSIXFile.readAll(fd: fd, path: file, bufferSize: bufferSize, body)
        } catch { throw OCFLStorageError(error) }
    }

    static func relative(_ path: String) throws(OCFLStorageError) -> RelativePath {
        do { return try RelativePath(path) } catch { throw OCFLStorageError(error) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import KhoCore
import Synchronization

/// One file `ContentWalker` found under the object root, and what reading it gave.
struct WalkedFile {
    /// Relative to the object root, exact bytes (NFC and NFD names differ; names need not be UTF-8).
    var path: [UInt8]
    var size: UInt64 = 0
    /// sha256 of the bytes read; nil when the file was not read (see `problem`) or not hashed (a sidecar).
    var digest: RawDigest?
    /// Why the file could not be read: not a regular file, open or read error.
    var problem: String?
    /// Gone between the listing of its folder and its opening.
    var vanished = false
}

/// Lists the files of an object copy and hashes each with sha256 as it is found, on a few threads.
///
/// Listing and hashing are one pass: each folder is opened once, its files are opened by their bare names relative
/// to it (a one-component path walk instead of one from the object root), and no second phase waits for the whole
/// listing. The same files are skipped as by `ObjectFiles.list` (declaration, inventories, `extensions/`); links
/// and special files are listed, never opened or followed. A thread that runs out of work takes folders or files
/// another thread has not reached yet, so one large folder (20 × 50 MB) is still hashed on every thread.
struct ContentWalker {
    var threads: Int
    var bufferSize: Int
    var rateLimiter: ByteRateLimiter?

    /// Work one thread hands another: a folder to list and hash, or some files of a folder already listed.
    private enum Item {
        case folder(path: [UInt8], depth: Int)
        case files(folder: [UInt8], depth: Int, names: [(name: [UInt8], inode: UInt64)])
    }

    /// The shared work list. Threads wait on it only when it is empty while another thread still works.
    private final class WorkList: @unchecked Sendable {
        private let condition = NSCondition()
        private var items: [Item]
        private var working = 0
        /// Threads waiting for work: a working thread that sees one hands over part of its own.
        let hungry = Atomic<Int>(0)

        init(_ first: Item) { items = [first] }

        /// The next item, or nil when there is none and no thread can add one.
        func next() -> Item? {
            condition.lock()
            defer { condition.unlock() }
            while items.isEmpty {
                if working == 0 {
                    condition.broadcast()
                    return nil
                }
                hungry.wrappingAdd(1, ordering: .relaxed)
                condition.wait()
                hungry.wrappingSubtract(1, ordering: .relaxed)
            }
            working += 1
            return items.removeLast()
        }

        func add(_ item: Item) {
            condition.lock()
            items.append(item)
            condition.signal()
            condition.unlock()
        }

        /// The item taken by `next()` is done.
        func done() {
            condition.lock()
            working -= 1
            if working == 0 && items.isEmpty { condition.broadcast() }
            condition.unlock()
        }
    }

    /// Every file under `objectRoot` (as `ObjectFiles.list` lists them), sha256 of each regular one read; nil when
    /// the object folder cannot be opened. `alongside` runs on the first thread before it joins the walk (the
    /// inventories are read meanwhile, without a thread more than there are hashing threads).
    func walk(objectRoot: String, alongside: @Sendable () -> Void = {}) -> [WalkedFile]? {
        let root = open(objectRoot, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else {
            alongside()
            return nil
        }
        defer { close(root) }
        let list = WorkList(.folder(path: [], depth: 0))
        let found = Mutex<[[WalkedFile]]>([])
        let (bufferSize, limiter) = (bufferSize, rateLimiter)
        DispatchQueue.concurrentPerform(iterations: max(1, threads)) { part in
            if part == 0 { alongside() }
            let files = ReadBuffers.shared.with(size: bufferSize) { buffer in
                var worker = Worker(root: root, list: list, threads: max(1, threads), buffer: buffer, limiter: limiter)
                while let item = list.next() {
                    worker.run(item)
                    list.done()
                }
                return worker.found
            }
            found.withLock { $0.append(files) }
        }
        return found.withLock { $0 }.flatMap { $0 }
    }

    /// One thread's reading state: its buffer (lent by `ReadBuffers`), its digester and what it found.
    private struct Worker {
        let root: Int32
        let list: WorkList
        let threads: Int
        let buffer: UnsafeMutableRawBufferPointer
        let digester = MultiDigester([DigestAlgorithm.sha256])
        let limiter: ByteRateLimiter?
        var found: [WalkedFile] = []

        init(root: Int32, list: WorkList, threads: Int, buffer: UnsafeMutableRawBufferPointer, limiter: ByteRateLimiter?) {
            self.root = root
            self.list = list
            self.threads = threads
            self.limiter = limiter
            self.buffer = buffer
        }

        mutating func run(_ item: Item) {
            switch item {
            case .folder(let path, let depth):
                let fd = Self.open(path.isEmpty ? [0x2E] : path, in: root, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                if fd >= 0 { walk(fd, path: path, depth: depth) }
            case .files(let folder, let depth, let names):
                let fd = Self.open(folder.isEmpty ? [0x2E] : folder, in: root, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                guard fd >= 0 else {
                    // The folder went away after it was listed: its files did too.
                    for entry in names { found.append(WalkedFile(path: Self.join(folder, entry.name), vanished: true)) }
                    return
                }
                defer { close(fd) }
                hash(names[...], in: fd, folder: folder, depth: depth)
            }
        }

        private static func cString(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

        /// `openat` of a path given as exact bytes (no `String` on the way: names need not be UTF-8).
        private static func open(_ path: [UInt8], in folderFD: Int32, flags: Int32) -> Int32 {
            path.withUnsafeBufferPointer { bytes in
                withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { text in
                    guard let base = text.baseAddress else { return -1 }
                    for index in bytes.indices { text[index] = CChar(bitPattern: bytes[index]) }
                    text[bytes.count] = 0
                    return openat(folderFD, base, flags)
                }
            }
        }

        private static func join(_ folder: [UInt8], _ name: [UInt8]) -> [UInt8] {
            guard !folder.isEmpty else { return name }
            var path: [UInt8] = []
            path.reserveCapacity(folder.count + 1 + name.count)
            path.append(contentsOf: folder)
            path.append(0x2F)
            path.append(contentsOf: name)
            return path
        }

        private static let inventoryName = Array("inventory.json".utf8)
        private static let sidecarPrefix = Array("inventory.json.".utf8)
        private static let extensionsName = Array("extensions".utf8)
        private static let declarationPrefix = Array("0=ocfl_object_".utf8)

        /// Lists the folder open at `fd` (and closes it), hashes its files, then goes down into its folders.
        private mutating func walk(_ fd: Int32, path: [UInt8], depth: Int) {
            guard let directory = fdopendir(fd) else {
                close(fd)
                return
            }
            defer { closedir(directory) }
            let folderFD = dirfd(directory)
            var files: [(name: [UInt8], inode: UInt64)] = []
            var folders: [(name: [UInt8], inode: UInt64)] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if name == [0x2E] || name == [0x2E, 0x2E] { continue }
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    let found = (name + [0]).withUnsafeBufferPointer { bytes in
                        bytes.withMemoryRebound(to: CChar.self) { text in
                            text.baseAddress.map { fstatat(folderFD, $0, &info, AT_SYMLINK_NOFOLLOW) == 0 } ?? false
                        }
                    }
                    let mode = found ? info.st_mode & S_IFMT : 0
                    type = mode == S_IFDIR ? Int32(DT_DIR) : mode == S_IFREG ? Int32(DT_REG) : Int32(DT_UNKNOWN)
                }
                let inode = UInt64(entry.pointee.d_ino)
                if type == Int32(DT_DIR) {
                    if depth == 0 && name == Self.extensionsName { continue }
                    folders.append((name, inode))
                    continue
                }
                // Files the object accounts for itself: declaration and root inventory, version inventories.
                if depth == 0 && (name == Self.inventoryName || name.starts(with: Self.declarationPrefix)) { continue }
                if depth == 1 && name == Self.inventoryName, Inventory.versionNumber(Self.cString(path)) != nil { continue }
                if type != Int32(DT_REG) {
                    found.append(WalkedFile(path: Self.join(path, name), problem: "not a regular file (link or special file)"))
                } else if depth <= 1 && name.starts(with: Self.sidecarPrefix) {
                    // A sidecar, most likely: judged with the inventories, not hashed here.
                    found.append(WalkedFile(path: Self.join(path, name)))
                } else {
                    files.append((name, inode))
                }
            }
            // Inode order: on a cold cache that is close to the order the files lie on disk.
            files.sort { $0.inode < $1.inode }
            folders.sort { $0.inode < $1.inode }
            var own = files[...]
            if threads > 1 && files.count >= 8 {
                // A large folder (20 × 50 MB) is offered in pieces at once: the other threads need not wait for this
                // one to finish a file before they get some.
                let piece = max(1, files.count / (threads * 4))
                own = files[..<piece]
                for start in stride(from: piece, to: files.count, by: piece).reversed() {
                    list.add(.files(folder: path, depth: depth, names: Array(files[start..<min(start + piece, files.count)])))
                }
            }
            hash(own, in: folderFD, folder: path, depth: depth)
            for folder in folders {
                let child = Self.join(path, folder.name)
                if list.hungry.load(ordering: .relaxed) > 0 {
                    list.add(.folder(path: child, depth: depth + 1))
                    continue
                }
                let childFD = Self.open(folder.name, in: folderFD, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                if childFD >= 0 { walk(childFD, path: child, depth: depth + 1) }
            }
        }

        /// Hashes `names` in the folder open at `folderFD`, handing half of what is left to a waiting thread.
        private mutating func hash(_ names: ArraySlice<(name: [UInt8], inode: UInt64)>, in folderFD: Int32, folder: [UInt8], depth: Int) {
            var rest = names
            while let entry = rest.first {
                if rest.count > 1, list.hungry.load(ordering: .relaxed) > 0 {
                    let half = rest.count / 2
                    list.add(.files(folder: folder, depth: depth, names: Array(rest.suffix(half))))
                    rest = rest.dropLast(half)
                }
                rest = rest.dropFirst()
                found.append(readFile(entry.name, in: folderFD, path: Self.join(folder, entry.name)))
            }
        }

        /// Reads one file through the buffer, hashing it.
        private func readFile(_ name: [UInt8], in folderFD: Int32, path: [UInt8]) -> WalkedFile {
            var file = WalkedFile(path: path)
            let fd = Self.open(name, in: folderFD, flags: O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else {
                if errno == ENOENT { file.vanished = true } else { file.problem = "unreadable: \(String(cString: strerror(errno)))" }
                return file
            }
            defer { close(fd) }
            digester.reset()
            switch ContentRead.hash(fd, buffer: buffer, digester: digester, limiter: limiter) {
            case .success(let size): file.size = size
            case .failure(let error):
                file.problem = "read error: \(error.reason)"
                return file
            }
            file.digest = digester.finalizeFirst()
            return file
        }
    }
}

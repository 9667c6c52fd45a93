import Foundation
import KhoTestSupport
import Testing

/// Helpers for the storage command-line tests: source trees, snapshots, the ocfl-py reference validator.
enum OCFLStorageCLISupport {
    /// Writes files (relative path → text) under `folder`, creating folders.
    static func write(_ files: [String: String], under folder: String) throws {
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Path bytes → file bytes for every regular file under `folder` (names compared byte-exact).
    static func snapshot(_ folder: String) -> [[UInt8]: Data] {
        var result: [[UInt8]: Data] = [:]
        func walk(_ dir: String, _ relative: String) {
            guard let handle = opendir(dir) else { return }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let rel = relative.isEmpty ? name : relative + "/" + name
                if entry.pointee.d_type == UInt8(DT_DIR) {
                    walk(dir + "/" + name, rel)
                } else {
                    result[Array(rel.utf8)] = FileManager.default.contents(atPath: dir + "/" + name) ?? Data()
                }
            }
        }
        walk(folder, "")
        return result
    }

    /// Empty folders under `folder` (OCFL E073 forbids them in a storage root).
    static func emptyFolders(_ folder: String) -> [String] {
        var result: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let item = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + item
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue,
               (try? FileManager.default.contentsOfDirectory(atPath: full).isEmpty) == true {
                result.append(item)
            }
        }
        return result
    }

    /// `ocfl-validate.py` from ocfl-py (pip install ocfl-py); the test fails with instructions when it is absent.
    static func referenceValidator() throws -> URL {
        guard let tool = which("ocfl-validate.py") else {
            Issue.record("ocfl-validate.py not found: install ocfl-py (pip install ocfl-py), as .ci/run does")
            throw CancellationError()
        }
        return tool
    }

    /// Runs ocfl-validate.py on one object folder; returns (exit status, combined output).
    static func validateObject(_ objectFolder: String) throws -> (status: Int32, output: String) {
        let result = try runProcess(try referenceValidator(), [objectFolder])
        return (result.status, result.stdout + result.stderr)
    }
}

import ArchivalStorage
import Foundation
import KhoCore

/// Adds a replica root to a home (`kho replica add`): checks the folder, creates the OCFL root there when
/// needed, and appends a `[[replica]]` block to `kho.toml` as text, so the archivist's comments stay.
public struct ReplicaRegistration: Sendable {
    public let home: RepositoryHome

    public init(home: RepositoryHome) {
        self.home = home
    }

    /// Registers `path` under `name` (default `replica-N`) and returns the new replica.
    public func add(path given: String, name: String?) throws(PreservationError) -> ReplicaConfiguration {
        let path = URL(fileURLWithPath: given).standardizedFileURL.resolvingSymlinksInPath().path
        let configuration: HomeConfiguration
        do {
            configuration = try home.loadConfiguration()
        } catch {
            throw PreservationError(error.rule, path: error.path, vi: error.message.vi, en: error.message.en)
        }
        let chosen = name ?? Self.freeName(configuration)
        guard ReplicaConfiguration.isValidName(chosen), chosen != RootName.primary else {
            throw PreservationError("KHO-REPLICA-NAME", path: chosen, vi: "Tên bản sao không hợp lệ (chữ, số, '-', '_', '.'; không dùng \"primary\")",
                                    en: "invalid replica name (letters, digits, '-', '_', '.'; not \"primary\")")
        }
        try refuseOverlap(path, configuration: configuration)
        guard !configuration.replicas.contains(where: { $0.name == chosen }) else {
            throw PreservationError("KHO-REPLICA-NAME", path: chosen, vi: "Đã có bản sao tên \(chosen)", en: "a replica named \(chosen) already exists")
        }
        try prepareRoot(at: path)
        let replica = ReplicaConfiguration(name: chosen, path: path)
        try append(replica)
        return replica
    }

    /// Refuses the primary root or a folder inside it (or holding it), and a root already configured.
    func refuseOverlap(_ path: String, configuration: HomeConfiguration) throws(PreservationError) {
        let primary = URL(fileURLWithPath: home.ocflRoot).standardizedFileURL.resolvingSymlinksInPath().path
        if path == primary || path.hasPrefix(primary + "/") || primary.hasPrefix(path + "/") {
            throw PreservationError("KHO-REPLICA-INSIDE-PRIMARY", path: path,
                                    vi: "Bản sao không được nằm trong (hoặc chứa) kho chính \(primary): phải ở phương tiện độc lập",
                                    en: "a replica may not be inside (or contain) the primary root \(primary): it belongs on independent media")
        }
        for replica in configuration.replicas {
            let existing = URL(fileURLWithPath: replica.path).resolvingSymlinksInPath().path
            if existing == path || path.hasPrefix(existing + "/") || existing.hasPrefix(path + "/") {
                throw PreservationError("KHO-REPLICA-DUPLICATE", path: path,
                                        vi: "Thư mục này trùng với bản sao \(replica.name) (\(replica.path))",
                                        en: "this folder overlaps replica \(replica.name) (\(replica.path))")
            }
        }
    }

    /// Creates an OCFL root in a missing or empty folder, accepts an existing one, refuses anything else.
    func prepareRoot(at path: String) throws(PreservationError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw PreservationError("KHO-REPLICA-NOT-FOLDER", path: path, vi: "Đây là một tệp, không phải thư mục", en: "this is a file, not a folder")
            }
            if fm.fileExists(atPath: path + "/0=ocfl_1.1") || fm.fileExists(atPath: path + "/0=ocfl_1.0") {
                do { _ = try OCFLStorageRoot.open(at: path) } catch {
                    throw PreservationError("KHO-REPLICA-ROOT", path: path, vi: "Gốc OCFL có sẵn không mở được", en: "the existing OCFL root cannot be opened", error: error)
                }
                return
            }
            let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
            guard entries.isEmpty else {
                throw PreservationError("KHO-REPLICA-NOT-EMPTY", path: path,
                                        vi: "Thư mục không trống và không phải gốc OCFL: không ghi đè",
                                        en: "the folder is not empty and not an OCFL root: refusing to write into it")
            }
        }
        do {
            _ = try OCFLStorageRoot.create(at: path)
        } catch {
            throw PreservationError("KHO-REPLICA-ROOT", path: path, vi: "Không tạo được gốc OCFL", en: "cannot create the OCFL root", error: error)
        }
    }

    /// Appends the block to kho.toml, after checking the whole new text parses.
    func append(_ replica: ReplicaConfiguration) throws(PreservationError) {
        let file = home.configuration
        let existing = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += """

            [[replica]]
            name = \(Self.quoted(replica.name))
            path = \(Self.quoted(replica.path))

            """
        do {
            let parsed = try HomeConfiguration.parse(text, file: file, baseFolder: home.path)
            guard parsed.replicas.contains(replica) else {
                throw ConfigurationError(path: file, line: nil, vi: "Khối [[replica]] mới không đọc lại được", en: "the new [[replica]] block does not read back")
            }
            try FileManager.default.createDirectory(atPath: home.path, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw PreservationError("KHO-CONFIG", path: file, vi: "Không ghi được kho.toml", en: "cannot write kho.toml", error: error)
        }
    }

    /// `replica-N` with the smallest free N.
    static func freeName(_ configuration: HomeConfiguration) -> String {
        let taken = Set(configuration.replicas.map(\.name))
        var n = configuration.replicas.count + 1
        while taken.contains("replica-\(n)") { n += 1 }
        return "replica-\(n)"
    }

    /// A TOML basic string.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\u%04X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

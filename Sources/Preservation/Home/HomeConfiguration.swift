import Foundation
import KhoCore
import TOMLKit

/// What `kho.toml` says (cấu hình kho): the replica roots on independent media (TT05 Đ27) and how often
/// and how fast fixity is checked.
///
/// ```toml
/// [[replica]]
/// name = "o-dia-1"
/// path = "/mnt/ban-sao-1/ocfl"
///
/// [fixity]
/// interval_days = 90    # every object checked at least this often
/// max_rate_mb = 200     # optional: MB/s the scheduler may read
/// parallel = 2          # hashing threads
/// ```
public struct HomeConfiguration: Sendable, Hashable {
    /// The replica roots, in the order written.
    public var replicas: [ReplicaConfiguration]
    /// The fixity schedule.
    public var fixity: FixitySettings

    /// A configuration.
    public init(replicas: [ReplicaConfiguration] = [], fixity: FixitySettings = FixitySettings()) {
        self.replicas = replicas
        self.fixity = fixity
    }

    /// Reads `kho.toml` at `path`; a missing file is the default configuration. Relative replica paths
    /// are taken from the folder holding the file.
    public static func load(from path: String) throws(ConfigurationError) -> HomeConfiguration {
        guard FileManager.default.fileExists(atPath: path) else { return HomeConfiguration() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(path: path, line: nil, vi: "Không đọc được tệp (UTF-8)", en: "cannot read the file as UTF-8: \(error)")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text, file: path, baseFolder: base)
    }

    /// Parses TOML text; `file` names it in errors.
    public static func parse(_ text: String, file: String, baseFolder: String) throws(ConfigurationError) -> HomeConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(path: file, line: error.source.begin.line,
                                     vi: "Cú pháp TOML sai: \(error.description)", en: "TOML syntax error: \(error.description)")
        } catch {
            throw ConfigurationError(path: file, line: nil, vi: "Cú pháp TOML sai", en: "TOML syntax error: \(error)")
        }
        let lines = ConfigurationLines(text)
        var configuration = HomeConfiguration()
        for key in table.keys where !["replica", "fixity"].contains(key) {
            throw ConfigurationError(path: file, line: lines.first(containing: key),
                                     vi: "Khóa không được hỗ trợ: \(key)", en: "unknown key: \(key) (expected [[replica]] or [fixity])")
        }
        if let value = table["replica"] {
            guard let array = value.array else {
                throw ConfigurationError(path: file, line: lines.first(containing: "replica"),
                                         vi: "replica phải là bảng lặp [[replica]]", en: "replica must be an array of tables [[replica]]")
            }
            for (index, element) in array.enumerated() {
                configuration.replicas.append(try ReplicaConfiguration.parse(element, index: index, file: file, lines: lines, baseFolder: baseFolder))
            }
        }
        if let value = table["fixity"] {
            guard let fixity = value.table else {
                throw ConfigurationError(path: file, line: lines.first(containing: "fixity"),
                                         vi: "fixity phải là bảng [fixity]", en: "fixity must be a table [fixity]")
            }
            configuration.fixity = try FixitySettings.parse(fixity, file: file, lines: lines)
        }
        try configuration.checkNames(file: file, lines: lines)
        return configuration
    }

    /// Replica names are unique and never `primary`, the name of the home's own root.
    func checkNames(file: String, lines: ConfigurationLines) throws(ConfigurationError) {
        var seen = Set<String>()
        var paths = Set<String>()
        for replica in replicas {
            guard replica.name != RootName.primary else {
                throw ConfigurationError(path: file, line: lines.first(containing: "\"primary\""),
                                         vi: "Tên bản sao \"primary\" dành cho kho chính", en: "replica name \"primary\" is reserved for the primary root")
            }
            guard seen.insert(replica.name).inserted else {
                throw ConfigurationError(path: file, line: lines.first(containing: "\"\(replica.name)\""),
                                         vi: "Tên bản sao lặp lại: \(replica.name)", en: "replica name repeated: \(replica.name)")
            }
            guard paths.insert(replica.path).inserted else {
                throw ConfigurationError(path: file, line: lines.first(containing: replica.path),
                                         vi: "Hai bản sao cùng thư mục: \(replica.path)", en: "two replicas share the folder \(replica.path)")
            }
        }
    }
}

/// One replica root (bản sao dự phòng): a further OCFL storage root, normally on another medium.
public struct ReplicaConfiguration: Sendable, Hashable, Codable {
    /// The name used in the catalogue (`fixity_check.root_name`) and in reports.
    public var name: String
    /// The OCFL storage root's folder (absolute).
    public var path: String

    /// A replica.
    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    static func parse(_ element: TOMLValueConvertible, index: Int, file: String, lines: ConfigurationLines,
                      baseFolder: String) throws(ConfigurationError) -> ReplicaConfiguration {
        let line = lines.nth(index, of: "[[replica]]")
        guard let table = element.table else {
            throw ConfigurationError(path: file, line: line, vi: "Mục replica thứ \(index + 1) không phải bảng",
                                     en: "replica entry \(index + 1) is not a table")
        }
        for key in table.keys where !["name", "path"].contains(key) {
            throw ConfigurationError(path: file, line: line, vi: "Khóa không được hỗ trợ trong [[replica]]: \(key)",
                                     en: "unknown key in [[replica]]: \(key) (expected name, path)")
        }
        guard let path = table["path"]?.string, !path.isEmpty else {
            throw ConfigurationError(path: file, line: line, vi: "[[replica]] thiếu path (chuỗi)", en: "[[replica]] needs path = \"…\" (a string)")
        }
        let name: String
        if let given = table["name"] {
            guard let string = given.string, Self.isValidName(string) else {
                throw ConfigurationError(path: file, line: line, vi: "Tên bản sao phải gồm chữ, số, '-', '_', '.'",
                                         en: "replica name must be letters, digits, '-', '_' or '.'")
            }
            name = string
        } else {
            name = "replica-\(index + 1)"
        }
        let absolute = path.hasPrefix("/") ? path : baseFolder + "/" + path
        return ReplicaConfiguration(name: name, path: URL(fileURLWithPath: absolute).standardizedFileURL.path)
    }

    /// Names go into file names (quarantine) and reports: keep them plain.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)
        } && name != "." && name != ".."
    }
}

/// `[fixity]`: how often every object must be checked and how hard the disks may be read.
public struct FixitySettings: Sendable, Hashable, Codable {
    /// Every (root, object) is checked at least this often (days).
    public var intervalDays: Int
    /// Throttle in MB/s (10⁶ bytes) for scheduled sweeps; nil reads at full speed.
    public var maxRateMB: Double?
    /// Hashing threads.
    public var parallel: Int

    /// Settings; Kho's defaults are 90 days, no throttle, 2 threads.
    public init(intervalDays: Int = 90, maxRateMB: Double? = nil, parallel: Int = 2) {
        self.intervalDays = intervalDays
        self.maxRateMB = maxRateMB
        self.parallel = parallel
    }

    static func parse(_ table: TOMLTable, file: String, lines: ConfigurationLines) throws(ConfigurationError) -> FixitySettings {
        var settings = FixitySettings()
        for key in table.keys {
            let line = lines.first(containing: key)
            let value = table[key]
            switch key {
            case "interval_days":
                guard let days = value?.int, days >= 1 else {
                    throw ConfigurationError(path: file, line: line, vi: "interval_days phải là số nguyên ≥ 1", en: "interval_days must be an integer ≥ 1")
                }
                settings.intervalDays = days
            case "max_rate_mb":
                guard let rate = value?.double ?? value?.int.map(Double.init), rate > 0 else {
                    throw ConfigurationError(path: file, line: line, vi: "max_rate_mb phải là số > 0", en: "max_rate_mb must be a number > 0")
                }
                settings.maxRateMB = rate
            case "parallel":
                guard let parallel = value?.int, (1...64).contains(parallel) else {
                    throw ConfigurationError(path: file, line: line, vi: "parallel phải từ 1 đến 64", en: "parallel must be an integer from 1 to 64")
                }
                settings.parallel = parallel
            default:
                throw ConfigurationError(path: file, line: line, vi: "Khóa không được hỗ trợ trong [fixity]: \(key)",
                                         en: "unknown key in [fixity]: \(key) (expected interval_days, max_rate_mb, parallel)")
            }
        }
        return settings
    }
}

/// Finds the line of a key, for errors TOMLKit cannot place (it only places syntax errors).
struct ConfigurationLines {
    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// 1-based line of the first non-comment line containing `needle`.
    func first(containing needle: String) -> Int? {
        lines.firstIndex { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") && $0.contains(needle) }.map { $0 + 1 }
    }

    /// 1-based line of the `index`-th (0-based) non-comment occurrence of `needle`.
    func nth(_ index: Int, of needle: String) -> Int? {
        let hits = lines.indices.filter { !lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("#") && lines[$0].contains(needle) }
        return index < hits.count ? hits[index] + 1 : nil
    }
}

import KhoCore

/// TEMPORARY stub until the Metadata TT05 records are merged.
enum TT05RecordRules {
    static func checkDossier(_ record: SimpleDCRecord, path: String) -> [Finding] { [] }
    static func checkDocument(_ record: SimpleDCRecord, path: String) -> [Finding] { [] }
}

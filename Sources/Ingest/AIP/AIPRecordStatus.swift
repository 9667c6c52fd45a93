/// The root METS `@RECORDSTATUS` of an AIP (trạng thái gói): a new dossier, or a new version of one already kept.
public enum AIPRecordStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// NEW — the first version of the AIP (hồ sơ mới).
    case new = "NEW"
    /// SUPPLEMENT — documents added to an AIP already kept (bổ sung): a new OCFL version.
    case supplement = "SUPPLEMENT"
    /// REPLACEMENT — the AIP replaces its previous version (thay thế): a new OCFL version.
    case replacement = "REPLACEMENT"
}

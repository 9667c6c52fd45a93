import KhoCore

extension SubmissionPackage {
    /// TEMPORARY stub until safe-unpack is merged.
    static func openArchive(_ path: String, workArea: String?) throws(KhoFailure) -> SubmissionPackage {
        throw KhoFailure(rule: "KHO-SIP-OPEN", path: path, vi: "chưa hỗ trợ zip", en: "zip not yet supported")
    }
}

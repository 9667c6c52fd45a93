/// TEMPORARY until safe-unpack's ZipWriter is merged.
public enum SampleZipper {
    /// Zips `folder` (the folder itself as the top entry) into `zipPath`.
    @Sendable public static func zip(_ folder: String, _ zipPath: String) throws {
        throw SampleZipUnavailable()
    }
}

struct SampleZipUnavailable: Error {}

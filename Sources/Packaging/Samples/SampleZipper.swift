import Foundation

/// Zips a finished sample package with the safe-unpack module's `ZipWriter`, the folder itself as the zip's
/// single top entry (CSIPSTR1).
public enum SampleZipper {
    /// Zips `folder` into `zipPath`; PDFs and TIFFs are stored, XML deflated by the writer's default.
    @Sendable public static func zip(_ folder: String, _ zipPath: String) throws {
        let name = String(folder.split(separator: "/").last ?? "package")
        try ZipWriter().write(directory: URL(fileURLWithPath: folder), to: URL(fileURLWithPath: zipPath), rootFolder: name)
    }
}

/// Stable finding codes of the BagIt validator (RFC 8493); scripts and archivists may rely on them.
///
/// Each code names one rule. Severity depends on the rule and, for rules that RFC 8493 relaxed for
/// older bags, on the declared `BagIt-Version` (see `README.md` in this folder for the full table).
public enum BagItRule: String, Sendable, CaseIterable, Codable {
    /// The path given is not a directory.
    case notADirectory = "BAGIT-NOT-A-DIRECTORY"
    /// `bagit.txt` is absent (§2.1.1).
    case declarationMissing = "BAGIT-DECL-MISSING"
    /// `bagit.txt` begins with a byte order mark (§2.1.1).
    case declarationBOM = "BAGIT-DECL-BOM"
    /// `bagit.txt` is not two lines `BagIt-Version: M.N` / `Tag-File-Character-Encoding: ENC` (§2.1.1).
    case declarationFormat = "BAGIT-DECL-FORMAT"
    /// Whitespace around the colon or value of `bagit.txt` (strict for 1.0, tolerated before).
    case declarationWhitespace = "BAGIT-DECL-WHITESPACE"
    /// The version is not `M.N`, or not a version Kho knows.
    case declarationVersion = "BAGIT-DECL-VERSION"
    /// The tag file encoding is not UTF-8: Kho reads tag files as bytes.
    case declarationEncoding = "BAGIT-DECL-ENCODING"
    /// The `data/` payload directory is missing (§2.1.2).
    case payloadDirectoryMissing = "BAGIT-PAYLOAD-DIR-MISSING"
    /// No payload manifest at all, or none with an algorithm Kho supports (§2.1.3).
    case manifestNone = "BAGIT-MANIFEST-NONE"
    /// A manifest uses an algorithm Kho cannot compute; its entries are not verified.
    case algorithmUnknown = "BAGIT-ALGORITHM-UNKNOWN"
    /// Only MD5/SHA-1 protect a BagIt 1.0 bag (§2.4: SHA-256/SHA-512 expected).
    case algorithmWeak = "BAGIT-ALGORITHM-WEAK"
    /// The algorithm in a manifest name is not normalized (lowercase, alphanumeric) (§2.4).
    case algorithmName = "BAGIT-ALGORITHM-NAME"
    /// Two manifests of one kind that differ only by the case of the algorithm name (§6.2.2).
    case manifestDuplicateAlgorithm = "BAGIT-MANIFEST-DUPLICATE-ALGORITHM"
    /// A manifest line is not `checksum WSP filepath`.
    case manifestLine = "BAGIT-MANIFEST-LINE"
    /// An empty line in a manifest.
    case manifestBlankLine = "BAGIT-MANIFEST-BLANK-LINE"
    /// A checksum is not hex of the algorithm's length.
    case manifestChecksumFormat = "BAGIT-MANIFEST-CHECKSUM-FORMAT"
    /// A path is listed twice in one manifest (§2.1.3: "exactly once").
    case manifestDuplicateEntry = "BAGIT-MANIFEST-DUPLICATE-ENTRY"
    /// A payload manifest lists a file outside `data/` (§2.1.3).
    case manifestOutsidePayload = "BAGIT-MANIFEST-OUTSIDE-PAYLOAD"
    /// A manifest lists a directory (§2.1.3).
    case manifestDirectory = "BAGIT-MANIFEST-DIRECTORY"
    /// A path starts with `./`; accepted (older tools wrote it), reported for information.
    case manifestDotSlash = "BAGIT-MANIFEST-DOT-SLASH"
    /// md5sum binary-mode `*` before a path: accepted with a warning (§7.3).
    case manifestMd5sumStar = "BAGIT-MANIFEST-MD5SUM-STAR"
    /// A path is absolute, has `..`, `.` or empty segments, or a NUL byte (§5, security).
    case pathUnsafe = "BAGIT-PATH-UNSAFE"
    /// A manifest path matches a file only after Unicode normalization (§6.2.2: tolerated, warned).
    case pathNormalization = "BAGIT-PATH-NORMALIZATION"
    /// A manifest path matches a file only if its `%25`/`%0A`/`%0D` are read literally (tools that do not encode `%`).
    case pathPercentLiteral = "BAGIT-PATH-PERCENT-LITERAL"
    /// Two files whose names are equal under NFC (§6.2.2; Kho ingest refuses these).
    case pathNFCCollision = "BAGIT-PATH-NFC-COLLISION"
    /// A file listed in a payload manifest is not in the bag (§3).
    case payloadMissing = "BAGIT-PAYLOAD-MISSING"
    /// A payload file is not listed in a payload manifest (§2.1.3, §3).
    case payloadUnlisted = "BAGIT-PAYLOAD-UNLISTED"
    /// A symbolic link in the bag: never followed.
    case payloadSymlink = "BAGIT-PAYLOAD-SYMLINK"
    /// A device, FIFO or socket in the bag.
    case payloadSpecialFile = "BAGIT-PAYLOAD-SPECIAL-FILE"
    /// An empty directory in the payload: BagIt cannot record it.
    case payloadEmptyDirectory = "BAGIT-PAYLOAD-EMPTY-DIRECTORY"
    /// A file's digest differs from its manifest (§3: valid bag).
    case digestMismatch = "BAGIT-DIGEST-MISMATCH"
    /// A file could not be read.
    case readError = "BAGIT-READ-ERROR"
    /// A tag manifest lists a tag manifest (§2.2.1).
    case tagManifestListsTagManifest = "BAGIT-TAGMANIFEST-LISTS-TAGMANIFEST"
    /// A tag manifest lists a payload file (§2.2.1).
    case tagManifestListsPayload = "BAGIT-TAGMANIFEST-LISTS-PAYLOAD"
    /// A tag manifest does not list a payload manifest (§2.2.1).
    case tagManifestMissingManifest = "BAGIT-TAGMANIFEST-MISSING-MANIFEST"
    /// Tag manifests list different sets of tag files (§2.2.1 SHOULD).
    case tagManifestSetsDiffer = "BAGIT-TAGMANIFEST-SETS-DIFFER"
    /// A file listed in a tag manifest is not in the bag (§3).
    case tagFileMissing = "BAGIT-TAGFILE-MISSING"
    /// A tag file is not listed in the tag manifests (§2.2.1 SHOULD; information only).
    case tagFileUnlisted = "BAGIT-TAGFILE-UNLISTED"
    /// A UTF-8 tag file begins with a byte order mark (§2.2.4).
    case encodingBOM = "BAGIT-ENCODING-BOM"
    /// A tag file declared UTF-8 holds invalid UTF-8.
    case encodingInvalid = "BAGIT-ENCODING-INVALID"
    /// A `bag-info.txt` line is not `label: value` or a continuation (§2.2.2).
    case infoLine = "BAGIT-INFO-LINE"
    /// A `bag-info.txt` label starts or ends with whitespace (§2.2.2, strict for 1.0).
    case infoLabelWhitespace = "BAGIT-INFO-LABEL-WHITESPACE"
    /// `Payload-Oxum` is not `OctetCount.StreamCount` (§2.2.2).
    case infoOxumFormat = "BAGIT-INFO-OXUM-FORMAT"
    /// `Payload-Oxum` appears more than once (§2.2.2 MUST NOT).
    case infoOxumRepeated = "BAGIT-INFO-OXUM-REPEATED"
    /// `Payload-Oxum` does not match the payload on disk.
    case oxumMismatch = "BAGIT-OXUM-MISMATCH"
    /// `--fast` was asked but the bag has no `Payload-Oxum`.
    case fastWithoutOxum = "BAGIT-FAST-NO-OXUM"
    /// `Bagging-Date` is not `YYYY-MM-DD`.
    case infoDateFormat = "BAGIT-INFO-DATE-FORMAT"
    /// A reserved element that SHOULD NOT repeat is repeated (§2.2.2).
    case infoRepeated = "BAGIT-INFO-REPEATED"
    /// `Bag-Count` is not `N of T`.
    case infoBagCount = "BAGIT-INFO-BAG-COUNT"
    /// A `fetch.txt` line is not `url length filepath` (§2.2.3).
    case fetchLine = "BAGIT-FETCH-LINE"
    /// A `fetch.txt` URL is not absolute (§2.2.3).
    case fetchURL = "BAGIT-FETCH-URL"
    /// A `fetch.txt` length is not digits or `-`.
    case fetchLength = "BAGIT-FETCH-LENGTH"
    /// A `fetch.txt` file is not in every payload manifest (§2.2.3).
    case fetchNotInManifest = "BAGIT-FETCH-NOT-IN-MANIFEST"
    /// `fetch.txt` lists a tag file (§2.2.3).
    case fetchTagFile = "BAGIT-FETCH-TAGFILE"
    /// A `fetch.txt` file has not been fetched: the bag is incomplete. Kho never fetches.
    case fetchUnfetched = "BAGIT-FETCH-UNFETCHED"
    /// A fetched file's size differs from the length in `fetch.txt`.
    case fetchLengthMismatch = "BAGIT-FETCH-LENGTH-MISMATCH"
}

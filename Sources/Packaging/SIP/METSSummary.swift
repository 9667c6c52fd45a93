/// What the rules learned from one METS document that the package-level checks need.
public struct METSSummary: Sendable {
    /// A `dmdSec` and the record file it references.
    public struct DescriptiveSection: Sendable, Hashable {
        /// `dmdSec/@ID`.
        public var id: String
        /// Package-relative path of the referenced record, if resolvable.
        public var path: String?
        /// `dmdSec/@STATUS`.
        public var status: String?
    }

    /// A `file` of the `fileSec`.
    public struct FileEntry: Sendable, Hashable {
        /// `file/@ID`.
        public var id: String
        /// Package-relative path from `FLocat`, if resolvable.
        public var path: String?
        /// IDs in `@DMDID`.
        public var dmdIDs: [String]
        /// The `@USE` of its file group.
        public var use: String
    }

    /// Package-relative path of this METS document.
    public var path: String
    /// `mets/@OBJID`.
    public var objid: String?
    /// `metsHdr/@csip:OAISPACKAGETYPE`.
    public var packageType: String?
    /// Every file the document declares with size/checksum (fileSec files and mdRefs).
    public var declared: [DeclaredFile] = []
    /// Every package-relative path the document references (FLocat, mdRef, mptr).
    public var referenced: [String] = []
    /// Representation METS documents the package METS points to (mptr hrefs, Representations file group entries).
    public var representationMETS: [String] = []
    /// Descriptive metadata sections.
    public var descriptive: [DescriptiveSection] = []
    /// Files of the fileSec.
    public var files: [FileEntry] = []
    /// `structMap` divs: (DMDID list, FILEIDs reachable through its fptrs).
    public var divLinks: [(dmdIDs: [String], fileIDs: [String])] = []
    /// CHECKSUMTYPE values seen, with the element location.
    public var checksumTypes: [(type: String, location: String)] = []

    /// An empty summary for the document at `path`.
    public init(path: String) {
        self.path = path
    }
}

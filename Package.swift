// swift-tools-version: 6.1
import PackageDescription

// Kho — kho lưu trữ số. One OAIS function per module; lower modules never import higher ones:
//   KhoCore ← Metadata, ArchivalStorage, DataManagement ← Packaging
//   ArchivalStorage, DataManagement ← Preservation ← Ingest ← (Access) ← kho
let package = Package(
    name: "Kho",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kho", targets: ["kho"]),
        .library(name: "ArchivalStorage", targets: ["ArchivalStorage"]),
        .library(name: "Packaging", targets: ["Packaging"]),
        .library(name: "Metadata", targets: ["Metadata"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // zlib, declared by Kho itself rather than reached through ZIPFoundation's internal module.
        .systemLibrary(name: "CZlibKho", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // OpenSSL's libcrypto for digests at the machine's hashing limit (see Sources/CLibCrypto/shim.h).
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // poppler-glib: the text layer of PDFs read in process, without a pdftotext process per file.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // Shared vocabulary: bilingual errors, digests, safe relative paths, Unicode rules.
        .target(name: "KhoCore", dependencies: ["CLibCrypto"], exclude: ["README.md"]),
        // libxml2, the only XML parser Kho trusts (no network, no external entities).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // XML, METS, PREMIS, TT05 EAD records and their schemas.
        .target(name: "Metadata", dependencies: ["KhoCore", "CLibXML2"], exclude: ["README.md"]),
        // OCFL 1.0/1.1 storage roots: writer, reader, validator.
        .target(name: "ArchivalStorage", dependencies: ["KhoCore"], exclude: ["README.md"]),
        // Submission packages: TT05 SIP_hoso, E-ARK CSIP/SIP, BagIt; safe unpacking.
        .target(
            name: "Packaging",
            dependencies: [
                "KhoCore", "Metadata", "CZlibKho",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["README.md", "BagIt/README.md", "SIP/README.md"]
        ),
        // The catalogue: dossiers, documents, files, PREMIS events, Vietnamese search, audit chain.
        .target(
            name: "DataManagement",
            dependencies: ["KhoCore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["README.md"]
        ),
        // Keeping what is stored intact: the repository home and its kho.toml, fixity sweeps over every root,
        // replicas and repair, the scheduler; each outcome recorded as PREMIS events in the catalogue.
        .target(
            name: "Preservation",
            dependencies: [
                "KhoCore", "ArchivalStorage", "DataManagement",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            exclude: ["README.md"]
        ),
        // The pipeline that turns a SIP into an AIP: identify, extract text, build AIP METS/PREMIS, commit, record.
        .target(
            name: "Ingest",
            dependencies: ["KhoCore", "Metadata", "ArchivalStorage", "Packaging", "DataManagement", "Preservation", "CPoppler"],
            exclude: ["README.md", "Rebuild/README.md"]
        ),
        // The command-line face: parses, presents, delegates to the modules.
        .executableTarget(
            name: "kho",
            dependencies: [
                "KhoCore", "Metadata", "ArchivalStorage", "Packaging", "DataManagement", "Preservation", "Ingest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),

        .target(name: "KhoTestSupport", dependencies: ["KhoCore"], path: "Tests/KhoTestSupport"),
        .testTarget(name: "KhoCoreTests", dependencies: ["KhoCore", "KhoTestSupport"]),
        .testTarget(name: "MetadataTests", dependencies: ["Metadata", "KhoTestSupport"]),
        .testTarget(name: "ArchivalStorageTests", dependencies: ["ArchivalStorage", "KhoTestSupport"]),
        .testTarget(name: "DataManagementTests", dependencies: ["DataManagement", "KhoTestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Preservation", "Metadata", "ArchivalStorage", "DataManagement", "KhoTestSupport"]),
        .testTarget(name: "PreservationTests", dependencies: ["Preservation", "ArchivalStorage", "DataManagement", "KhoTestSupport"]),
        .testTarget(name: "PackagingTests", dependencies: ["Packaging", "Metadata", "KhoTestSupport"]),
        // Runs the built `kho` binary as a process, as an archivist would.
        .testTarget(name: "KhoCLITests", dependencies: ["KhoTestSupport", "kho", "DataManagement", "Preservation"]),
    ],
    swiftLanguageModes: [.v6]
)

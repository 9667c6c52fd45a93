// swift-tools-version: 6.1
import PackageDescription

// Kho — kho lưu trữ số. One OAIS function per module; lower modules never import higher ones:
//   KhoCore ← Metadata, ArchivalStorage, DataManagement ← Packaging
//   ArchivalStorage, DataManagement ← Preservation ← Ingest ← (Access) ← kho
// PDF text is read out of process: PDFTextProtocol (frames, no dependencies) ← Ingest, and
//   PDFTextProtocol, CPoppler ← kho-pdf-text, the worker executable and the only target that links poppler,
//   so `kho` starts without poppler's ~50 libraries; `kho` depends on it only so that building kho builds it.
let package = Package(
    name: "Kho",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kho", targets: ["kho"]),
        .executable(name: "kho-pdf-text", targets: ["kho-pdf-text"]),
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
        // poppler-glib: the text layer of PDFs, read in the kho-pdf-text worker processes only.
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
            dependencies: ["KhoCore", "Metadata", "ArchivalStorage", "Packaging", "DataManagement", "Preservation", "PDFTextProtocol"],
            exclude: ["README.md", "Rebuild/README.md"]
        ),
        // The messages between Ingest's PDF worker pool and the worker: length-prefixed frames, request, response.
        .target(name: "PDFTextProtocol", exclude: ["README.md"]),
        // The PDF text worker process (started by Ingest's PDFTextWorkerPool): poppler-glib behind a pipe.
        .executableTarget(name: "kho-pdf-text", dependencies: ["PDFTextProtocol", "CPoppler"], exclude: ["README.md"]),
        // The command-line face: parses, presents, delegates to the modules.
        .executableTarget(
            name: "kho",
            dependencies: [
                "KhoCore", "Metadata", "ArchivalStorage", "Packaging", "DataManagement", "Preservation", "Ingest",
                // An executable, so not linked: built with kho, so `swift run kho demo` finds its PDF worker beside it.
                "kho-pdf-text",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md", "link-as-needed.cfg"],
            // SwiftPM passes the worker's poppler link flags (pkg-config of CPoppler) on to kho too. `--as-needed`
            // drops every library kho does not use, so kho starts without poppler, cairo, X11, nss, … (checked by
            // TextPDFWorkerTests); it must come before the libraries, and only a clang config file (read before
            // the command line) puts it there: -Xlinker flags land after them.
            linkerSettings: [
                .unsafeFlags(["-Xclang-linker", "--config=\(Context.packageDirectory)/Sources/kho/link-as-needed.cfg"]),
                // Release only: the Swift runtime and Foundation linked statically start kho in ~5 ms of CPU instead of
                // ~8 (Benchmarks/fixity.md, 2026-11-21); debug builds and their tests keep the shared runtime that
                // swift-testing links. Modules are compiled against the shared Foundation, whose autolink entries
                // omit the archives its static form needs: they are named here (a missing one fails the link).
                .unsafeFlags(["-static-stdlib"] + ["CoreFoundation", "_FoundationCShims", "_FoundationCollections", "_FoundationICU", "stdc++", "m"]
                    .flatMap { ["-Xlinker", "-l" + $0] }, .when(configuration: .release)),
            ]
        ),

        .target(name: "KhoTestSupport", dependencies: ["KhoCore"], path: "Tests/KhoTestSupport"),
        .testTarget(name: "KhoCoreTests", dependencies: ["KhoCore", "KhoTestSupport"]),
        .testTarget(name: "MetadataTests", dependencies: ["Metadata", "KhoTestSupport"]),
        .testTarget(name: "ArchivalStorageTests", dependencies: ["ArchivalStorage", "KhoTestSupport"]),
        .testTarget(name: "DataManagementTests", dependencies: ["DataManagement", "KhoTestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Preservation", "Metadata", "ArchivalStorage", "DataManagement", "KhoTestSupport",
                                                        "PDFTextProtocol", "kho-pdf-text"]),
        .testTarget(name: "PreservationTests", dependencies: ["Preservation", "ArchivalStorage", "DataManagement", "KhoTestSupport"]),
        .testTarget(name: "PackagingTests", dependencies: ["Packaging", "Metadata", "KhoTestSupport"]),
        // Runs the built `kho` binary as a process, as an archivist would.
        .testTarget(name: "KhoCLITests", dependencies: ["KhoTestSupport", "kho", "DataManagement", "Preservation"]),
    ],
    swiftLanguageModes: [.v6]
)

import KhoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system OpenSSL `libcrypto`, loaded at run time when present, for hashing content faster.
///
/// Measured on the build machine (x86_64, AVX2): swift-crypto's BoringSSL SHA-512 takes its AVX path at
/// about 2.5× the CPU time of OpenSSL 3's AVX2 path that `openssl dgst` uses. Loading libcrypto with
/// `dlopen` keeps Package.swift unchanged; when it is missing, `MultiDigester` (swift-crypto) is used.
struct SystemLibCrypto: @unchecked Sendable {  // Immutable C function pointers and a process-wide library handle.
    typealias NewContext = @convention(c) () -> OpaquePointer?
    typealias FreeContext = @convention(c) (OpaquePointer?) -> Void
    typealias DigestByName = @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    typealias Init = @convention(c) (OpaquePointer?, OpaquePointer?, OpaquePointer?) -> Int32
    typealias Update = @convention(c) (OpaquePointer?, UnsafeRawPointer?, Int) -> Int32
    typealias Final = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt32>?) -> Int32

    let newContext: NewContext
    let freeContext: FreeContext
    let initDigest: Init
    let update: Update
    let final: Final
    /// `EVP_MD` per algorithm.
    let methods: [DigestAlgorithm: OpaquePointer]

    /// The library, or `nil` when it cannot be loaded (set `KHO_NO_LIBCRYPTO=1` to force swift-crypto).
    static let shared: SystemLibCrypto? = load()

    private static func load() -> SystemLibCrypto? {
        if getenv("KHO_NO_LIBCRYPTO") != nil { return nil }
        var handle: UnsafeMutableRawPointer?
        for name in ["libcrypto.so.3", "libcrypto.so", "libcrypto.dylib"] {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
        }
        guard let handle else { return nil }
        func symbol<T>(_ name: String, _ type: T.Type) -> T? {
            guard let p = dlsym(handle, name) else { return nil }
            return unsafeBitCast(p, to: type)
        }
        guard let newContext = symbol("EVP_MD_CTX_new", NewContext.self),
              let freeContext = symbol("EVP_MD_CTX_free", FreeContext.self),
              let byName = symbol("EVP_get_digestbyname", DigestByName.self),
              let initDigest = symbol("EVP_DigestInit_ex", Init.self),
              let update = symbol("EVP_DigestUpdate", Update.self),
              let final = symbol("EVP_DigestFinal_ex", Final.self) else { return nil }
        var methods: [DigestAlgorithm: OpaquePointer] = [:]
        for algorithm in DigestAlgorithm.allCases {
            if let md = byName(algorithm.rawValue) { methods[algorithm] = md }
        }
        guard methods.count == DigestAlgorithm.allCases.count else { return nil }
        return SystemLibCrypto(newContext: newContext, freeContext: freeContext, initDigest: initDigest, update: update, final: final, methods: methods)
    }
}

/// One worker's reusable libcrypto contexts, one per algorithm: a file's bytes go through all of them in one pass.
final class LibCryptoDigester {
    private let library: SystemLibCrypto
    private var contexts: [DigestAlgorithm: OpaquePointer] = [:]
    private var active: [(DigestAlgorithm, OpaquePointer)] = []

    init(_ library: SystemLibCrypto) { self.library = library }

    deinit { for (_, c) in contexts { library.freeContext(c) } }

    /// Starts a new file with `algorithms`; false if libcrypto refuses.
    func reset(_ algorithms: [DigestAlgorithm]) -> Bool {
        active.removeAll(keepingCapacity: true)
        for algorithm in algorithms {
            guard let md = library.methods[algorithm] else { return false }
            let context: OpaquePointer
            if let existing = contexts[algorithm] {
                context = existing
            } else {
                guard let created = library.newContext() else { return false }
                contexts[algorithm] = created
                context = created
            }
            guard library.initDigest(context, md, nil) == 1 else { return false }
            active.append((algorithm, context))
        }
        return true
    }

    /// Feeds bytes to every active algorithm.
    func update(_ bytes: UnsafeRawBufferPointer) {
        for (_, context) in active { _ = library.update(context, bytes.baseAddress, bytes.count) }
    }

    /// Lower-case hex digests of the bytes since `reset`.
    func finalize() -> [DigestAlgorithm: String]? {
        var result: [DigestAlgorithm: String] = [:]
        var out = [UInt8](repeating: 0, count: 64)
        for (algorithm, context) in active {
            var length: UInt32 = 0
            let ok = out.withUnsafeMutableBufferPointer { library.final(context, $0.baseAddress, &length) }
            guard ok == 1 else { return nil }
            result[algorithm] = out[0..<Int(length)].hexString
        }
        return result
    }
}

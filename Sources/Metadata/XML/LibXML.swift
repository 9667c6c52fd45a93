import CLibXML2
import Foundation
import KhoCore

/// The one place where Kho configures libxml2's process-wide state.
///
/// `LibXML.ensureInitialized()` runs once (thread-safe, through a lazily initialised global): it calls
/// `xmlInitParser` and installs Kho's external entity loader, which refuses every load except local schema
/// files allowed by the `XMLLoadPolicy` of the operation running on the current thread.
enum LibXML {
    /// Parser options for every document Kho reads: no network, no entity substitution, no DTD loading,
    /// no DTD validation, no XInclude, line numbers above 65535 kept.
    static let safeParseOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOWARNING.rawValue)

    private static let initialization: Void = {
        xmlInitParser()
        // libxml2 2.9 builds its XSD built-in types (anyType and its attribute wildcard among them) lazily, on the
        // first schema compiled, without a lock: two schemas compiled at once on a fresh process could see a
        // half-built anyType ("no matching wildcard exists in the base complex type … anyType"). Built here, once.
        xmlSchemaInitTypes()
        xmlSetExternalEntityLoader(khoExternalEntityLoader)
    }()

    /// Initialises libxml2 once per process and installs Kho's entity loader.
    static func ensureInitialized() {
        _ = initialization
    }

    private static let diagnosticsKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The collector installed on this thread, if an operation is running.
    static var currentDiagnostics: XMLDiagnostics? {
        guard let raw = pthread_getspecific(diagnosticsKey) else { return nil }
        return Unmanaged<XMLDiagnostics>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Runs `body` with `diagnostics` as this thread's collector and libxml2's structured errors routed to it.
    static func capturing<T, E: Error>(_ diagnostics: XMLDiagnostics, _ body: () throws(E) -> T) throws(E) -> T {
        ensureInitialized()
        let previous = pthread_getspecific(diagnosticsKey)
        pthread_setspecific(diagnosticsKey, Unmanaged.passUnretained(diagnostics).toOpaque())
        xmlSetStructuredErrorFunc(nil, khoStructuredErrorHandler)
        defer {
            pthread_setspecific(diagnosticsKey, previous)
            if previous == nil { xmlSetStructuredErrorFunc(nil, nil) }
        }
        return try withExtendedLifetime(diagnostics) { () throws(E) -> T in try body() }
    }
}

/// Structured error callback: appends to the current thread's collector; never prints.
let khoStructuredErrorHandler: xmlStructuredErrorFunc = { _, error in
    guard let error, let diagnostics = LibXML.currentDiagnostics else { return }
    diagnostics.record(UnsafePointer(error))
}

/// Kho's external entity loader: loads only what the current operation's policy resolves to a local file.
let khoExternalEntityLoader: xmlExternalEntityLoader = { url, _, context in
    let requested = url.map { String(cString: $0) } ?? ""
    let diagnostics = LibXML.currentDiagnostics
    guard let policy = diagnostics?.loadPolicy, let local = policy.resolve(requested), let context else {
        diagnostics?.refusals.append(XMLError(
            .networkRefused, path: diagnostics?.sourceName,
            vi: "Từ chối nạp tài nguyên ngoài '\(requested)': Kho không tải gì qua mạng và chỉ đọc lược đồ cục bộ qua danh mục XML (catalog)",
            en: "Refused to load external resource '\(requested)': Kho fetches nothing from the network and reads only local schemas resolved through the XML catalog"
        ))
        return nil
    }
    return local.withCString { xmlNewInputFromFile(context, $0) }
}

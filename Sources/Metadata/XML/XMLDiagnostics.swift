import CLibXML2
import KhoCore

/// One message libxml2 reported through its structured error channel.
struct LibXMLMessage: Sendable, Hashable {
    /// libxml2 `xmlErrorLevel`: 1 warning, 2 error, 3 fatal.
    var level: Int
    /// libxml2 error code (`xmlParserErrors`).
    var code: Int
    /// The text, trimmed.
    var text: String
    /// The file libxml2 names, if any.
    var file: String?
    /// 1-based line, 0 when unknown.
    var line: Int
    /// XPath of the node concerned (schema validation), when libxml2 names a node.
    var nodePath: String?

    /// True for errors and fatal errors, false for warnings.
    var isError: Bool { level >= 2 }
}

/// Collects what libxml2 says during one operation on one thread, and what Kho refused.
///
/// Installed as the thread's current collector by `LibXML.capturing`; the C callbacks look it up there,
/// because libxml2 calls them synchronously on the calling thread.
final class XMLDiagnostics {
    /// Messages from libxml2, in order.
    var messages: [LibXMLMessage] = []
    /// Security refusals raised by Kho's own hooks (entity declarations, external DTDs, network loads).
    var refusals: [XMLError] = []
    /// What the external entity loader may load during this operation; `nil` refuses everything.
    var loadPolicy: XMLLoadPolicy?
    /// The source name used in refusal messages.
    let sourceName: String
    /// Positions for the XPaths of nodes named in messages (many errors under one large parent stay cheap).
    private let positionCache = XMLPositionCache()

    init(sourceName: String, loadPolicy: XMLLoadPolicy? = nil) {
        self.sourceName = sourceName
        self.loadPolicy = loadPolicy
    }

    /// Records a libxml2 structured error.
    func record(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        var text = raw.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while text.last?.isWhitespace == true { text.removeLast() }
        var nodePath: String?
        if let node = raw.node {
            let pointer = node.assumingMemoryBound(to: xmlNode.self)
            if pointer.pointee.type == XML_ELEMENT_NODE {
                nodePath = XMLElement.locationPath(of: pointer, cache: positionCache)
            }
        }
        messages.append(LibXMLMessage(
            level: Int(raw.level.rawValue),
            code: Int(raw.code),
            text: text,
            file: raw.file.map { String(cString: $0) },
            line: Int(raw.line),
            nodePath: nodePath
        ))
    }

    /// The first error-level message, if any.
    var firstError: LibXMLMessage? { messages.first { $0.isError } }
}

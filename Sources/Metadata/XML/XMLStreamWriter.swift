public import Foundation
import KhoCore

/// Writes XML element by element to a file (or memory) with a small fixed buffer, so a METS of 100 000
/// `<file>` elements costs no more memory than one of ten.
///
/// Text and attribute values are escaped; characters XML 1.0 forbids and invalid names are refused with
/// `KHO-XML-WRITE`. Output is UTF-8 with an XML declaration; elements holding only elements are indented.
/// Not `Sendable`: one writer belongs to one task.
///
/// ```swift
/// let writer = try XMLStreamWriter(fileAt: "METS.xml")
/// try writer.startDocument()
/// try writer.startElement("mets:mets", namespaces: ["mets": XMLNamespace.mets], attributes: ["OBJID": id])
/// try writer.element("mets:note", text: "…")
/// try writer.endElement()
/// try writer.finish()
/// ```
public final class XMLStreamWriter {
    private enum Sink {
        case file(Int32)
        case memory
    }

    private struct OpenElement {
        var name: String
        var hasChildElements = false
        var hasText = false
    }

    private var sink: Sink
    private let path: String
    private let indentUnit: [UInt8]
    private var buffer: [UInt8] = []
    private var memory: [UInt8] = []
    private var stack: [OpenElement] = []
    private var startTagOpen = false
    private var started = false
    private var finished = false
    private let flushThreshold = 1 << 16
    /// Bytes handed to the sink so far (excluding what is still buffered).
    public private(set) var bytesWritten: Int64 = 0

    /// A writer that creates (or truncates) the file at `path`.
    /// - Parameter indent: spaces per nesting level; 0 writes everything on one line.
    public init(fileAt path: String, indent: Int = 2) throws(XMLError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw XMLError(.write, path: path,
                           vi: "Không tạo được tệp XML: \(String(cString: strerror(errno)))",
                           en: "Cannot create the XML file: \(String(cString: strerror(errno)))")
        }
        self.sink = .file(fd)
        self.path = path
        self.indentUnit = Array(repeating: UInt8(ascii: " "), count: max(0, indent))
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    /// A writer that collects the document in memory; read it with `finishData()`.
    public init(inMemoryNamed name: String = "memory.xml", indent: Int = 2) {
        self.sink = .memory
        self.path = name
        self.indentUnit = Array(repeating: UInt8(ascii: " "), count: max(0, indent))
    }

    deinit {
        if case .file(let fd) = sink { close(fd) }
    }

    /// Number of elements started and not yet ended.
    public var depth: Int { stack.count }

    /// Writes the XML declaration. Call once, first.
    public func startDocument() throws(XMLError) {
        guard !started else { throw misuse("startDocument được gọi hai lần", "startDocument called twice") }
        started = true
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    }

    /// Opens an element. `name` may carry a prefix (`mets:file`); `namespaces` declares prefix → URI
    /// (`""` for the default namespace); attributes are written in the order given.
    public func startElement(_ name: String, namespaces: KeyValuePairs<String, String> = [:], attributes: KeyValuePairs<String, String> = [:]) throws(XMLError) {
        try requireOpenDocument()
        try checkName(name)
        closeStartTag()
        if var parent = stack.popLast() {
            parent.hasChildElements = true
            stack.append(parent)
        } else if stack.isEmpty && hasRoot {
            throw misuse("Tài liệu đã có phần tử gốc", "The document already has a root element")
        }
        newlineAndIndent(stack.count)
        append("<")
        append(name)
        for (prefix, uri) in namespaces {
            if !prefix.isEmpty { try checkName(prefix) }
            append(prefix.isEmpty ? " xmlns=\"" : " xmlns:\(prefix)=\"")
            try appendEscaped(uri, inAttribute: true)
            append("\"")
        }
        for (attribute, value) in attributes {
            try checkName(attribute)
            append(" ")
            append(attribute)
            append("=\"")
            try appendEscaped(value, inAttribute: true)
            append("\"")
        }
        stack.append(OpenElement(name: name))
        hasRoot = true
        startTagOpen = true
        try flushIfNeeded()
    }

    private var hasRoot = false

    /// Writes escaped character data inside the current element.
    public func text(_ string: String) throws(XMLError) {
        try requireOpenDocument()
        guard var current = stack.popLast() else {
            throw misuse("Không có phần tử mở để ghi văn bản", "No open element to hold text")
        }
        current.hasText = true
        stack.append(current)
        closeStartTag()
        try appendEscaped(string, inAttribute: false)
        try flushIfNeeded()
    }

    /// Closes the innermost open element (as `<x/>` when it is empty).
    public func endElement() throws(XMLError) {
        try requireOpenDocument()
        guard let current = stack.popLast() else {
            throw misuse("endElement không có phần tử mở tương ứng", "endElement without a matching open element")
        }
        if startTagOpen {
            append("/>")
            startTagOpen = false
        } else {
            if current.hasChildElements && !current.hasText { newlineAndIndent(stack.count) }
            append("</")
            append(current.name)
            append(">")
        }
        try flushIfNeeded()
    }

    /// Writes `<name attributes>text</name>` (or `<name/>` when text is nil or empty) in one call.
    public func element(_ name: String, attributes: KeyValuePairs<String, String> = [:], text: String? = nil) throws(XMLError) {
        try startElement(name, attributes: attributes)
        if let text, !text.isEmpty { try self.text(text) }
        try endElement()
    }

    /// Writes a comment (`--` is refused, as XML requires).
    public func comment(_ text: String) throws(XMLError) {
        try requireOpenDocument()
        guard !text.contains("--"), !text.hasSuffix("-") else {
            throw misuse("Chú thích XML không được chứa '--'", "An XML comment may not contain '--'")
        }
        closeStartTag()
        newlineAndIndent(stack.count)
        append("<!--")
        try appendEscapedComment(text)
        append("-->")
        try flushIfNeeded()
    }

    /// Checks every element was closed, writes the last bytes and closes the file; with `sync`, the file's
    /// contents are made durable (fsync) before it is closed.
    public func finish(sync: Bool = false) throws(XMLError) {
        try requireOpenDocument()
        guard stack.isEmpty else {
            throw misuse("Còn \(stack.count) phần tử chưa đóng (\(stack.map(\.name).joined(separator: ", ")))",
                         "\(stack.count) element(s) still open (\(stack.map(\.name).joined(separator: ", ")))")
        }
        guard hasRoot else { throw misuse("Tài liệu không có phần tử gốc", "The document has no root element") }
        append("\n")
        try flush()
        finished = true
        if case .file(let fd) = sink {
            sink = .memory
            if sync && fsync(fd) != 0 {
                close(fd)
                throw XMLError(.write, path: path, vi: "Không đồng bộ được tệp XML xuống đĩa (fsync)", en: "Cannot make the XML file durable (fsync)")
            }
            if close(fd) != 0 {
                throw XMLError(.write, path: path, vi: "Lỗi khi đóng tệp XML", en: "Error closing the XML file")
            }
        }
    }

    /// Finishes an in-memory document and returns its bytes.
    public func finishData() throws(XMLError) -> Data {
        try finish()
        return Data(memory)
    }

    // MARK: - Internals

    private func requireOpenDocument() throws(XMLError) {
        guard started else { throw misuse("Chưa gọi startDocument", "startDocument has not been called") }
        guard !finished else { throw misuse("Tài liệu đã kết thúc", "The document is already finished") }
    }

    private func closeStartTag() {
        if startTagOpen {
            append(">")
            startTagOpen = false
        }
    }

    private func newlineAndIndent(_ level: Int) {
        guard !indentUnit.isEmpty else { return }
        if let parent = stack.last, parent.hasText { return }
        buffer.append(UInt8(ascii: "\n"))
        for _ in 0..<level { buffer.append(contentsOf: indentUnit) }
    }

    private func append(_ string: String) {
        buffer.append(contentsOf: string.utf8)
    }

    private func appendEscaped(_ string: String, inAttribute: Bool) throws(XMLError) {
        for scalar in string.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x26: append("&amp;")
            case 0x3C: append("&lt;")
            case 0x3E: append("&gt;")
            case 0x22 where inAttribute: append("&quot;")
            case 0x09 where inAttribute: append("&#9;")
            case 0x0A where inAttribute: append("&#10;")
            case 0x0D: append("&#13;")
            case 0x09, 0x0A: buffer.append(UInt8(value))
            case 0x00..<0x20, 0xFFFE, 0xFFFF:
                throw XMLError(.write, path: path,
                               vi: "Ký tự U+\(String(value, radix: 16, uppercase: true)) không được phép trong XML 1.0",
                               en: "Character U+\(String(value, radix: 16, uppercase: true)) is not allowed in XML 1.0")
            case 0x20..<0x80: buffer.append(UInt8(value))
            default: buffer.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    private func appendEscapedComment(_ text: String) throws(XMLError) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00..<0x09, 0x0B, 0x0C, 0x0E..<0x20, 0xFFFE, 0xFFFF:
                throw XMLError(.write, path: path,
                               vi: "Ký tự U+\(String(scalar.value, radix: 16, uppercase: true)) không được phép trong XML 1.0",
                               en: "Character U+\(String(scalar.value, radix: 16, uppercase: true)) is not allowed in XML 1.0")
            default:
                buffer.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    /// Bytes waiting in the buffer (never much more than the 64 KiB flush threshold).
    var bufferedByteCount: Int { buffer.count }

    private func checkName(_ name: String) throws(XMLError) {
        var valid = !name.isEmpty
        for (index, scalar) in name.unicodeScalars.enumerated() where valid {
            switch scalar {
            case "A"..."Z", "a"..."z", "_", ":": continue
            case "0"..."9", "-", ".": valid = index > 0
            default: valid = scalar.value >= 0xC0 && !scalar.properties.isWhitespace
            }
        }
        guard valid, !name.hasPrefix(":"), !name.hasSuffix(":") else {
            throw XMLError(.write, path: path, vi: "Tên XML không hợp lệ '\(name)'", en: "Invalid XML name '\(name)'")
        }
    }

    private func misuse(_ vi: String, _ en: String) -> XMLError {
        XMLError(.write, path: path, vi: vi, en: en)
    }

    private func flushIfNeeded() throws(XMLError) {
        if buffer.count >= flushThreshold { try flush() }
    }

    private func flush() throws(XMLError) {
        guard !buffer.isEmpty else { return }
        switch sink {
        case .memory:
            memory.append(contentsOf: buffer)
        case .file(let fd):
            let failure = buffer.withUnsafeBytes { bytes in POSIXFile.writeAll(fd: fd, bytes, path: path) }
            if let failure {
                throw XMLError(.write, path: path, vi: "Lỗi ghi tệp XML: \(failure.message.vi)", en: "Error writing the XML file: \(failure.message.en)")
            }
        }
        bytesWritten += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }
}

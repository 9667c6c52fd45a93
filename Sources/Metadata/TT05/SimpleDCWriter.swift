import Foundation

/// Writes a flat TT05 `<simpledc>` element: every field in TT05 order, absent fields as empty elements.
struct SimpleDCWriter {
    /// (element, text) pairs in order; nil text writes an empty element.
    var fields: [(String, String?)] = []

    mutating func add(_ element: String, _ text: String?) { fields.append((element, text)) }

    mutating func add<T>(_ element: String, _ value: TT05Value<T>?) { fields.append((element, value?.text)) }

    /// Writes `<simpledc>…</simpledc>` at the writer's current position.
    func write(to writer: XMLStreamWriter) throws(XMLError) {
        try writer.startElement("simpledc")
        for (element, text) in fields {
            try writer.element(element, text: text)
        }
        try writer.endElement()
    }

    /// A complete UTF-8 document.
    func document(named name: String) throws(XMLError) -> Data {
        let writer = XMLStreamWriter(inMemoryNamed: name)
        try writer.startDocument()
        try write(to: writer)
        return try writer.finishData()
    }
}

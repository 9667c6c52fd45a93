import Foundation
@testable import Metadata

/// Realistic TT05 records, shaped like those in real SIP_hoso packages (any order, empty elements).
enum TT05Fixtures {
    static let dossierXML = """
    <?xml version="1.0" encoding="UTF-8"?>
    <simpledc>
      <title>Hồ sơ Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 5, nhiệm kỳ 2000-2005</title>
      <fileCode>H49.64.33.2001.160</fileCode>
      <maintenance>01</maintenance>
      <mode>01</mode>
      <language>01</language>
      <startDate>05/01/2001</startDate>
      <endDate>28/12/2001</endDate>
      <keyword>Hội nghị; Ban Chấp hành</keyword>
      <totalDoc>2</totalDoc>
      <numberOfPaper>12</numberOfPaper>
      <numberOfPage>24</numberOfPage>
      <format>02</format>
      <inforSign></inforSign>
      <confidenceLevel>02</confidenceLevel>
      <paperFileCode>H49.K1-G2-H3.160</paperFileCode>
      <riskRecovery>0</riskRecovery>
      <riskRecoveryStatus/>
      <description></description>
    </simpledc>
    """

    static let documentXML = """
    <?xml version="1.0" encoding="UTF-8"?>
    <simpledc>
      <docId>H49.64.33.2001.160.1</docId>
      <docCode>H49.64.33.2001.160.0000001</docCode>
      <maintenance>01</maintenance>
      <typeName>01</typeName>
      <codeNumber>12</codeNumber>
      <codeNotation>NQ/ĐU</codeNotation>
      <issuedDate>15/03/2001</issuedDate>
      <organName>Đảng ủy xã Tân Phú</organName>
      <subject>Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2001</subject>
      <language>01</language>
      <numberOfPage>6</numberOfPage>
      <inforSign/>
      <keyword/>
      <mode>01</mode>
      <confidenceLevel>02</confidenceLevel>
      <autograph></autograph>
      <format>01</format>
      <riskRecovery>0</riskRecovery>
      <riskRecoveryStatus></riskRecoveryStatus>
      <process></process>
      <description/>
    </simpledc>
    """

    static func document(_ text: String, name: String) throws -> XMLDocument {
        try XMLDocument.parse(data: Data(text.utf8), sourceName: name)
    }

    /// The dossier XML with one element's text replaced (or the element removed when `text` is nil).
    static func dossier(setting element: String, to text: String?) -> String {
        replace(in: dossierXML, element: element, with: text)
    }

    /// The document XML with one element's text replaced (or removed).
    static func documentText(setting element: String, to text: String?) -> String {
        replace(in: documentXML, element: element, with: text)
    }

    static func replace(in xml: String, element: String, with text: String?) -> String {
        var lines = xml.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains("<\(element)>") || $0.contains("<\(element)/>") }) else { return xml }
        if let text {
            lines[index] = "  <\(element)>\(text)</\(element)>"
        } else {
            lines.remove(at: index)
        }
        return lines.joined(separator: "\n")
    }
}

import Foundation
import KhoCore

/// The AIP's OBJID (`urn:uuid:<uuid>`), derived from the dossier's `arcFileCode` as a name-based UUID
/// (RFC 9562 version 5, SHA-1, Kho's namespace): the same dossier always maps to the same OCFL object, so a
/// re-ingest is recognised and a SUPPLEMENT or REPLACEMENT finds the AIP it updates without a catalogue lookup.
enum ArchivalObjectID {
    /// Kho's namespace UUID for dossier codes.
    static let namespace: [UInt8] = [0x6b, 0x68, 0x6f, 0x2d, 0x61, 0x72, 0x63, 0x46, 0x69, 0x6c, 0x65, 0x43, 0x6f, 0x64, 0x65, 0x31]

    /// `urn:uuid:…` for `arcFileCode` (compared by NFC, so the producer's normalization does not matter).
    static func forDossier(arcFileCode: String) -> String {
        let digester = MultiDigester([.sha1])
        let bytes = namespace + Array(arcFileCode.precomposedStringWithCanonicalMapping.utf8)
        bytes.withUnsafeBytes { digester.update($0) }
        let hex = digester.finalize()[.sha1] ?? ""
        var octets: [UInt8] = []
        var index = hex.startIndex
        while octets.count < 16, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            octets.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        while octets.count < 16 { octets.append(0) }
        octets[6] = (octets[6] & 0x0F) | 0x50
        octets[8] = (octets[8] & 0x3F) | 0x80
        let text = octets.map { String(format: "%02x", $0) }.joined()
        let parts = [text.prefix(8), text.dropFirst(8).prefix(4), text.dropFirst(12).prefix(4), text.dropFirst(16).prefix(4), text.dropFirst(20)]
        return "urn:uuid:" + parts.joined(separator: "-")
    }
}

/// The character encoding of a text file, as far as its bytes tell.
///
/// TCVN3 (ABC) and VNI are 8-bit encodings that reuse Latin-1 byte ranges; they cannot be told apart
/// from Windows-1258 with certainty, so they are reported together as `legacy8Bit`.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    /// Only bytes below 0x80 seen.
    case ascii
    /// UTF-8 without a byte-order mark.
    case utf8
    /// UTF-8 with a byte-order mark (EF BB BF).
    case utf8WithBOM
    /// UTF-16 little-endian (with BOM FF FE, or detected from the zero bytes).
    case utf16LittleEndian
    /// UTF-16 big-endian (with BOM FE FF, or detected from the zero bytes).
    case utf16BigEndian
    /// Not UTF-8: an 8-bit legacy encoding (TCVN3, VNI, Windows-1258, Latin-1…), which one unknown.
    case legacy8Bit

    /// True for the encodings TT05 packages should use (ASCII, UTF-8 with or without BOM, UTF-16).
    public var isUnicode: Bool { self != .legacy8Bit }
}

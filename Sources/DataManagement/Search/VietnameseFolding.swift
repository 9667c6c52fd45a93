import Foundation

/// Folds Vietnamese text for search: the index keeps both the original (NFC) text and this folded
/// copy, so "dang uy" finds "Đảng ủy" and "Đảng ủy" ranks exact-diacritic matches first.
///
/// Unicode does not decompose đ/Đ (they are letters of their own, not d + a mark), so SQLite's
/// `remove_diacritics` misses them; folding happens here, in Swift, before SQLite sees the text.
public enum VietnameseFolding {
    /// The exact form: NFC, lower-cased. Two spellings of the same word in NFC and NFD agree.
    public static func exact(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The folded form: NFD, combining marks dropped, đ→d, Đ→D (and Ð, often typed for Đ), lower-cased.
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            switch scalar.value {
            case 0x0111, 0x0110, 0x00D0, 0x00F0: scalars.append("d")
            default: scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    /// True when folding changes the word: the user typed diacritics (or đ).
    public static func hasDiacritics(_ word: String) -> Bool {
        fold(word) != exact(word)
    }

    /// A document number or code as one searchable token: folded, letters and digits only.
    /// `12-NQ/ĐU`, `12-nq/đu` and `12-NQ/DU` all become `12nqdu`.
    public static func numberToken(_ text: String) -> String {
        String(String.UnicodeScalarView(fold(text).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    /// True when a query chunk looks like a document number or code: a digit and a separator
    /// (`-`, `/`, `.`), e.g. `12-NQ/ĐU`, `15/QĐ-BNV`, `H49.64.33.2001.160`.
    public static func looksLikeNumber(_ chunk: String) -> Bool {
        chunk.contains(where: \.isNumber) && chunk.contains(where: { "-/.".contains($0) })
    }

    /// Splits text into words the way FTS5's unicode61 tokenizer does: runs of letters and digits.
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark {
                current.append(scalar)
            } else if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }
}

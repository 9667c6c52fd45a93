/// Formats "where in the file" for findings: an XPath and a line, either optional.
public enum XMLLocation {
    /// `/mets:mets/mets:file[3] (line 12)`, or just one of the two, or nil when neither is known.
    public static func describe(xpath: String?, line: Int?) -> String? {
        let knownLine = line.flatMap { $0 > 0 ? $0 : nil }
        switch (xpath, knownLine) {
        case let (xpath?, line?): return "\(xpath) (line \(line))"
        case let (xpath?, nil): return xpath
        case let (nil, line?): return "line \(line)"
        case (nil, nil): return nil
        }
    }
}

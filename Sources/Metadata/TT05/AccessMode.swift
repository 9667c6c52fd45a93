/// Chế độ sử dụng (access regime), TT05 `mode`. 03 Mật is never served by the access API.
public enum AccessMode: String, TT05Code {
    /// 01 Công khai — open.
    case open = "01"
    /// 02 Sử dụng có điều kiện — conditional, needs an approved request.
    case conditional = "02"
    /// 03 Mật — secret.
    case secret = "03"

    /// Vietnamese label from TT05.
    public var vietnameseLabel: String {
        switch self {
        case .open: "Công khai"
        case .conditional: "Sử dụng có điều kiện"
        case .secret: "Mật"
        }
    }

    /// English gloss.
    public var englishLabel: String {
        switch self {
        case .open: "Open"
        case .conditional: "Conditional use"
        case .secret: "Secret"
        }
    }
}

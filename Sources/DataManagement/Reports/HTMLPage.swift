import KhoCore

/// The frame of every HTML report: one self-contained file, Vietnamese first, print-friendly.
///
/// A Content-Security-Policy forbids scripts and every fetch, so the file shows the same offline, on an
/// auditor's laptop, years later; styles are inline.
struct HTMLPage {
    /// Vietnamese title (also the `<title>`).
    var title: String
    /// English subtitle.
    var englishTitle: String
    /// Body sections, already HTML.
    var sections: [String]
    /// Where and when it was made, shown under the title (already HTML).
    var byline: String
    /// Footer line (already HTML).
    var footer: String

    var html: String {
        """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(MarkupText.escape(title))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <header>
        <p class="agency">ĐẢNG CỘNG SẢN VIỆT NAM · KHO LƯU TRỮ SỐ</p>
        <h1>\(MarkupText.escape(title))</h1>
        <p class="en">\(MarkupText.escape(englishTitle))</p>
        <p class="byline">\(byline)</p>
        </header>
        <main>
        \(sections.joined(separator: "\n"))
        </main>
        <footer>\(footer)</footer>
        </body>
        </html>

        """
    }

    static let css = """
        body{font-family:"Noto Sans","DejaVu Sans","Segoe UI",Arial,sans-serif;color:#1d2430;margin:24px auto;max-width:1100px;padding:0 16px;line-height:1.4}\
        header{text-align:center;border-bottom:2px solid #1d2430;margin-bottom:16px}\
        .agency{font-size:13px;letter-spacing:.08em;margin:0}\
        h1{font-size:24px;margin:8px 0 2px}h2{font-size:18px;margin:24px 0 8px}\
        .en,small,.note{color:#5a6473}.en{margin:0 0 4px;font-style:italic}.byline{font-size:13px}\
        table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}\
        th,td{border:1px solid #b8c0cc;padding:4px 6px;vertical-align:top}\
        th{background:#eef1f5;text-align:center}th small{display:block;font-weight:normal}\
        td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.num small{display:block}\
        tfoot td,tfoot th{font-weight:bold;background:#f7f3e8}\
        .ok{color:#1b7a3a}.bad{color:#b3261e;font-weight:bold}\
        code{font-size:12px;word-break:break-all}\
        footer{margin-top:32px;font-size:12px;color:#5a6473;border-top:1px solid #b8c0cc;padding-top:8px}\
        svg text{font-family:inherit}\
        @media print{body{margin:0}}
        """
}

/// A table cell helper: Vietnamese header with its English below.
enum HTMLTable {
    /// `<th>Vietnamese<small>English</small></th>`.
    static func header(_ vi: String, _ en: String) -> String {
        "<th>\(MarkupText.escape(vi))<small>\(MarkupText.escape(en))</small></th>"
    }

    /// A right-aligned number cell, Vietnamese grouping.
    static func number(_ value: some BinaryInteger) -> String {
        "<td class=\"num\">\(VietnameseNumber.grouped(value))</td>"
    }

    /// A text cell, escaped.
    static func text(_ value: String) -> String { "<td>\(MarkupText.escape(value))</td>" }
}

import KhoCore

/// A horizontal stacked bar chart drawn as inline SVG: one bar per row, one coloured segment per series,
/// each segment a `<rect>` with a `<title>` (the browser's tooltip, and what a screen reader says).
struct BarChart {
    /// A series: its label and fill colour.
    struct Series {
        var label: String
        var fill: String
    }

    /// One bar: its label and one value per series.
    struct Bar {
        var label: String
        var values: [Int]
    }

    /// What the chart shows (for `aria-label` and the heading).
    var title: String
    /// Unit of the values, e.g. "tài liệu".
    var unit: String
    var series: [Series]
    var bars: [Bar]

    static let width = 1000
    static let labelWidth = 260
    static let barHeight = 26
    static let gap = 10
    static let top = 40

    var svg: String {
        let plotWidth = Self.width - Self.labelWidth - 90
        let maximum = max(1, bars.map { $0.values.reduce(0, +) }.max() ?? 0)
        let height = Self.top + max(1, bars.count) * (Self.barHeight + Self.gap) + 10
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"\(Self.width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(Self.width) \(height)\" aria-label=\"\(MarkupText.escape(title))\">\n"
        out += "<title>\(MarkupText.escape(title))</title>\n"
        // Legend.
        var x = Self.labelWidth
        for item in series {
            out += "<rect class=\"legend\" x=\"\(x)\" y=\"8\" width=\"14\" height=\"14\" fill=\"\(item.fill)\"/>"
            out += "<text x=\"\(x + 20)\" y=\"20\" font-size=\"13\">\(MarkupText.escape(item.label))</text>\n"
            x += 40 + item.label.count * 7
        }
        if bars.isEmpty {
            out += "<text x=\"\(Self.labelWidth)\" y=\"\(Self.top + 18)\" font-size=\"13\">Không có dữ liệu / no data</text>\n"
        }
        for (row, bar) in bars.enumerated() {
            let y = Self.top + row * (Self.barHeight + Self.gap)
            out += "<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + Self.barHeight / 2 + 5)\" font-size=\"13\" text-anchor=\"end\">"
                + "\(MarkupText.escape(Self.shortened(bar.label)))<title>\(MarkupText.escape(bar.label))</title></text>\n"
            var offset = Self.labelWidth
            for (index, value) in bar.values.enumerated() where value > 0 && index < series.count {
                let width = max(1, value * plotWidth / maximum)
                let tip = "\(bar.label) — \(series[index].label): \(VietnameseNumber.grouped(value)) \(unit)"
                out += "<rect class=\"bar\" x=\"\(offset)\" y=\"\(y)\" width=\"\(width)\" height=\"\(Self.barHeight)\" "
                    + "fill=\"\(series[index].fill)\"><title>\(MarkupText.escape(tip))</title></rect>\n"
                offset += width
            }
            let total = bar.values.reduce(0, +)
            out += "<text x=\"\(offset + 6)\" y=\"\(y + Self.barHeight / 2 + 5)\" font-size=\"13\">\(VietnameseNumber.grouped(total))</text>\n"
        }
        return out + "</svg>"
    }

    /// Long unit names are cut for the axis; the full name is in the label's `<title>`.
    static func shortened(_ label: String) -> String {
        label.count > 34 ? String(label.prefix(33)) + "…" : label
    }
}

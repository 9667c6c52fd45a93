import Foundation
import KhoCore

extension FixityReport {
    /// Fill of the "checked within the interval" bars.
    public static let checkedFill = "#2e7d32"
    /// Fill of the "not checked within the interval" part.
    public static let uncheckedFill = "#f9a825"
    /// At most this many object rows in the HTML page (worst first); CSV and JSON hold every row.
    public static let htmlObjectRows = 1_000

    /// `Báo cáo kiểm tra toàn vẹn dữ liệu`.
    public var title: String { "Báo cáo kiểm tra toàn vẹn dữ liệu (fixity)" }

    /// The report in `format`, as bytes to write.
    public func rendered(as format: ReportFormat) throws -> [UInt8] {
        switch format {
        case .html: Array(html.utf8)
        case .csv: csv.data
        case .json: try ReportJSON.encode(self)
        }
    }

    private static func time(_ timestamp: String?) -> String {
        timestamp.map(VietnamTime.display) ?? "chưa kiểm tra / never"
    }

    /// CSV in sections (a title row, a header row, data rows, a blank row), each section one table.
    var csv: CSVTable {
        var table = CSVTable()
        table.append(["Chuỗi nhật ký kiểm toán / Audit chain", "Độ dài / Length", "Mã băm đầu chuỗi / Head digest", "Nguyên vẹn / Intact",
                      "Sự kiện khác với nhật ký / Events differing"])
        table.append(["audit", String(audit.length), audit.headDigest, audit.intact ? "yes" : "no", String(audit.eventsDiffering)])
        table.append([])
        table.append(["Kho lưu / Root", "Đã kiểm tra trong chu kỳ / Checked within interval", "Tổng số đối tượng / Objects",
                      "Tỷ lệ % / Coverage %", "Đã từng kiểm tra / Ever checked", "Đang hỏng / Damaged now", "Lần kiểm tra cuối / Last check"])
        for root in roots {
            table.append([root.rootName, String(root.checkedWithinInterval), String(root.objectsTotal), String(format: "%.1f", root.coveragePercent),
                          String(root.checkedEver), String(root.damagedNow), root.lastCheckedAt ?? ""])
        }
        table.append([])
        table.append(["Hư hỏng / Damage", "Lần kiểm tra phát hiện / Damaged checks", "Phát hiện / Found", "Đã sửa / Repaired",
                      "Không sửa được / Unrecoverable", "Còn tồn / Outstanding"])
        table.append(["total", String(damage.damagedChecks), String(damage.damageFound), String(damage.repaired),
                      String(damage.unrecoverable), String(damage.outstanding)])
        for kind in damage.byKind.keys.sorted() { table.append(["kind", kind, String(damage.byKind[kind] ?? 0)]) }
        table.append([])
        table.append(["Sửa chữa / Repair", "Thời điểm / At", "Kho lưu / Root", "Đối tượng / Object", "Tệp / Path", "Loại / Kind",
                      "Nguồn / Source", "Kết quả / Outcome"])
        for repair in repairs {
            table.append(["repair", repair.repairedAt, repair.rootName, repair.objectID, repair.path, repair.kind,
                          repair.sourceRootName ?? "", repair.outcome])
        }
        table.append([])
        table.append(["Bản sao / Replica", "Đường dẫn / Path", "Đồng bộ lúc / Synced", "Đã cập nhật / Current", "Đã chép / Copied",
                      "Lỗi / Failed", "Số lần / Syncs"])
        for replica in replicas {
            table.append([replica.rootName, replica.path, replica.syncedAt, String(replica.objectsCurrent), String(replica.objectsCopied),
                          String(replica.objectsFailed), String(replica.syncs)])
        }
        table.append([])
        table.append(["Kho lưu / Root", "Đối tượng / Object", "Lần kiểm tra cuối / Last check", "Kết quả / Outcome", "Quá hạn / Stale",
                      "Hư hỏng / Damage"])
        for object in objects {
            table.append([object.rootName, object.objectID, object.lastCheckedAt ?? "", object.outcome, object.stale ? "yes" : "no",
                          object.damage.joined(separator: "; ")])
        }
        return table
    }

    /// The self-contained HTML page.
    public var html: String {
        let generated = VietnamTime.parse(generatedAt) ?? Date()
        let e = MarkupText.escape
        let auditState = audit.intact
            ? "<span class=\"ok\">nguyên vẹn / intact</span>"
            : "<span class=\"bad\">HỎNG tại mục \(audit.firstBadEntry.map(String.init) ?? "?") (\(e(audit.failureReason ?? ""))) / BROKEN</span>"
        let auditSection = """
            <section><h2>Chuỗi nhật ký kiểm toán <small>Audit chain (anchor this report with it)</small></h2>
            <table class="audit"><tr><th>Độ dài<small>Length</small></th><td class="num" id="audit-length">\(VietnameseNumber.grouped(audit.length))</td></tr>
            <tr><th>Mã băm đầu chuỗi (SHA-256)<small>Head digest</small></th><td><code id="audit-head">\(e(audit.headDigest))</code></td></tr>
            <tr><th>Trạng thái<small>State</small></th><td>\(auditState)</td></tr>
            <tr><th>Sự kiện khác với nhật ký<small>Events differing from the chain</small></th><td class="num\(audit.eventsDiffering > 0 ? " bad" : "")">\(VietnameseNumber.grouped(audit.eventsDiffering))</td></tr></table></section>
            """

        var coverage = "<table class=\"coverage\"><thead><tr>" + HTMLTable.header("Kho lưu", "Root")
            + HTMLTable.header("Đã kiểm tra trong \(intervalDays) ngày", "Checked within \(intervalDays) days")
            + HTMLTable.header("Tổng số đối tượng", "Objects") + HTMLTable.header("Tỷ lệ", "Coverage")
            + HTMLTable.header("Đã từng kiểm tra", "Ever checked") + HTMLTable.header("Đang hỏng", "Damaged now")
            + HTMLTable.header("Lần kiểm tra cuối", "Last check") + "</tr></thead><tbody>\n"
        for root in roots {
            coverage += "<tr>" + HTMLTable.text(root.rootName) + HTMLTable.number(root.checkedWithinInterval) + HTMLTable.number(root.objectsTotal)
                + "<td class=\"num\">\(VietnameseNumber.percent(root.checkedWithinInterval, of: root.objectsTotal))</td>"
                + HTMLTable.number(root.checkedEver) + HTMLTable.number(root.damagedNow) + HTMLTable.text(Self.time(root.lastCheckedAt)) + "</tr>\n"
        }
        coverage += "</tbody></table>"
        let chart = BarChart(
            title: "Đối tượng đã kiểm tra trong chu kỳ theo kho lưu — objects checked within the interval, per root",
            unit: "đối tượng",
            series: [.init(label: "Đã kiểm tra / checked", fill: Self.checkedFill),
                     .init(label: "Chưa kiểm tra trong chu kỳ / not within interval", fill: Self.uncheckedFill)],
            bars: roots.map { .init(label: $0.rootName, values: [$0.checkedWithinInterval, max(0, $0.objectsTotal - $0.checkedWithinInterval)]) })

        var damageTable = "<table class=\"damage\"><thead><tr>" + HTMLTable.header("Lần kiểm tra phát hiện hỏng", "Checks with damage")
            + HTMLTable.header("Hư hỏng phát hiện", "Damage found") + HTMLTable.header("Đã sửa", "Repaired")
            + HTMLTable.header("Không sửa được", "Unrecoverable") + HTMLTable.header("Còn tồn", "Outstanding") + "</tr></thead><tbody><tr>"
            + HTMLTable.number(damage.damagedChecks) + HTMLTable.number(damage.damageFound) + HTMLTable.number(damage.repaired)
            + HTMLTable.number(damage.unrecoverable) + HTMLTable.number(damage.outstanding) + "</tr></tbody></table>\n"
        if !damage.byKind.isEmpty {
            damageTable += "<table class=\"kinds\"><thead><tr>" + HTMLTable.header("Loại hư hỏng", "Kind") + HTMLTable.header("Số lượng", "Count")
                + "</tr></thead><tbody>" + damage.byKind.keys.sorted().map { "<tr>" + HTMLTable.text($0) + HTMLTable.number(damage.byKind[$0] ?? 0) + "</tr>" }.joined()
                + "</tbody></table>"
        }

        var repairTable = "<table class=\"repairs\"><thead><tr>" + HTMLTable.header("Thời điểm", "At") + HTMLTable.header("Kho lưu", "Root")
            + HTMLTable.header("Đối tượng", "Object") + HTMLTable.header("Tệp", "Path") + HTMLTable.header("Loại", "Kind")
            + HTMLTable.header("Lấy từ", "Source") + HTMLTable.header("Kết quả", "Outcome") + "</tr></thead><tbody>\n"
        for repair in repairs {
            let outcome = repair.outcome == "repaired" ? "<span class=\"ok\">đã sửa / repaired</span>" : "<span class=\"bad\">không sửa được / \(e(repair.outcome))</span>"
            repairTable += "<tr>" + HTMLTable.text(Self.time(repair.repairedAt)) + HTMLTable.text(repair.rootName) + "<td><code>\(e(repair.objectID))</code></td>"
                + "<td><code>\(e(repair.path))</code></td>" + HTMLTable.text(repair.kind) + HTMLTable.text(repair.sourceRootName ?? "—")
                + "<td>\(outcome)</td></tr>\n"
        }
        if repairs.isEmpty { repairTable += "<tr><td colspan=\"7\">Chưa có / none</td></tr>\n" }
        repairTable += "</tbody></table>"

        var replicaTable = "<table class=\"replicas\"><thead><tr>" + HTMLTable.header("Bản sao", "Replica") + HTMLTable.header("Đường dẫn", "Path")
            + HTMLTable.header("Đồng bộ lần cuối", "Last sync") + HTMLTable.header("Đã cập nhật", "Current") + HTMLTable.header("Đã chép", "Copied")
            + HTMLTable.header("Lỗi", "Failed") + HTMLTable.header("Số lần đồng bộ", "Syncs") + "</tr></thead><tbody>\n"
        for replica in replicas {
            replicaTable += "<tr>" + HTMLTable.text(replica.rootName) + "<td><code>\(e(replica.path))</code></td>" + HTMLTable.text(Self.time(replica.syncedAt))
                + HTMLTable.number(replica.objectsCurrent) + HTMLTable.number(replica.objectsCopied)
                + (replica.objectsFailed > 0 ? "<td class=\"num bad\">\(VietnameseNumber.grouped(replica.objectsFailed))</td>" : HTMLTable.number(0))
                + HTMLTable.number(replica.syncs) + "</tr>\n"
        }
        if replicas.isEmpty { replicaTable += "<tr><td colspan=\"7\">Chưa có bản sao nào được đồng bộ / no replica synced</td></tr>\n" }
        replicaTable += "</tbody></table>"

        var objectTable = "<table class=\"objects\"><thead><tr>" + HTMLTable.header("Kho lưu", "Root") + HTMLTable.header("Đối tượng", "Object")
            + HTMLTable.header("Lần kiểm tra cuối", "Last check") + HTMLTable.header("Kết quả", "Outcome") + HTMLTable.header("Hư hỏng", "Damage")
            + "</tr></thead><tbody>\n"
        for object in objects.prefix(Self.htmlObjectRows) {
            let outcome: String
            switch object.outcome {
            case "intact": outcome = object.stale ? "nguyên vẹn, quá hạn / intact, stale" : "<span class=\"ok\">nguyên vẹn / intact</span>"
            case "never": outcome = "<span class=\"bad\">chưa kiểm tra / never</span>"
            default: outcome = "<span class=\"bad\">hỏng / \(e(object.outcome))</span>"
            }
            objectTable += "<tr>" + HTMLTable.text(object.rootName) + "<td><code>\(e(object.objectID))</code></td>"
                + HTMLTable.text(Self.time(object.lastCheckedAt)) + "<td>\(outcome)</td>"
                + "<td>\(object.damage.map { "<code>\(e($0))</code>" }.joined(separator: "<br>"))</td></tr>\n"
        }
        objectTable += "</tbody></table>"
        if objects.count > Self.htmlObjectRows {
            objectTable += "<p class=\"note\">… \(VietnameseNumber.grouped(objects.count - Self.htmlObjectRows)) dòng nữa trong bản CSV/JSON "
                + "<small>more rows in the CSV/JSON report</small></p>"
        }
        let sweepLine: String
        if let latest = sweeps.latest {
            sweepLine = "Lượt kiểm tra gần nhất / latest sweep #\(latest.id): \(e(latest.mode)), \(e(latest.scope)), \(e(latest.status)), "
                + "\(e(Self.time(latest.startedAt))) → \(e(latest.finishedAt.map { Self.time($0) } ?? "…")). "
                + "Tổng số lượt / sweeps: \(VietnameseNumber.grouped(sweeps.count)), chưa xong / unfinished: \(VietnameseNumber.grouped(sweeps.unfinished))."
        } else {
            sweepLine = "Chưa có lượt kiểm tra nào / no sweep recorded."
        }
        let page = HTMLPage(
            title: title, englishTitle: "Fixity, repair, replica and audit report",
            sections: [
                auditSection,
                "<section><h2>Phạm vi kiểm tra <small>Coverage (interval \(intervalDays) days)</small></h2>\n<p>\(sweepLine)</p>\n\(coverage)\n\(chart.svg)</section>",
                "<section><h2>Hư hỏng và sửa chữa <small>Damage found and repaired</small></h2>\n\(damageTable)\n\(repairTable)</section>",
                "<section><h2>Bản sao <small>Replicas</small></h2>\n\(replicaTable)</section>",
                "<section><h2>Lần kiểm tra cuối của từng đối tượng <small>Last check per object, worst first</small></h2>\n\(objectTable)</section>",
            ],
            byline: "Lập lúc \(e(VietnamTime.dateTime(generated))) <small>generated \(e(generatedAt))</small>",
            footer: "Kho lưu trữ số, \(e(VietnamTime.longDate(generated))). Người kiểm tra ký tên / auditor's signature: ____________________")
        return page.html
    }
}

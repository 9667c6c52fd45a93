import Foundation
import KhoCore
import Metadata

/// The biên bản giao nhận as a self-contained HTML page (no external resources), Vietnamese first with
/// English beside, ready to print and sign.
enum ReceiptHTML {
    /// The page for `receipt`.
    static func render(_ r: IngestReceipt) -> String {
        let documents = r.documents.enumerated().map { index, d in
            "<tr><td>\(index + 1)</td><td>\(e(d.docId))</td><td>\(e(d.number ?? ""))</td><td>\(e(d.issuedDate ?? ""))</td><td>\(e(d.subject))</td><td class=n>\(d.files)</td></tr>"
        }.joined(separator: "\n")
        let files = r.files.enumerated().map { index, f in
            "<tr><td>\(index + 1)</td><td>\(e(f.path))</td><td class=n>\(f.size)</td><td>\(e(f.puid ?? "—")) · \(e(f.mimeType))</td><td class=h>\(e(f.sha256))</td></tr>"
        }.joined(separator: "\n")
        let warnings = r.warnings.isEmpty ? "" : "<h2>Lưu ý <small>Notes</small></h2><ul>"
            + r.warnings.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        return """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8">
            <title>Biên bản giao nhận hồ sơ \(e(r.fileCode))</title>
            <style>
            body{font-family:"Times New Roman",serif;margin:2em;color:#111}
            h1{text-align:center;font-size:1.4em;margin-bottom:0}
            p.sub{text-align:center;margin-top:.2em;color:#555}
            table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.92em}
            th,td{border:1px solid #999;padding:.25em .4em;vertical-align:top;text-align:left}
            td.n{text-align:right}td.h{font-family:monospace;font-size:.8em;word-break:break-all}
            small{color:#666;font-weight:normal}.sign{display:flex;justify-content:space-around;margin-top:3em;text-align:center}
            </style></head><body>
            <p style="text-align:center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc</p>
            <h1>BIÊN BẢN GIAO NHẬN TÀI LIỆU LƯU TRỮ SỐ</h1>
            <p class="sub">Receipt for a digital records transfer · Mã lần nộp lưu / transfer: \(e(r.transferID))</p>
            <table>
            <tr><th>Đơn vị nộp lưu <small>Transferring unit</small></th><td>\(e(r.transferringUnit))</td></tr>
            <tr><th>Đơn vị nhận <small>Archive</small></th><td>\(e(r.archiveCode))</td></tr>
            <tr><th>Thời điểm nhận <small>Received</small></th><td>\(e(r.receivedAt))</td></tr>
            <tr><th>Thời điểm lập biên bản <small>Issued</small></th><td>\(e(r.issuedAt))</td></tr>
            <tr><th>Gói tin <small>Package</small></th><td>\(e(r.packageName)) (\(e(r.packageKind)))</td></tr>
            <tr><th>SHA-256 của gói <small>Package SHA-256</small></th><td class=h>\(e(r.packageSHA256))</td></tr>
            <tr><th>OBJID gói SIP</th><td>\(e(r.submissionObjectID ?? "—"))</td></tr>
            <tr><th>Trạng thái <small>Record status</small></th><td>\(e(r.recordStatus))</td></tr>
            <tr><th>Mã hồ sơ <small>File code</small></th><td>\(e(r.fileCode))</td></tr>
            <tr><th>Mã hồ sơ lưu trữ <small>Archival file code</small></th><td>\(e(r.arcFileCode))</td></tr>
            <tr><th>Tiêu đề hồ sơ <small>Title</small></th><td>\(e(r.title))</td></tr>
            <tr><th>Gói AIP <small>AIP / OCFL object</small></th><td>\(e(r.aipObjectID)) · \(e(r.version))</td></tr>
            <tr><th>Số lượng <small>Totals</small></th><td>1 hồ sơ / dossier · \(r.documents.count) tài liệu / documents · \(r.files.count) tệp / files · \(r.totalBytes) byte</td></tr>
            </table>
            <h2>Danh mục tài liệu <small>Documents</small></h2>
            <table><tr><th>TT</th><th>Mã tài liệu</th><th>Số, ký hiệu</th><th>Ngày</th><th>Trích yếu nội dung</th><th>Số tệp</th></tr>
            \(documents)
            </table>
            <h2>Danh mục tệp <small>Files</small></h2>
            <table><tr><th>TT</th><th>Tệp <small>path</small></th><th>Byte</th><th>Định dạng <small>format</small></th><th>SHA-256</th></tr>
            \(files)
            </table>
            \(warnings)
            <p>Tính toàn vẹn của từng tệp đã được kiểm tra theo giá trị băm SHA-256 khai báo trong gói. <small>Every file was
            verified against the SHA-256 declared in the package.</small> Phần mềm / software: \(e(r.software)).</p>
            <div class="sign"><div><b>BÊN GIAO</b><br><small>Transferring party</small><br><br><br>(Ký, ghi rõ họ tên)</div>
            <div><b>BÊN NHẬN</b><br><small>Receiving archive</small><br><br><br>(Ký, ghi rõ họ tên)</div></div>
            </body></html>

            """
    }

    /// HTML-escapes text.
    static func e(_ text: String) -> String { MarkupText.escape(text) }
}

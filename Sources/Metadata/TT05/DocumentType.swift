/// Tên loại văn bản (document type), TT05 `typeName`, codes 01–32.
///
/// Party types with no code of their own (Kết luận, Thông tri) map to 32 Khác.
public enum DocumentType: String, TT05Code {
    /// 01 Nghị quyết.
    case resolution = "01"
    /// 02 Quyết định.
    case decision = "02"
    /// 03 Chỉ thị.
    case directive = "03"
    /// 04 Quy chế.
    case statute = "04"
    /// 05 Quy định.
    case regulation = "05"
    /// 06 Thông cáo.
    case communique = "06"
    /// 07 Thông báo.
    case notice = "07"
    /// 08 Hướng dẫn.
    case guidance = "08"
    /// 09 Chương trình.
    case programme = "09"
    /// 10 Kế hoạch.
    case plan = "10"
    /// 11 Phương án.
    case scheme = "11"
    /// 12 Đề án.
    case projectProposal = "12"
    /// 13 Dự án.
    case project = "13"
    /// 14 Báo cáo.
    case report = "14"
    /// 15 Tờ trình.
    case submission = "15"
    /// 16 Giấy ủy quyền.
    case powerOfAttorney = "16"
    /// 17 Phiếu gửi.
    case dispatchSlip = "17"
    /// 18 Phiếu chuyển.
    case transferSlip = "18"
    /// 19 Phiếu báo.
    case notificationSlip = "19"
    /// 20 Biên bản.
    case minutes = "20"
    /// 21 Hợp đồng.
    case contract = "21"
    /// 22 Công văn.
    case officialLetter = "22"
    /// 23 Công điện.
    case officialTelegram = "23"
    /// 24 Bản ghi nhớ.
    case memorandum = "24"
    /// 25 Bản thỏa thuận.
    case agreement = "25"
    /// 26 Giấy mời.
    case invitation = "26"
    /// 27 Giấy giới thiệu.
    case introductionLetter = "27"
    /// 28 Giấy nghỉ phép.
    case leavePermit = "28"
    /// 29 Thư công.
    case publicLetter = "29"
    /// 30 Bản đồ.
    case map = "30"
    /// 31 Bản vẽ kỹ thuật.
    case technicalDrawing = "31"
    /// 32 Khác.
    case other = "32"

    /// Vietnamese label from TT05.
    public var vietnameseLabel: String {
        switch self {
        case .resolution: "Nghị quyết"
        case .decision: "Quyết định"
        case .directive: "Chỉ thị"
        case .statute: "Quy chế"
        case .regulation: "Quy định"
        case .communique: "Thông cáo"
        case .notice: "Thông báo"
        case .guidance: "Hướng dẫn"
        case .programme: "Chương trình"
        case .plan: "Kế hoạch"
        case .scheme: "Phương án"
        case .projectProposal: "Đề án"
        case .project: "Dự án"
        case .report: "Báo cáo"
        case .submission: "Tờ trình"
        case .powerOfAttorney: "Giấy ủy quyền"
        case .dispatchSlip: "Phiếu gửi"
        case .transferSlip: "Phiếu chuyển"
        case .notificationSlip: "Phiếu báo"
        case .minutes: "Biên bản"
        case .contract: "Hợp đồng"
        case .officialLetter: "Công văn"
        case .officialTelegram: "Công điện"
        case .memorandum: "Bản ghi nhớ"
        case .agreement: "Bản thỏa thuận"
        case .invitation: "Giấy mời"
        case .introductionLetter: "Giấy giới thiệu"
        case .leavePermit: "Giấy nghỉ phép"
        case .publicLetter: "Thư công"
        case .map: "Bản đồ"
        case .technicalDrawing: "Bản vẽ kỹ thuật"
        case .other: "Khác"
        }
    }

    /// English gloss.
    public var englishLabel: String {
        switch self {
        case .resolution: "Resolution"
        case .decision: "Decision"
        case .directive: "Directive"
        case .statute: "Statute"
        case .regulation: "Regulation"
        case .communique: "Communiqué"
        case .notice: "Notice"
        case .guidance: "Guidance"
        case .programme: "Programme"
        case .plan: "Plan"
        case .scheme: "Scheme"
        case .projectProposal: "Project proposal"
        case .project: "Project"
        case .report: "Report"
        case .submission: "Submission"
        case .powerOfAttorney: "Power of attorney"
        case .dispatchSlip: "Dispatch slip"
        case .transferSlip: "Transfer slip"
        case .notificationSlip: "Notification slip"
        case .minutes: "Minutes"
        case .contract: "Contract"
        case .officialLetter: "Official letter"
        case .officialTelegram: "Official telegram"
        case .memorandum: "Memorandum of understanding"
        case .agreement: "Agreement"
        case .invitation: "Invitation"
        case .introductionLetter: "Letter of introduction"
        case .leavePermit: "Leave permit"
        case .publicLetter: "Public letter"
        case .map: "Map"
        case .technicalDrawing: "Technical drawing"
        case .other: "Other"
        }
    }
}

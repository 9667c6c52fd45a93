/// Vietnamese names, document types and phrases the sample generator draws from.
enum SampleVocabulary {
    /// A transferring body: its name, the issuer part of its document numbers, its place and its agency code.
    struct Agency {
        var name: String
        var issuer: String
        var place: String
        var code: String
    }

    static let agencies: [Agency] = [
        Agency(name: "Đảng ủy xã Tân Lập", issuer: "ĐU", place: "Tân Lập", code: "H49.64.33"),
        Agency(name: "Đảng ủy xã Hòa Bình", issuer: "ĐU", place: "Hòa Bình", code: "H49.64.35"),
        Agency(name: "Đảng ủy thị trấn Phố Ràng", issuer: "ĐU", place: "Phố Ràng", code: "H49.64.12"),
        Agency(name: "Ban Thường vụ Huyện ủy Yên Sơn", issuer: "HU", place: "Yên Sơn", code: "H49.64"),
        Agency(name: "Ban Thường vụ Huyện ủy Bảo Yên", issuer: "HU", place: "Bảo Yên", code: "H49.65"),
        Agency(name: "Ủy ban Kiểm tra Huyện ủy Lục Yên", issuer: "UBKTHU", place: "Lục Yên", code: "H49.66.02"),
        Agency(name: "Ban Tuyên giáo Tỉnh ủy", issuer: "BTGTU", place: "Tuyên Quang", code: "H49.03"),
        Agency(name: "Văn phòng Tỉnh ủy", issuer: "VPTU", place: "Tuyên Quang", code: "H49.01"),
        Agency(name: "Ban Thường vụ Tỉnh ủy", issuer: "TU", place: "Tuyên Quang", code: "H49"),
    ]

    /// A Party document type: TT05 typeName code, the abbreviation in its number, its name in capitals.
    struct DocumentType {
        var code: String
        var abbreviation: String
        var heading: String
    }

    static let documentTypes: [DocumentType] = [
        DocumentType(code: "01", abbreviation: "NQ", heading: "NGHỊ QUYẾT"),
        DocumentType(code: "02", abbreviation: "QĐ", heading: "QUYẾT ĐỊNH"),
        DocumentType(code: "03", abbreviation: "CT", heading: "CHỈ THỊ"),
        DocumentType(code: "05", abbreviation: "QĐi", heading: "QUY ĐỊNH"),
        DocumentType(code: "07", abbreviation: "TB", heading: "THÔNG BÁO"),
        DocumentType(code: "08", abbreviation: "HD", heading: "HƯỚNG DẪN"),
        DocumentType(code: "10", abbreviation: "KH", heading: "KẾ HOẠCH"),
        DocumentType(code: "14", abbreviation: "BC", heading: "BÁO CÁO"),
        DocumentType(code: "20", abbreviation: "BB", heading: "BIÊN BẢN"),
        DocumentType(code: "32", abbreviation: "KL", heading: "KẾT LUẬN"),
    ]

    static let dossierTitles: [String] = [
        "Hồ sơ Đại hội Đảng bộ %PLACE% lần thứ XXV, nhiệm kỳ 2020 - 2025",
        "Tập nghị quyết, chỉ thị của %AGENCY% năm %YEAR%",
        "Hồ sơ hội nghị tổng kết công tác xây dựng Đảng năm %YEAR%",
        "Hồ sơ kiểm tra, giám sát việc thực hiện nghị quyết năm %YEAR%",
        "Tập báo cáo tình hình thực hiện nhiệm vụ chính trị của %AGENCY% năm %YEAR%",
        "Hồ sơ về công tác phát triển đảng viên năm %YEAR%",
        "Hồ sơ học tập, quán triệt nghị quyết của Trung ương năm %YEAR%",
    ]

    static let subjects: [String] = [
        "Về lãnh đạo phát triển kinh tế - xã hội năm %YEAR%",
        "Về tăng cường công tác xây dựng, chỉnh đốn Đảng",
        "Kết quả thực hiện nhiệm vụ chính trị 6 tháng đầu năm %YEAR%",
        "Về công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
        "Về việc tổ chức học tập, quán triệt nghị quyết của Đảng bộ tỉnh",
        "Về công tác phát triển đảng viên trong thanh niên",
        "Về đẩy mạnh chuyển đổi số trong các cơ quan đảng",
        "Về xây dựng nông thôn mới nâng cao tại %PLACE%",
        "Về công tác chuẩn bị đại hội chi bộ trực thuộc",
        "Về bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái",
    ]

    static let bodySentences: [String] = [
        "Căn cứ Điều lệ Đảng Cộng sản Việt Nam và Quy chế làm việc của cấp ủy khóa mới.",
        "Thực hiện chương trình công tác toàn khóa, cấp ủy đã tập trung lãnh đạo các nhiệm vụ trọng tâm.",
        "Các chi bộ trực thuộc tổ chức quán triệt đầy đủ, nghiêm túc tới từng đảng viên.",
        "Tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững, đời sống nhân dân ổn định.",
        "Công tác kiểm tra, giám sát được tăng cường; kịp thời phát hiện và chấn chỉnh thiếu sót.",
        "Giao Văn phòng cấp ủy theo dõi, đôn đốc và báo cáo kết quả thực hiện định kỳ hằng quý.",
        "Tổng sản phẩm trên địa bàn tăng 7,2%; thu nhập bình quân đầu người đạt 48 triệu đồng.",
        "Đồng chí Bí thư chủ trì hội nghị; các đồng chí ủy viên Ban Chấp hành dự đầy đủ.",
        "Nghị quyết này có hiệu lực kể từ ngày ký, được phổ biến đến chi bộ và đảng viên.",
        "Đề nghị các đồng chí cấp ủy viên phụ trách địa bàn trực tiếp chỉ đạo, kiểm tra.",
    ]

    static let keywords: [String] = [
        "xây dựng Đảng", "kiểm tra giám sát", "đại hội", "phát triển kinh tế", "nông thôn mới",
        "công tác cán bộ", "chuyển đổi số", "tuyên giáo",
    ]

    static let signers: [String] = [
        "Nguyễn Văn Hùng", "Trần Thị Hương", "Lê Đức Thắng", "Phạm Minh Tuấn", "Hoàng Thị Lan", "Vũ Quốc Khánh",
    ]
}

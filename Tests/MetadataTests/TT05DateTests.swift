import Testing
@testable import Metadata

@Suite("TT05 dates and code lists")
struct TT05DateTests {
    @Test func parsesTheThreeFormsAndPrintsThemCanonically() throws {
        let day = try #require(TT05Date(tt05Text: "05/01/2001"))
        #expect(day.precision == .day)
        #expect((day.day, day.month, day.year) == (5, 1, 2001))
        #expect(TT05Date(tt05Text: " 5/1/2001 ")?.tt05Text == "05/01/2001")
        #expect(TT05Date(tt05Text: "12/2001")?.precision == .month)
        #expect(TT05Date(tt05Text: "2001")?.precision == .year)
        #expect(TT05Date(tt05Text: "29/02/2000") != nil)
    }

    @Test(arguments: ["", "2001-01-05", "30/02/2001", "29/02/1900", "32/01/2001", "13/2001", "01/13/2001", "05/01/01", "abcd", "1/1/1/2001", "0/2001"])
    func refusesWhatIsNotADate(_ text: String) {
        #expect(TT05Date(tt05Text: text) == nil)
    }

    @Test func comparesPartialDatesAsRanges() throws {
        let year = try #require(TT05Date(tt05Text: "2001"))
        let march = try #require(TT05Date(tt05Text: "05/03/2001"))
        let june = try #require(TT05Date(tt05Text: "06/2001"))
        let may = try #require(TT05Date(tt05Text: "05/2001"))
        #expect(year.canPrecede(march))
        #expect(march.canPrecede(year), "the year 2001 may end after 5 March")
        #expect(!june.canPrecede(may))
        #expect(may.canPrecede(june))
        #expect(year.latestDay == TT05Date.DayStamp(year: 2001, month: 12, day: 31))
        #expect(TT05Date(tt05Text: "02/2024")?.latestDay.day == 29)
        #expect(march.fallsWithin(start: year, end: year))
        #expect(!march.fallsWithin(start: june, end: nil))
        #expect(march.fallsWithin(start: nil, end: june))
    }

    @Test func codeListsCarryVietnameseLabelsAndTolerateMissingZero() {
        #expect(Maintenance(tt05Text: "1") == .permanent)
        #expect(Maintenance(tt05Text: " 01 ")?.vietnameseLabel == "Vĩnh viễn")
        #expect(Maintenance(tt05Text: "08") == nil)
        #expect(AccessMode.secret.vietnameseLabel == "Mật")
        #expect(Language.allCases.count == 11)
        #expect(Language(tt05Text: "09")?.vietnameseLabel == "Hán Nôm")
        #expect(DocumentType.allCases.count == 32)
        #expect(DocumentType(tt05Text: "01")?.vietnameseLabel == "Nghị quyết")
        #expect(DocumentType(tt05Text: "22")?.vietnameseLabel == "Công văn")
        #expect(DocumentType(tt05Text: "32") == .other)
        #expect(DocumentType(tt05Text: "33") == nil)
        #expect(ConfidenceLevel.digitized.hasPaperOriginal)
        #expect(!ConfidenceLevel.bornDigital.hasPaperOriginal)
        #expect(RiskRecoveryStatus(tt05Text: "02") == .notYet)
        #expect(TT05Flag(tt05Text: "1") == .yes)
        #expect(TT05Flag(tt05Text: "2") == nil)
        #expect(Int(tt05Text: "012") == 12)
        #expect(Int(tt05Text: "-1") == nil)
        #expect(Int(tt05Text: "1.0") == nil)
    }

    @Test func valuesKeepInvalidTextForReporting() {
        let value = TT05Value<AccessMode>(text: " 04 ")
        #expect(value.text == "04")
        #expect(value.value == nil)
        #expect(value.isInvalid)
        #expect(TT05Value<AccessMode>(text: "").isEmpty)
        #expect(!TT05Value<AccessMode>(text: "").isInvalid)
        #expect(TT05Value(AccessMode.conditional).text == "02")
    }
}

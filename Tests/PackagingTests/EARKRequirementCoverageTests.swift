import Foundation
import KhoTestSupport
@testable import Packaging
import Testing

/// Every requirement of the E-ARK CSIP 2.2 and SIP 2.2 profiles (read from ../shared, as published) and every
/// CSIPSTR rule of the CSIP text is either checked by Kho's code or listed with a reason: nothing is skipped silently.
@Suite struct EARKRequirementCoverageTests {
    /// (ID, level) pairs of a METS profile, read from the profile XML.
    static func profileRequirements(_ relative: String) throws -> [(String, String)] {
        let url = TestEnvironment.corpus("eark-profiles").appendingPathComponent(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        let tag = try NSRegularExpression(pattern: #"<requirement\s[^>]*>"#)
        let id = try NSRegularExpression(pattern: #"\sID="([^"]+)""#)
        let level = try NSRegularExpression(pattern: #"\sREQLEVEL="([A-Z]+)""#)
        func capture(_ regex: NSRegularExpression, _ text: String) -> String? {
            guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(match.range(at: 1), in: text) else { return nil }
            return String(text[range])
        }
        return tag.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            let element = String(text[range])
            guard let identifier = capture(id, element), let requirementLevel = capture(level, element) else { return nil }
            return (identifier, requirementLevel)
        }
    }

    /// The Swift sources of the rules (catalog and coverage tables excluded).
    static func ruleSources() throws -> String {
        let folder = TestEnvironment.repositoryRoot.appendingPathComponent("Sources/Packaging/SIP")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("RequirementCatalog") && !$0.hasPrefix("RequirementCoverage") }
        return try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
    }

    @Test(arguments: ["CSIP/profile/E-ARK-CSIP-v2-2-0.xml", "SIP/profile/E-ARK-SIP-v2-2-0.xml"])
    func everyProfileRequirementIsCoveredWithItsLevel(profile: String) throws {
        let requirements = try Self.profileRequirements(profile)
        #expect(requirements.count > 30)
        let sources = try Self.ruleSources()
        for (id, level) in requirements {
            let encoded = RequirementCatalog.requirement(id)
            #expect(encoded != nil, "\(id) of \(profile) is not in RequirementCatalog")
            #expect(encoded?.level.rawValue == level, "\(id): profile says \(level), catalog says \(encoded?.level.rawValue ?? "-")")
            switch RequirementCatalog.coverage(of: id) {
            case .checked:
                #expect(sources.contains("\"\(id)\""), "\(id) is marked checked but no rule reports it")
            case .coveredBy(let reason), .notMachineCheckable(let reason):
                #expect(reason.count > 20, "\(id) needs a real reason")
                #expect(reason != "unknown requirement", "\(id) is neither checked nor explained")
            }
        }
    }

    @Test func everyStructureRequirementOfTheCSIPTextIsCovered() throws {
        let url = TestEnvironment.shared.appendingPathComponent("standards/specs/eark/csip-2.2.0/specification/implementation/structure/folders/requirements.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let regex = try NSRegularExpression(pattern: #"\*\*(CSIPSTR\d+)\*\*: .*?\*\*(MUST|SHOULD|MAY)\*\*"#)
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(matches.count == 16)
        let sources = try Self.ruleSources()
        for match in matches {
            guard let idRange = Range(match.range(at: 1), in: text), let levelRange = Range(match.range(at: 2), in: text) else { continue }
            let id = String(text[idRange])
            #expect(RequirementCatalog.requirement(id)?.level.rawValue == String(text[levelRange]), "\(id) level")
            if case .checked = RequirementCatalog.coverage(of: id) {
                #expect(sources.contains("\"\(id)\""), "\(id) is marked checked but no rule reports it")
            }
        }
    }

    @Test func theCatalogHasNoRequirementTheProfilesDoNotKnow() throws {
        let published = Set(try Self.profileRequirements("CSIP/profile/E-ARK-CSIP-v2-2-0.xml").map(\.0)
            + Self.profileRequirements("SIP/profile/E-ARK-SIP-v2-2-0.xml").map(\.0))
        let encoded = Set((RequirementCatalog.csip + RequirementCatalog.sip).map(\.id))
        #expect(encoded == published)
        // Every ID given a reason exists somewhere.
        for id in RequirementCatalog.notChecked.keys {
            #expect(RequirementCatalog.requirement(id) != nil, "\(id) has a reason but is no requirement")
        }
    }
}

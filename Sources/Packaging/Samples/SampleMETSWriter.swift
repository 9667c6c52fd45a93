import KhoCore
import Metadata
/// Writes the two METS documents of a sample TT05 SIP_hoso (package and representation), E-ARK CSIP/SIP 2.2 shaped.
struct SampleMETSWriter {
    /// Profile URL declared in `mets/@PROFILE` (SIP2).
    static let profile = "https://earksip.dilcis.eu/profile/E-ARK-SIP-v2-2-0.xml"
    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>

        """
    static let namespaces = """
        xmlns:mets="http://www.loc.gov/METS/" xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" \
        xmlns:sip="https://DILCIS.eu/XML/METS/SIPExtensionMETS" xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd"
        """

    var created: String
    var random: SeededGenerator

    private mutating func id(_ prefix: String = "uuid-") -> String { prefix + random.uuid() }

    private func e(_ text: String) -> String { MarkupText.escape(text) }

    private func fileAttributes(_ file: WrittenFile) -> String {
        "MIMETYPE=\"\(file.mimeType)\" SIZE=\"\(file.size)\" CREATED=\"\(created)\" CHECKSUM=\"\(file.sha256.uppercased())\" CHECKSUMTYPE=\"SHA-256\""
    }

    private func mdRef(_ file: WrittenFile, type: String) -> String {
        "<mets:mdRef LOCTYPE=\"URL\" xlink:type=\"simple\" xlink:href=\"\(e(file.href))\" MDTYPE=\"\(type)\" MDTYPEVERSION=\"1.0.0\" \(fileAttributes(file))/>"
    }

    private func softwareAgent() -> String {
        """
            <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">
              <mets:name>Kho</mets:name>
              <mets:note csip:NOTETYPE="SOFTWARE VERSION">0.1.0</mets:note>
            </mets:agent>
        """
    }

    /// The representation METS (`representations/rep1/METS.xml`): one dmdSec per document, the data files.
    mutating func representation(objid: String, label: String, documents: [(record: WrittenFile, data: [WrittenFile])]) -> String {
        var dmdSecs = ""
        var files = ""
        var dmdIDs: [String] = []
        for document in documents {
            let dmdID = id()
            dmdIDs.append(dmdID)
            dmdSecs += """
                  <mets:dmdSec ID="\(dmdID)" CREATED="\(created)" STATUS="CURRENT">
                    \(mdRef(document.record, type: "DC"))
                  </mets:dmdSec>

                """
            for data in document.data {
                files += """
                        <mets:file ID="\(id("ID-"))" \(fileAttributes(data)) DMDID="\(dmdID)">
                          <mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="\(e(data.href))"/>
                        </mets:file>

                    """
            }
        }
        let grpID = id()
        let fileSec = files.isEmpty ? "" : """
              <mets:fileSec ID="\(id())">
                <mets:fileGrp ID="\(grpID)" USE="Data">
            \(files)    </mets:fileGrp>
              </mets:fileSec>

            """
        let dataDiv = files.isEmpty ? "" : """
                  <mets:div ID="\(id())" LABEL="Data">
                    <mets:fptr FILEID="\(grpID)"/>
                  </mets:div>

            """
        let metadataDiv = dmdIDs.isEmpty ? "" : """
                  <mets:div ID="\(id())" LABEL="Metadata" DMDID="\(dmdIDs.joined(separator: " "))"/>

            """
        return Self.header + """
            <mets:mets \(Self.namespaces) OBJID="\(e(objid))" LABEL="\(e(label))" TYPE="Textual works – Digital" csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="TT05/2025/TT-BNV SIP_hoso" PROFILE="\(Self.profile)">
              <mets:metsHdr CREATEDATE="\(created)" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">
            \(softwareAgent())
              </mets:metsHdr>
            \(dmdSecs)\(fileSec)  <mets:structMap ID="\(id())" TYPE="PHYSICAL" LABEL="CSIP">
                <mets:div ID="\(id())" LABEL="\(e(objid))">
            \(metadataDiv)\(dataDiv)    </mets:div>
              </mets:structMap>
            </mets:mets>

            """
    }

    /// The package METS (`METS.xml` at the root): agents, the dossier record, a pointer to the representation.
    mutating func package(objid: String, dossier: SampleDossier, ead: WrittenFile, representationMETS: WrittenFile) -> String {
        let dmdID = id()
        let grpID = id()
        return Self.header + """
            <mets:mets \(Self.namespaces) OBJID="\(e(objid))" LABEL="\(e(dossier.title))" TYPE="Textual works – Digital" csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="TT05/2025/TT-BNV SIP_hoso" PROFILE="\(Self.profile)">
              <mets:metsHdr CREATEDATE="\(created)" LASTMODDATE="\(created)" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">
            \(softwareAgent())
                <mets:agent ROLE="CREATOR" TYPE="ORGANIZATION">
                  <mets:name>\(e(dossier.agency.name))</mets:name>
                  <mets:note csip:NOTETYPE="IDENTIFICATIONCODE">\(e(dossier.agency.code))</mets:note>
                </mets:agent>
                <mets:agent ROLE="ARCHIVIST" TYPE="ORGANIZATION">
                  <mets:name>\(e(dossier.agency.name))</mets:name>
                </mets:agent>
                <mets:altRecordID TYPE="SUBMISSIONAGREEMENT">\(e(dossier.fileCode))</mets:altRecordID>
              </mets:metsHdr>
              <mets:dmdSec ID="\(dmdID)" CREATED="\(created)" STATUS="CURRENT">
                \(mdRef(ead, type: "DC"))
              </mets:dmdSec>
              <mets:amdSec/>
              <mets:fileSec ID="\(id())">
                <mets:fileGrp ID="\(grpID)" USE="Representations/rep1" csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="TT05/2025/TT-BNV SIP_hoso">
                  <mets:file ID="\(id("ID-"))" \(fileAttributes(representationMETS))>
                    <mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="\(e(representationMETS.href))"/>
                  </mets:file>
                </mets:fileGrp>
              </mets:fileSec>
              <mets:structMap ID="\(id())" TYPE="PHYSICAL" LABEL="CSIP">
                <mets:div ID="\(id())" LABEL="\(e(objid))">
                  <mets:div ID="\(id())" LABEL="Metadata" DMDID="\(dmdID)"/>
                  <mets:div ID="\(id())" LABEL="Representations/rep1">
                    <mets:mptr LOCTYPE="URL" xlink:type="simple" xlink:href="\(e(representationMETS.href))" xlink:title="\(grpID)"/>
                  </mets:div>
                </mets:div>
              </mets:structMap>
            </mets:mets>

            """
    }
}

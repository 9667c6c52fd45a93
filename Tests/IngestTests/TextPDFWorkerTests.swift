import Foundation
import Ingest
import KhoTestSupport
import Packaging
import PDFTextProtocol
import Testing

/// PDF text read in worker processes (the `kho-pdf-text` executable, started by `PDFTextWorkerPool`): the same
/// text from any pool, a crash or a hang costs one file's text and names the file, the next file gets a fresh
/// worker, `kho ingest` survives a crashing PDF, no worker outlives its pool, `kho` finds the worker beside itself
/// (or at `KHO_PDF_TEXT_WORKER`) and names it when it is missing, and `kho` itself does not load poppler.
@Suite("PDF text worker processes", .serialized)
struct TextPDFWorkerTests {
    static var catalog: String { TestEnvironment.corpus("xsd").appendingPathComponent("catalog.xml").path }

    /// The worker command, with the environment set through `env` (the pool passes its own on).
    static func workerArguments(_ variables: [String: String]) -> [String] {
        ["/usr/bin/env"] + variables.map { "\($0.key)=\($0.value)" } + [TestEnvironment.pdfTextWorkerExecutable.path]
    }

    /// Processes of this user whose environment holds `marker` (a variable=value only one test sets).
    static func processes(withEnvironment marker: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == marker }
        }
    }

    /// The PDFs of a fresh sample SIP folder, in name order.
    static func samplePDFs(_ temp: TemporaryDirectory, documents: Int = 3, seed: UInt64) throws -> (package: String, pdfs: [String]) {
        let package = try SampleSIPGenerator(options: SampleSIPOptions(dossiers: 1, documents: documents, seed: seed, zip: false),
                                             zipper: SampleZipper.zip).generate(into: temp.path + "/in")[0].path
        let data = package + "/representations/rep1/data"
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.hasSuffix(".pdf") }.sorted().map { data + "/" + $0 }
        return (package, pdfs)
    }

    @Test func workersGiveTheSameTextAndKeepErrorKinds() throws {
        let temp = try TemporaryDirectory("kho-pdf-worker")
        let (_, pdfs) = try Self.samplePDFs(temp, seed: 301)
        // A path no line-based protocol could carry: a line break and a quote in the name.
        let odd = temp.path + "/tên\nlạ \"x\".pdf"
        try FileManager.default.copyItem(atPath: pdfs[0], toPath: odd)
        let damaged = temp.path + "/hong.pdf"
        try Data("%PDF-1.4\nkhông phải PDF\n".utf8).write(to: URL(fileURLWithPath: damaged))

        let marker = "KHO_TEST_WORKER_RUN=\(UUID().uuidString)"
        let pool = PDFTextWorkerPool(arguments: Self.workerArguments([String(marker.split(separator: "=")[0]): String(marker.split(separator: "=")[1])]))
        // `TextExtractor()` reads through the standard pool: the worker found beside this test program.
        let outside = TextExtractor(pdfWorkers: pool), standard = TextExtractor()
        for path in pdfs + [odd] {
            let url = URL(fileURLWithPath: path)
            let id = try FormatIdentifier().identify(fileAt: url)
            let a = try outside.extract(fileAt: url, identification: id), b = try standard.extract(fileAt: url, identification: id)
            #expect(a == b, "\(path)")
            guard case .extracted(let text) = a else { Issue.record("no text: \(path)"); continue }
            #expect(text.text.count > 100)
        }
        let damagedID = try FormatIdentifier().identify(fileAt: URL(fileURLWithPath: damaged))
        #expect(throws: TextExtractionError.self) { try outside.extract(fileAt: URL(fileURLWithPath: damaged), identification: damagedID) }
        do {
            _ = try outside.extract(fileAt: URL(fileURLWithPath: damaged), identification: damagedID)
        } catch {
            #expect(error.kind == .damaged && error.path == damaged)
        }
        // One worker served all of them (one thread here), and it ends with the pool.
        #expect(Self.processes(withEnvironment: marker).count == 1)
        pool.shutdown()
        #expect(Self.processes(withEnvironment: marker).isEmpty)
    }

    @Test func crashingWorkerNamesTheFileAndTheNextFileGetsAFreshOne() throws {
        let temp = try TemporaryDirectory("kho-pdf-worker-crash")
        let (_, pdfs) = try Self.samplePDFs(temp, seed: 302)
        let victim = (pdfs[1] as NSString).lastPathComponent
        let pool = PDFTextWorkerPool(arguments: Self.workerArguments([PDFTextWorker.crashHookVariable: victim]))
        defer { pool.shutdown() }
        let extractor = TextExtractor(pdfWorkers: pool)
        var outcomes: [String: Result<TextExtractionOutcome, TextExtractionError>] = [:]
        for path in pdfs {
            let url = URL(fileURLWithPath: path)
            let id = try FormatIdentifier().identify(fileAt: url)
            do { outcomes[path] = .success(try extractor.extract(fileAt: url, identification: id)) } catch { outcomes[path] = .failure(error) }
        }
        guard case .failure(let error)? = outcomes[pdfs[1]] else {
            Issue.record("no crash reported for \(victim)")
            return
        }
        #expect(error.kind == .crashed && error.rule == "KHO-TEXT-PDF-CRASH")
        #expect(error.path == pdfs[1])
        #expect(error.detail.contains("signal 6"), "\(error.detail)")
        #expect(error.description.contains(victim) && error.message.vi.contains("Trình đọc PDF") && error.message.en.contains("crashed"))
        for path in [pdfs[0], pdfs[2]] {
            guard case .success(.extracted(let text))? = outcomes[path] else { Issue.record("no text after the crash: \(path)"); continue }
            #expect(text.text.count > 100)
        }
    }

    @Test func hungWorkerIsKilledAtTheTimeBudget() throws {
        let temp = try TemporaryDirectory("kho-pdf-worker-hang")
        let (_, pdfs) = try Self.samplePDFs(temp, seed: 303)
        let victim = (pdfs[0] as NSString).lastPathComponent
        let marker = "\(PDFTextWorker.hangHookVariable)=\(victim)"
        let pool = PDFTextWorkerPool(arguments: Self.workerArguments([PDFTextWorker.hangHookVariable: victim]), grace: .milliseconds(500))
        defer { pool.shutdown() }
        let extractor = TextExtractor(timeout: .seconds(1), pdfWorkers: pool)
        let url = URL(fileURLWithPath: pdfs[0])
        let id = try FormatIdentifier().identify(fileAt: url)
        let clock = ContinuousClock(), start = clock.now
        do {
            _ = try extractor.extract(fileAt: url, identification: id)
            Issue.record("a hung worker gave an answer")
        } catch {
            #expect(error.kind == .timedOut && error.rule == "KHO-TEXT-PDF-TIMEOUT" && error.path == pdfs[0])
            #expect(error.detail.contains("signal 9"), "\(error.detail)")
        }
        let elapsed = clock.now - start
        #expect(elapsed >= .milliseconds(1500) && elapsed < .seconds(10), "\(elapsed)")
        // Killed and reaped: no process with the hook is left, and the next file gets a worker that answers.
        #expect(Self.processes(withEnvironment: marker).isEmpty)
        let next = URL(fileURLWithPath: pdfs[1])
        guard case .extracted(let text) = try extractor.extract(fileAt: next, identification: try FormatIdentifier().identify(fileAt: next)) else {
            Issue.record("no text from the fresh worker")
            return
        }
        #expect(text.text.count > 100)
    }

    /// `kho ingest` on a SIP whose one PDF crashes the reader: archived, the file named on the receipt, the other
    /// PDFs' words found by `kho search`, the crashed one's not, and no worker left behind.
    @Test func ingestSurvivesAPDFThatCrashesTheReader() throws {
        let temp = try TemporaryDirectory("kho-pdf-worker-ingest")
        let (package, pdfs) = try Self.samplePDFs(temp, documents: 4, seed: 304)
        let victimName = (pdfs[1] as NSString).lastPathComponent
        let victimDocId = (victimName as NSString).deletingPathExtension
        let hook = "/data/" + victimName
        let home = temp.path + "/home"
        let result = try runKho(["ingest", "--home", home, "--catalog", Self.catalog, "--json", package],
                                environment: [PDFTextWorker.crashHookVariable: hook])
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        let outcomes = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(outcomes.first?["status"] as? String == "accepted")
        let receipt = try #require(outcomes.first?["receipt"] as? [String: Any])
        let warnings = receipt["warnings"] as? [String] ?? []
        let crash = warnings.filter { $0.hasPrefix("KHO-TEXT-PDF-CRASH") }
        #expect(crash.count == 1, "\(warnings)")
        #expect(crash.first?.contains(victimName) == true && crash.first?.contains("The PDF reader crashed") == true
                && crash.first?.contains("Trình đọc PDF dừng bất thường") == true, "\(crash)")
        let files = receipt["files"] as? [[String: Any]] ?? []
        #expect(files.contains { ($0["path"] as? String)?.hasSuffix(victimName) == true }, "the crashed file is archived")
        #expect(Self.processes(withEnvironment: "\(PDFTextWorker.crashHookVariable)=\(hook)").isEmpty)

        // Words of the text layers that no metadata file of the package holds: only the PDF text can match them.
        let metadata = try FileManager.default.subpathsOfDirectory(atPath: package).filter { $0.hasSuffix(".xml") }
            .map { try String(contentsOfFile: package + "/" + $0, encoding: .utf8) }.joined(separator: "\n").lowercased()
        func words(_ pdf: String) throws -> [String] {
            let url = URL(fileURLWithPath: pdf)
            guard case .extracted(let text) = try TextExtractor().extract(fileAt: url, identification: try FormatIdentifier().identify(fileAt: url)) else { return [] }
            return text.text.split(whereSeparator: { !$0.isLetter }).map(String.init)
                .filter { $0.count >= 5 && !metadata.contains($0.lowercased()) }
        }
        func hits(_ word: String) throws -> [String] {
            let search = try runKho(["search", "--home", home, "--json", word])
            #expect(search.status == 0, "\(search.stderr)")
            let output = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any]
            return (output?["hits"] as? [[String: Any]] ?? []).compactMap { $0["docId"] as? String }
        }
        let survivor = pdfs[0], survivorDocId = ((survivor as NSString).lastPathComponent as NSString).deletingPathExtension
        let found = try #require(try words(survivor).first)
        #expect(try hits(found).contains(survivorDocId), "'\(found)' of \(survivorDocId) not found")
        let lost = try #require(try words(pdfs[1]).first)
        #expect(!(try hits(lost).contains(victimDocId)), "'\(lost)' found in \(victimDocId), whose reader crashed")

        // Without --json, the line for the package names the file too.
        let plain = try runKho(["ingest", "--home", temp.path + "/home2", "--catalog", Self.catalog, package],
                               environment: [PDFTextWorker.crashHookVariable: hook])
        #expect(plain.status == 0 && plain.stdout.contains("⚠ KHO-TEXT-PDF-CRASH [representations/rep1/data/\(victimName)]"), "\(plain.stdout)")

        // The worker is its own program now: `kho internal pdf-text-worker` is gone.
        let help = try runKho(["--help"])
        #expect(help.status == 0 && help.stdout.contains("ingest") && !help.stdout.contains("internal"))
        #expect(try runKho(["internal", "pdf-text-worker"]).status == 2)
    }

    /// `kho` alone in a folder: every PDF gets `KHO-TEXT-PDF-WORKER-MISSING` naming the path beside it, the package is
    /// still archived; with `KHO_PDF_TEXT_WORKER` naming the built worker the same package's PDFs give their text.
    @Test func khoFindsTheWorkerBesideItselfOrThroughTheEnvironment() throws {
        let temp = try TemporaryDirectory("kho-pdf-worker-missing")
        let (package, pdfs) = try Self.samplePDFs(temp, documents: 2, seed: 305)
        let bin = temp.path + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let lonely = URL(fileURLWithPath: bin + "/kho")
        try FileManager.default.copyItem(at: TestEnvironment.khoExecutable, to: lonely)
        let expected = bin + "/kho-pdf-text"

        let missing = try runProcess(lonely, ["ingest", "--home", temp.path + "/home1", "--catalog", Self.catalog, "--json", package],
                                     environment: [PDFTextWorker.executableVariable: ""])
        #expect(missing.status == 0, "\(missing.stderr)\n\(missing.stdout)")
        let outcomes = try #require(try JSONSerialization.jsonObject(with: Data(missing.stdout.utf8)) as? [[String: Any]])
        #expect(outcomes.first?["status"] as? String == "accepted")
        let receipt = try #require(outcomes.first?["receipt"] as? [String: Any])
        let warnings = (receipt["warnings"] as? [String] ?? []).filter { $0.hasPrefix("KHO-TEXT-PDF-WORKER-MISSING") }
        #expect(warnings.count == pdfs.count, "\(warnings)")
        for warning in warnings {
            #expect(warning.contains(expected) && warning.contains("Không tìm thấy chương trình đọc PDF")
                    && warning.contains("The PDF reader program was not found"), "\(warning)")
        }
        let files = receipt["files"] as? [[String: Any]] ?? []
        for pdf in pdfs {
            let name = (pdf as NSString).lastPathComponent
            #expect(files.contains { ($0["path"] as? String)?.hasSuffix(name) == true }, "\(name) not archived")
        }

        let found = try runProcess(lonely, ["ingest", "--home", temp.path + "/home2", "--catalog", Self.catalog, "--json", package],
                                   environment: [PDFTextWorker.executableVariable: TestEnvironment.pdfTextWorkerExecutable.path])
        #expect(found.status == 0, "\(found.stderr)")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [[String: Any]])
        let secondWarnings = (second.first?["receipt"] as? [String: Any])?["warnings"] as? [String] ?? []
        #expect(!secondWarnings.contains { $0.hasPrefix("KHO-TEXT") }, "\(secondWarnings)")
    }

    /// The reason for the worker executable: `kho` links no poppler (nor cairo, X11, nss, fontconfig) and does not
    /// load it while an ingest reads PDFs, while the worker does. Read from `ldd` and from the running processes' maps.
    @Test func khoDoesNotLoadPoppler() throws {
        let heavy = ["libpoppler", "libcairo", "libX11", "libnss3", "libfontconfig"]
        let ldd = try #require(which("ldd"), "ldd (libc-bin) is needed")
        let kho = try runProcess(ldd, [TestEnvironment.khoExecutable.path])
        #expect(kho.status == 0 && kho.stdout.contains("libc.so"), "\(kho.stderr)")
        for library in heavy { #expect(!kho.stdout.contains(library), "kho links \(library):\n\(kho.stdout)") }
        let worker = try runProcess(ldd, [TestEnvironment.pdfTextWorkerExecutable.path])
        #expect(worker.stdout.contains("libpoppler-glib"), "the worker should link poppler:\n\(worker.stdout)")

        // At run time: an ingest whose first PDF hangs its worker, caught while both processes live.
        let temp = try TemporaryDirectory("kho-pdf-worker-maps")
        let (package, pdfs) = try Self.samplePDFs(temp, documents: 1, seed: 306)
        let marker = "KHO_TEST_MAPS_RUN=\(UUID().uuidString)"
        let process = Process()
        process.executableURL = TestEnvironment.khoExecutable
        process.arguments = ["ingest", "--home", temp.path + "/home", "--catalog", Self.catalog, package]
        // The worker hangs on the PDF, which keeps both processes alive long enough to read their maps; the marker
        // (passed on to the worker) tells this test's processes from any other.
        process.environment = ProcessInfo.processInfo.environment.merging(
            [PDFTextWorker.hangHookVariable: "/data/" + (pdfs[0] as NSString).lastPathComponent,
             String(marker.split(separator: "=")[0]): String(marker.split(separator: "=")[1])]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var workers: [Int32] = []
        for _ in 0..<600 where workers.isEmpty {
            workers = Self.processes(withEnvironment: marker).filter { $0 != process.processIdentifier }
            if workers.isEmpty { usleep(50_000) }
        }
        defer {
            for pid in workers { kill(pid, SIGKILL) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let workerPID = try #require(workers.first, "no worker process started")
        usleep(200_000)  // the worker has read its request and hangs; kho waits for its answer
        // Read to the end (a /proc file reports size 0, so a sized read stops short).
        func maps(_ pid: Int32) throws -> String {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/\(pid)/maps"))
            defer { try? handle.close() }
            return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        }
        let khoMaps = try maps(process.processIdentifier), workerMaps = try maps(workerPID)
        #expect(khoMaps.contains("libswiftCore") || khoMaps.contains("/kho"), "not kho's maps")
        for library in heavy { #expect(!khoMaps.contains(library), "kho loaded \(library) at run time") }
        #expect(workerMaps.contains("libpoppler-glib"), "the worker's maps show no poppler")
    }
}

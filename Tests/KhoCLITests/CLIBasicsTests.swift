import KhoTestSupport
import Testing

@Suite struct CLIBasicsTests {
    @Test func usageErrorsExitTwo() throws {
        let result = try runKho(["ocfl", "validate", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test func versionIsPrinted() throws {
        let result = try runKho(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("0."))
    }
}

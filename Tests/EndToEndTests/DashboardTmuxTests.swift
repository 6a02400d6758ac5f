import Foundation
import Testing

/// The real binary's dashboard in a tmux terminal against the embedded server: panels appear,
/// a weight changes, pause stops the operation count, resume starts it again, resizes redraw,
/// q quits and the reports are written.
@Suite(.serialized) struct DashboardTmuxTests {
    /// The number after `ops ` in the header.
    static func operations(_ screen: String) -> String? {
        guard let range = screen.range(of: #"ops [0-9.]+k?"#, options: .regularExpression) else {
            return nil
        }
        return String(screen[range].dropFirst(4))
    }

    @Test(.timeLimit(.minutes(2))) func dashboardDrivesALiveRun() throws {
        #expect(TmuxSession.isInstalled, "tmux is missing: run scripts/setup")
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sartor-dashboard-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let reports = directory.appendingPathComponent("reports")
        let command =
            "'\(BuiltExecutable.url.path)' run --agents 8 --think 20ms..80ms --work 10ms..30ms "
            + "--duration 2m --report-dir '\(reports.path)'; echo EXIT=$?; sleep 60"
        let session = try TmuxSession(
            command: command, width: 120, height: 40, directory: directory)
        defer { session.close() }

        // Every panel shows.
        let first = try session.waitFor("all panels") { screen in
            [
                "RUNNING", "Operations/s", "Mix", "Latency", "Status", "Percentiles", "Errors",
                "q quit",
            ]
            .allSatisfy(screen.contains)
        }
        #expect(first.contains("direct_message"))

        // Down selects broadcast (weight 10); → raises it to 11, marked as changed.
        try session.send("Down", "Right")
        _ = try session.waitFor(text: "▸ broadcast                11*")

        // Space pauses: once in-flight operations drain, the count stays put.
        try session.send("Space")
        _ = try session.waitFor(text: "PAUSED")
        let drained = try session.waitFor(text: "in flight 0")
        Thread.sleep(forTimeInterval: 1.5)
        let later = try session.screen()
        #expect(later.contains("PAUSED"))
        #expect(later.contains("now 0.0/s"))
        #expect(Self.operations(drained) != nil)
        #expect(Self.operations(drained) == Self.operations(later))

        // p resumes: the count moves again.
        try session.send("p")
        try session.waitFor("operations again after resume") { screen in
            screen.contains("RUNNING") && Self.operations(screen) != Self.operations(later)
        }

        // Smaller terminal: the compact layout; too small: the request to enlarge.
        try session.resize(width: 80, height: 24)
        _ = try session.waitFor(text: "Tab:")
        try session.resize(width: 60, height: 18)
        _ = try session.waitFor(text: "Terminal too small: 60×18.")
        try session.resize(width: 120, height: 40)
        _ = try session.waitFor(text: "Percentiles")

        // q stops the run gracefully; the run command writes the reports.
        try session.send("q")
        let end = try session.waitFor(text: "EXIT=", timeout: .seconds(40))
        #expect(end.contains("EXIT=0"))
        for file in ["report.md", "report.json"] {
            let path = reports.appendingPathComponent(file).path
            #expect(FileManager.default.fileExists(atPath: path), "missing \(file)")
        }
    }
}

import Foundation

/// Writes `report.md` and `report.json` into a directory, creating it.
public enum ReportWriter {
    /// The default directory: `sartor-load-reports/<UTC timestamp>`.
    public static func defaultDirectory(startedAt date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "sartor-load-reports/\(formatter.string(from: date))"
    }

    /// Writes both files and returns their paths (Markdown first). Throws on I/O errors.
    @discardableResult
    public static func write(_ report: RunReport, to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        let base = URL(fileURLWithPath: directory)
        let markdown = base.appendingPathComponent("report.md")
        let json = base.appendingPathComponent("report.json")
        try Data(report.markdown.utf8).write(to: markdown, options: .atomic)
        try report.jsonData().write(to: json, options: .atomic)
        return [markdown.path, json.path]
    }

    /// Reads one `report.json`; errors are `ReportFileError`s naming the file.
    public static func read(_ path: String) throws -> RunReport {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ReportFileError(
                path: path, problem: "cannot be read (\(error.localizedDescription))",
                unreadable: true)
        }
        return try RunReport(json: data, path: path)
    }
}

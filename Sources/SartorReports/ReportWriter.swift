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

    /// Creates `directory` and its parents, so that a run can refuse a bad `--report-dir`
    /// before its load starts rather than after. Throws `ReportFileError` naming the cause.
    public static func prepare(_ directory: String) throws(ReportFileError) {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportFileError(
                path: directory,
                problem: "cannot be created (\(reason(error, path: directory)))",
                unreadable: true)
        }
    }

    /// Writes both files and returns their paths (Markdown first). Throws `ReportFileError`
    /// naming the file and the cause.
    @discardableResult
    public static func write(_ report: RunReport, to directory: String) throws -> [String] {
        try prepare(directory)
        let base = URL(fileURLWithPath: directory)
        let markdown = base.appendingPathComponent("report.md").path
        let json = base.appendingPathComponent("report.json").path
        try writeFile(Data(report.markdown.utf8), to: markdown)
        try writeFile(try report.jsonData(), to: json)
        return [markdown, json]
    }

    /// Writes `data` to `path` atomically; throws `ReportFileError` naming the file and cause.
    public static func writeFile(_ data: Data, to path: String) throws(ReportFileError) {
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw ReportFileError(
                path: path, problem: "cannot be written (\(reason(error, path: path)))",
                unreadable: true)
        }
    }

    /// Reads one `report.json`; errors are `ReportFileError`s naming the file.
    public static func read(_ path: String) throws -> RunReport {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ReportFileError(
                path: path, problem: "cannot be read (\(reason(error, path: path)))",
                unreadable: true)
        }
        return try RunReport(json: data, path: path)
    }

    /// The system's reason for a failed file operation (`No such file or directory`), rather
    /// than Foundation's wrapping of it.
    static func reason(_ error: any Error, path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            return "it is a directory"
        }
        let wrapped = error as NSError
        if let underlying = wrapped.userInfo[NSUnderlyingErrorKey] as? any Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain {
                return String(cString: strerror(Int32(posix.code)))
            }
        }
        return wrapped.localizedDescription
    }
}

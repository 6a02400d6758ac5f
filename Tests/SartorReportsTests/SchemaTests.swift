import Foundation
import Testing

@testable import SartorReports

/// Validates report.json against docs/report.schema.json with Python's `jsonschema`
/// (installed by scripts/setup as python3-jsonschema).
@Suite struct SchemaTests {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/report.schema.json")

    /// Runs the validator on `data`; returns its exit status and error output.
    func validate(_ data: Data) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("report-\(UUID().uuidString).json")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Self.schema.path, file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func reportMatchesSchema() throws {
        let (status, errors) = try validate(ReportFixture.report.jsonData())
        #expect(status == 0, "\(errors)")
        var minimal = ReportFixture.report
        minimal.verify = nil
        minimal.thresholds = []
        let (minimalStatus, minimalErrors) = try validate(minimal.jsonData())
        #expect(minimalStatus == 0, "\(minimalErrors)")
    }

    @Test func schemaRejectsABrokenReport() throws {
        var json =
            try JSONSerialization.jsonObject(with: ReportFixture.report.jsonData())
            as! [String: Any]
        var summary = json["summary"] as! [String: Any]
        summary["errors"] = -1
        json["summary"] = summary
        let (status, errors) = try validate(try JSONSerialization.data(withJSONObject: json))
        #expect(status != 0)
        #expect(errors.contains("-1"))
    }
}

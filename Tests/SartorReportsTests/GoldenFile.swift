import Foundation

/// Golden files beside the tests. With `SARTOR_UPDATE_GOLDEN=1` a mismatch rewrites the file
/// (review the diff before committing) and the comparison then holds.
enum GoldenFile {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
    }

    static func text(_ name: String, actual: String) throws -> String {
        if ProcessInfo.processInfo.environment["SARTOR_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url(name))
        }
        return try String(contentsOf: url(name), encoding: .utf8)
    }
}

import Foundation
import SartorMetrics

/// A report file that cannot be read: not JSON, not a report, or an undecodable histogram.
public struct ReportFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String
    /// True when the file could not be read at all (an I/O error), not merely parsed.
    public var unreadable: Bool

    public init(path: String, problem: String, unreadable: Bool = false) {
        self.path = path
        self.problem = problem
        self.unreadable = unreadable
    }

    public var description: String { "\(path): \(problem)" }
}

extension RunReport {
    /// The version of the `report.json` layout, described by `docs/report.schema.json`.
    public static let schemaVersion = 1

    /// `report.json`: pretty-printed, keys sorted, so that two runs diff line by line.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(ReportDocument(self))
    }

    /// Reads a `report.json`; `path` only names the file in errors.
    public init(json data: Data, path: String) throws {
        let document: ReportDocument
        do {
            document = try JSONDecoder().decode(ReportDocument.self, from: data)
        } catch let error as DecodingError {
            throw ReportFileError(
                path: path, problem: "is not a sartor-load report (\(error.brief))")
        }
        guard document.schemaVersion == Self.schemaVersion else {
            throw ReportFileError(
                path: path,
                problem: "has report layout \(document.schemaVersion); this version reads "
                    + "\(Self.schemaVersion)")
        }
        self = try document.report(path: path)
    }
}

extension DecodingError {
    /// The field path and what was wrong with it, in one line.
    var brief: String {
        switch self {
        case .keyNotFound(let key, let context):
            "missing \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context),
            .dataCorrupted(let context):
            context.codingPath.isEmpty
                ? context.debugDescription
                : "bad \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: "\(self)"
        }
    }
}

/// Latency figures in milliseconds, derived from a histogram.
struct LatencyFigures: Codable, Equatable {
    var p50: Double
    var p95: Double
    var p99: Double
    var max: Double
    var mean: Double

    static let percentiles: [Double] = [50, 95, 99]

    init(_ histogram: Histogram) {
        self.init(
            micros: histogram.values(atPercentiles: Self.percentiles), max: histogram.max,
            mean: histogram.mean)
    }

    init(_ histogram: SparseHistogram) {
        self.init(
            micros: histogram.values(atPercentiles: Self.percentiles), max: histogram.max,
            mean: histogram.mean)
    }

    /// From p50, p95 and p99, max and mean in µs.
    private init(micros percentiles: [Int], max: Int, mean: Double) {
        let values = percentiles.map { Double($0) / 1000 }
        p50 = values[0]
        p95 = values[1]
        p99 = values[2]
        self.max = Double(max) / 1000
        self.mean = mean.rounded() / 1000
    }
}

func decodeHistogram(_ text: String, path: String, field: String) throws -> Histogram {
    guard let histogram = Histogram(encoded: text) else {
        throw ReportFileError(path: path, problem: "has an undecodable histogram in \(field)")
    }
    return histogram
}

func decodeSparseHistogram(_ text: String, path: String, field: String) throws
    -> SparseHistogram
{
    SparseHistogram(try decodeHistogram(text, path: path, field: field))
}

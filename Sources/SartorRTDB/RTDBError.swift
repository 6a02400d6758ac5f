/// A refused request: the status and message of RTDB's error body.
///
/// Messages marked observed are RTDB's own; the others are ours where RTDB's text is unknown.
public struct RTDBError: Error, Sendable, Equatable {
    public let status: Int
    public let message: String

    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    /// `{\n  "error" : "<message>"\n}\n`, RTDB's error body.
    public var body: [UInt8] {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.writeKey("error")
        writer.writeString(message)
        writer.endObject(empty: false)
        writer.bytes.append(UInt8(ascii: "\n"))
        return writer.bytes
    }

    static func badRequest(_ message: String) -> RTDBError {
        RTDBError(status: 400, message: message)
    }

    // Observed RTDB messages.
    static let invalidPath = badRequest("Invalid path: Invalid token in path")
    static let invalidData = badRequest(
        "Invalid data; couldn't parse JSON object, array, or value.")
    static let invalidPatchData = badRequest(
        "Invalid data; couldn't parse JSON object. "
            + "Are you sending a JSON object with valid key names?")
    static let permissionDenied = RTDBError(status: 401, message: "Permission denied")
    static let shallowWithQuery = badRequest(
        "Mixing 'shallow' and querying parameters is not supported")
    static let invalidOrderBy = badRequest("orderBy must be a valid JSON encoded path")
    static let invalidConstraintValue = badRequest(
        "Constraint index field must be a JSON primitive")
    static let invalidConstraintKey = badRequest(
        "Constraint key field must be a valid key name")

    static func invalidKey(line: Int, column: Int) -> RTDBError {
        badRequest(
            "Invalid data; couldn't parse key beginning at \(line):\(column). "
                + "Key value can't be empty or contain $ # [ ] / or .")
    }

    // Ours, where RTDB's text is not known.
    static let noData = badRequest("Error: No data supplied.")
    static let tooDeep = badRequest(
        "Invalid data; the path and data exceed the maximum depth of 32 levels.")
    static let stringTooLong = badRequest(
        "Invalid data; a string value exceeds the maximum size of 10485760 bytes.")
    static let pathTooLong = badRequest("Invalid path: the path exceeds 768 bytes.")
    static let unrecognizedServerValue = badRequest("Invalid data; unrecognized server value.")
    static let invalidPriority = badRequest(
        "Invalid data; a priority must be a number, a string or null.")
    static let overlappingPaths = badRequest(
        "Invalid data; the update contains a path and one of its ancestors.")
    static let invalidTimeout = badRequest(
        "Invalid timeout: use a positive number followed by ms, s or min, at most 15min.")
    static let emptyExport = badRequest(
        "The file holds no JSON; an empty database is exported as null.")
    static let multipleETags = badRequest("Multiple ETags are not supported in if-match.")

    static func unsupportedParameter(_ name: String) -> RTDBError {
        badRequest("Query parameter '\(name)' is not supported.")
    }

    static func invalidParameter(_ name: String, _ value: String) -> RTDBError {
        badRequest("Invalid value '\(value)' for query parameter '\(name)'.")
    }

    static func repeatedParameter(_ name: String) -> RTDBError {
        badRequest("Repeating query parameter '\(name)' is not supported.")
    }

    static func unsupported(_ what: String) -> RTDBError {
        badRequest("\(what) is not supported.")
    }

    /// Thrown by normalization without a resolver: the body holds server values, which can
    /// only be resolved under the database lock. Never leaves the module.
    static let needsServerValues = RTDBError(status: 0, message: "server values")
}

import Foundation

/// The result of parsing one command line: typed access by long option name, defaults applied.
///
/// Asking for an option the command does not declare, or as the wrong type, is a programming
/// error and traps; user mistakes were already reported by `CommandSpec.parse`.
public struct ParsedCommand: Sendable {
    public let spec: CommandSpec
    /// Values given, by long name, with the text as written, in order.
    var values: [String: [(text: String, value: ArgumentValue)]] = [:]
    var positionals: [String: [String]] = [:]

    init(spec: CommandSpec) {
        self.spec = spec
    }

    /// Whether the user gave the option (defaults do not count).
    public func wasGiven(_ long: String) -> Bool {
        values[long] != nil
    }

    /// Every value given for a repeatable option, or the default alone when none was.
    public func all(_ long: String) -> [ArgumentValue] {
        if let given = values[long] { return given.map(\.value) }
        guard let option = spec.option(long: long) else {
            preconditionFailure("\(spec.name) declares no option --\(long)")
        }
        guard let text = option.defaultValue else { return [] }
        do { return [try option.kind.parse(text)] } catch {
            preconditionFailure("default of --\(long) does not parse: \(text)")
        }
    }

    /// The value given (the last one) or the default; nil when neither exists.
    public func value(_ long: String) -> ArgumentValue? {
        all(long).last
    }

    /// The raw text given for each occurrence of an option, in order.
    public func texts(_ long: String) -> [String] {
        values[long]?.map(\.text) ?? []
    }

    public func positional(_ name: String) -> [String] {
        positionals[name] ?? []
    }

    public func flag(_ long: String) -> Bool {
        value(long) != nil
    }

    public func string(_ long: String) -> String? {
        unwrap(long) { if case .string(let v) = $0 { v } else { nil } }
    }

    public func strings(_ long: String) -> [String] {
        all(long).map { if case .string(let v) = $0 { v } else { mismatch(long) } }
    }

    public func integer(_ long: String) -> Int? {
        unwrap(long) { if case .integer(let v) = $0 { v } else { nil } }
    }

    /// Rates (per second) and fractions.
    public func number(_ long: String) -> Double? {
        unwrap(long) { if case .number(let v) = $0 { v } else { nil } }
    }

    public func duration(_ long: String) -> Duration? {
        unwrap(long) { if case .duration(let v) = $0 { v } else { nil } }
    }

    public func durationRange(_ long: String) -> DurationRange? {
        unwrap(long) { if case .durationRange(let v) = $0 { v } else { nil } }
    }

    public func pairs(_ long: String) -> [KeyValuePair]? {
        unwrap(long) { if case .pairs(let v) = $0 { v } else { nil } }
    }

    public func weights(_ long: String) -> [Weight]? {
        unwrap(long) { if case .weights(let v) = $0 { v } else { nil } }
    }

    public func stages(_ long: String) -> [Stage]? {
        unwrap(long) { if case .stages(let v) = $0 { v } else { nil } }
    }

    public func hostPort(_ long: String) -> HostPort? {
        unwrap(long) { if case .hostPort(let v) = $0 { v } else { nil } }
    }

    public func url(_ long: String) -> URL? {
        unwrap(long) { if case .url(let v) = $0 { v } else { nil } }
    }

    private func unwrap<T>(_ long: String, _ extract: (ArgumentValue) -> T?) -> T? {
        guard let value = value(long) else { return nil }
        guard let typed = extract(value) else { mismatch(long) }
        return typed
    }

    private func mismatch(_ long: String) -> Never {
        preconditionFailure("--\(long) of \(spec.name) read as the wrong type")
    }
}

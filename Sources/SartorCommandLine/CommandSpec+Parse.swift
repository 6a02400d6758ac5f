extension CommandSpec {
    /// Parses `arguments` (without the command name) against this declaration.
    ///
    /// Accepts `--name value`, `--name=value`, `-n value`, `-nvalue`, boolean `--flag`, and
    /// `--` after which everything is positional. Throws `HelpRequest` for `--help`/`-h` and
    /// `UsageError` for anything refused.
    public func parse(_ arguments: [String]) throws -> ParsedCommand {
        var parsed = ParsedCommand(spec: self)
        var remaining = arguments[...]
        var loose: [String] = []
        while let argument = remaining.popFirst() {
            if argument == "--" {
                loose += remaining
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1, !isNegativeNumber(argument) else {
                loose.append(argument)
                continue
            }
            let (option, written, inline) = try resolve(argument)
            if option.long == "help" { throw HelpRequest(text: helpText()) }
            try parsed.store(option, written: written, inline: inline, remaining: &remaining)
        }
        try assign(loose, to: &parsed)
        return parsed
    }

    private func isNegativeNumber(_ argument: String) -> Bool {
        Double(argument) != nil
    }

    /// Finds the option an argument names; returns it, the name as written, and any value
    /// attached to it (`--name=value`, `-nvalue`).
    private func resolve(_ argument: String) throws -> (OptionSpec, String, String?) {
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            guard let option = option(long: name) else { throw unknown("--\(name)") }
            return (option, "--\(name)", inline)
        }
        let letter = argument[argument.index(after: argument.startIndex)]
        guard let option = option(short: letter) else { throw unknown("-\(letter)") }
        let rest = String(argument.dropFirst(2))
        let inline = rest.isEmpty ? nil : (rest.hasPrefix("=") ? String(rest.dropFirst()) : rest)
        return (option, "-\(letter)", inline)
    }

    private func unknown(_ written: String) -> UsageError {
        let names = options.map { "--\($0.long)" } + ["--help"]
        let near = NearestName.find(written, among: names)
        let hint = near.map { "did you mean \($0)?" } ?? "see \(name) --help"
        return UsageError(problem: "unknown option \(written)", hint: hint)
    }

    private func assign(_ loose: [String], to parsed: inout ParsedCommand) throws {
        var loose = loose[...]
        for positional in positionals {
            if positional.variadic {
                parsed.positionals[positional.name] = Array(loose)
                loose = []
            } else if let value = loose.popFirst() {
                parsed.positionals[positional.name] = [value]
            }
            if positional.required && parsed.positionals[positional.name, default: []].isEmpty {
                throw UsageError(
                    problem: "missing \(positional.name)", hint: usageHint)
            }
        }
        if let extra = loose.first {
            let takes = positionals.isEmpty ? "takes no arguments" : "takes fewer arguments"
            throw UsageError(
                value: extra, problem: "is not expected; \(name) \(takes)", hint: usageHint)
        }
    }

    private var usageHint: String {
        "usage: \(usageLine)"
    }
}

extension ParsedCommand {
    fileprivate mutating func store(
        _ option: OptionSpec, written: String, inline: String?,
        remaining: inout ArraySlice<String>
    ) throws {
        let text: String
        if option.kind == .flag {
            if let inline {
                throw UsageError(
                    flag: written, value: inline,
                    problem: "is not accepted; the option takes no value",
                    hint: "write just \(written)")
            }
            text = ""
        } else if let inline {
            text = inline
        } else if let next = remaining.popFirst() {
            text = next
        } else {
            throw UsageError(
                flag: written, problem: "needs a value", hint: hint(for: option))
        }
        let value: ArgumentValue
        do { value = try option.kind.parse(text) } catch {
            throw UsageError(flag: written, value: text, error)
        }
        if !option.repeatable, let earlier = values[option.long]?.first?.text {
            throw UsageError(
                flag: written, problem: "given twice (\"\(earlier)\" and \"\(text)\")",
                hint: "give it once")
        }
        values[option.long, default: []].append((text, value))
    }

    private func hint(for option: OptionSpec) -> String {
        if let example = option.defaultValue { return "use e.g. --\(option.long) \(example)" }
        return "use --\(option.long) \(option.placeholder)"
    }
}

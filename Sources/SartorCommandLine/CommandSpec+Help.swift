extension CommandSpec {
    /// The usage line: `sartor-load report [options] FILE...`.
    public var usageLine: String {
        var parts = [name, "[options]"]
        for positional in positionals {
            let written = positional.variadic ? "\(positional.name)..." : positional.name
            parts.append(positional.required ? written : "[\(written)]")
        }
        return parts.joined(separator: " ")
    }

    /// The full `--help` text, wrapped to `width` columns.
    public func helpText(width: Int = 100) -> String {
        var sections = ["USAGE: \(usageLine)", abstract]
        if !discussion.isEmpty {
            sections.append(HelpLayout.wrap(discussion, width: width, indent: 0))
        }
        if !positionals.isEmpty {
            let rows = positionals.map { ($0.name, $0.help) }
            sections.append("ARGUMENTS:\n" + HelpLayout.table(rows, width: width))
        }
        let rows = (options + [Self.helpOption]).map { option in
            (option.label, option.help + defaultNote(option))
        }
        sections.append("OPTIONS:\n" + HelpLayout.table(rows, width: width))
        if !examples.isEmpty {
            let lines = examples.map { example in
                "  \(example.command)\n"
                    + HelpLayout.wrap(example.explanation, width: width, indent: 6)
            }
            sections.append("EXAMPLES:\n" + lines.joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    private func defaultNote(_ option: OptionSpec) -> String {
        var notes: [String] = []
        if let value = option.defaultValue { notes.append("default: \(value)") }
        if option.repeatable { notes.append("repeatable") }
        return notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))"
    }
}

/// Plain-text layout of help: word wrapping and two-column tables.
enum HelpLayout {
    /// The widest label column; longer labels put their text on the next line.
    static let labelColumnLimit = 34

    /// Wraps `text` at word boundaries, each line indented by `indent` spaces. Blank lines
    /// (paragraph breaks) are kept.
    static func wrap(_ text: String, width: Int, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let paragraphs = text.components(separatedBy: "\n\n").map { paragraph in
            var lines: [String] = []
            var line = ""
            for word in paragraph.split(whereSeparator: \.isWhitespace) {
                if !line.isEmpty && pad.count + line.count + 1 + word.count > width {
                    lines.append(pad + line)
                    line = ""
                }
                line += line.isEmpty ? String(word) : " \(word)"
            }
            if !line.isEmpty { lines.append(pad + line) }
            return lines.joined(separator: "\n")
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// Rows of `label  text`, labels indented by 2, texts aligned and wrapped.
    static func table(_ rows: [(String, String)], width: Int) -> String {
        let column = min(rows.map { $0.0.count }.max() ?? 0, labelColumnLimit) + 4
        return rows.map { label, text in
            let body = wrap(text, width: width, indent: column)
            let head = "  " + label
            if head.count + 2 > column {
                return head + "\n" + body
            }
            let padded = head.padding(toLength: column, withPad: " ", startingAt: 0)
            return padded + body.dropFirst(column)
        }.joined(separator: "\n")
    }
}

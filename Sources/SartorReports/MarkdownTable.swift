/// A Markdown table; cells have `|` escaped and newlines folded.
struct MarkdownTable {
    var header: [String]
    /// Per column: true to right-align (numbers).
    var rightAligned: [Bool]
    var rows: [[String]] = []

    init(_ header: [String], rightAligned: [Bool]) {
        self.header = header
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    var text: String {
        func line(_ cells: [String]) -> String {
            let escaped = cells.map {
                $0.replacingOccurrences(of: "|", with: "\\|")
                    .replacingOccurrences(of: "\n", with: " ")
            }
            return "| " + escaped.joined(separator: " | ") + " |"
        }
        let rule = "|" + rightAligned.map { $0 ? "---:|" : "---|" }.joined()
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

/// Where each panel goes for a terminal size and a number of operations.
///
/// Two arrangements: the full one shows every panel at once; the compact one (down to 80×24 for
/// six operations) shows the chart and the mix, and one other panel at a time below them, chosen
/// with Tab. Below the compact minimum the screen asks for a larger terminal.
public enum Layout: Equatable, Sendable {
    case tooSmall(needWidth: Int, needHeight: Int)
    case full(Full)
    case compact(Compact)

    public struct Full: Equatable, Sendable {
        var header, throughput, mix, latency, status, percentiles, errors, keyBar: Rect
    }

    public struct Compact: Equatable, Sendable {
        var header, throughput, mix, page, keyBar: Rect
    }

    static let minimumWidth = 80
    static let fullWidth = 110

    /// Rows of a panel listing one line per operation, plus `extra` lines, inside a frame.
    private static func listHeight(_ operations: Int, extra: Int) -> Int {
        max(operations, 1) + extra + 2
    }

    /// The smallest terminal the compact arrangement fits.
    public static func minimumSize(operations: Int) -> (width: Int, height: Int) {
        (minimumWidth, 3 + listHeight(operations, extra: 1) + listHeight(operations, extra: 3))
    }

    public init(width: Int, height: Int, operations: Int) {
        let minimum = Self.minimumSize(operations: operations)
        let mixHeight = Self.listHeight(operations, extra: 1)
        let statusHeight = Self.listHeight(operations, extra: 3)
        let tableHeight = Self.listHeight(operations, extra: 1)
        let errorsMinimum = 6
        let fullHeight = 3 + mixHeight + statusHeight + tableHeight + errorsMinimum

        guard width >= minimum.width, height >= minimum.height else {
            self = .tooSmall(needWidth: minimum.width, needHeight: minimum.height)
            return
        }
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let (header, belowHeader) = screen.splitTop(2)
        let (body, keyBar) = belowHeader.splitTop(belowHeader.height - 1)

        guard width >= Self.fullWidth, height >= fullHeight else {
            let (top, page) = body.splitTop(mixHeight)
            let (throughput, mix) = top.splitLeft(width / 2)
            self = .compact(
                Compact(
                    header: header, throughput: throughput, mix: mix, page: page, keyBar: keyBar))
            return
        }
        // Spare rows go two to one to the chart and the error feed.
        let spare = height - fullHeight
        let chartExtra = spare * 2 / 3
        let (top, rest) = body.splitTop(mixHeight + chartExtra)
        let (middle, rest2) = rest.splitTop(statusHeight)
        let (table, errors) = rest2.splitTop(tableHeight)
        let leftWidth = width * 3 / 5
        let (throughput, mix) = top.splitLeft(leftWidth)
        let (latency, status) = middle.splitLeft(leftWidth)
        self = .full(
            Full(
                header: header, throughput: throughput, mix: mix, latency: latency,
                status: status, percentiles: table, errors: errors, keyBar: keyBar))
    }
}

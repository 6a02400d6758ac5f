/// Which latency window the latency panel and the percentiles table show.
public enum LatencyWindow: Equatable, Sendable {
    case recent
    case wholeRun

    var label: String { self == .recent ? "last 10 s" : "whole run" }
}

/// The panel shown below the chart on a small terminal, where not every panel fits.
public enum CompactPage: Int, CaseIterable, Equatable, Sendable {
    case latency, percentiles, status, errors

    var title: String {
        switch self {
        case .latency: "Latency"
        case .percentiles: "Percentiles"
        case .status: "Status"
        case .errors: "Errors"
        }
    }
}

/// What the user has chosen on screen; everything else comes from the model.
public struct DashboardState: Equatable, Sendable {
    /// The index of the selected operation in `DashboardModel.operations`.
    public var selected = 0
    public var window = LatencyWindow.recent
    public var page = CompactPage.latency
    public var showsHelp = false
    /// True once the user asked to quit; the screen shows the run stopping.
    public var quitting = false
    public var themeName = ""

    public init(themeName: String = "") {
        self.themeName = themeName
    }
}

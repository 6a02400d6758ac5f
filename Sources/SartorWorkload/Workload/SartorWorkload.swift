import SartorEngine

/// The Sartor Network workload: six weighted operations over RTDB's REST API, as the network's
/// agents run them.
///
/// `operations` always lists the six in `SartorOperation` order (unused ones with weight 0),
/// so an operation index is a `SartorOperation` raw value.
public struct SartorWorkload: Workload {
    public let settings: SartorSettings
    public let session: RTDBSession
    /// Every acknowledged write, when `settings.keepsLedger`; nil otherwise.
    public let ledger: WriteLedger?

    public init(settings: SartorSettings, session: RTDBSession) {
        self.settings = settings
        self.session = session
        self.ledger = settings.keepsLedger ? WriteLedger() : nil
    }

    public var operations: [OperationSpec] {
        SartorOperation.allCases.map { operation in
            var limit: RateLimit?
            if operation == .broadcast, settings.broadcastsPerMinute > 0 {
                limit = RateLimit(settings.broadcastsPerMinute, per: .seconds(60))
            }
            return OperationSpec(
                name: operation.name, weight: settings.mix[operation], rateLimit: limit)
        }
    }

    public func makeAgent(index: Int) -> any VirtualAgent {
        SartorAgent(index: index, settings: settings, session: session, ledger: ledger)
    }
}

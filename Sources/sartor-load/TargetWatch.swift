import SartorEngine
import SartorHTTP
import SartorMetrics
import SartorWorkload
import Synchronization

/// Watches the target during a run with a cheap read (`<root>.json?shallow=true`) every
/// second, outside the measured load. After `limit` probes in a row fail at the connection
/// level (refused, reset, timed out), the target counts as lost and `onLost` runs once.
final class TargetWatch: Sendable {
    let session: RTDBSession
    let root: String
    let limit: Int
    private let lostMessage = Mutex<String?>(nil)

    init(session: RTDBSession, root: String, limit: Int = 3) {
        self.session = session
        self.root = root
        self.limit = limit
    }

    /// Why the target counts as lost, or nil while it answers.
    var lost: String? { lostMessage.withLock { $0 } }

    /// Probes until cancelled or the target is lost.
    func watch(every interval: Duration = .seconds(1), onLost: @Sendable () -> Void) async {
        var failures = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if Task.isCancelled { return }
            var context = OperationContext(
                random: SeededRandom(seed: 0), retryPolicy: .disabled, agentIndex: -1)
            let result = await session.get(root, shallow: true, context: &context)
            guard case .failure(let failure) = result, Self.isConnectionLevel(failure.kind) else {
                failures = 0
                continue
            }
            failures += 1
            if failures >= limit {
                lostMessage.withLock {
                    $0 = "the target stopped answering (\(limit) probes failed): \(failure.message)"
                }
                onLost()
                return
            }
        }
    }

    private static func isConnectionLevel(_ kind: ErrorKind) -> Bool {
        switch kind {
        case .connectionRefused, .connectionReset, .timeout: true
        default: false
        }
    }
}

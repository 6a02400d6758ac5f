import Dispatch
import Glibc
import Synchronization

/// Ctrl-C for headless runs: the first SIGINT asks for a graceful stop, the second for an
/// immediate exit. Both actions run on a dispatch queue, never inside the signal handler.
final class InterruptHandler {
    private let source: any DispatchSourceSignal
    private final class Count: Sendable {
        let value = Atomic<Int>(0)
    }

    init(first: @escaping @Sendable () -> Void, second: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let count = Count()
        source.setEventHandler {
            if count.value.wrappingAdd(1, ordering: .relaxed).newValue == 1 {
                first()
            } else {
                second()
            }
        }
        source.resume()
    }

    /// Restores the default SIGINT behaviour.
    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

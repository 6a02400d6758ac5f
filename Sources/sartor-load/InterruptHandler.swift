import Dispatch
import Glibc
import Synchronization

/// Ctrl-C during a run: the first SIGINT asks for a graceful stop, the second for an
/// immediate exit. Both handlers run on a dispatch queue, never in signal context, so they may
/// take locks and write files.
final class InterruptHandler: Sendable {
    private let count = InterruptCount()
    // The dispatch source is only touched at creation and in `cancel()`.
    nonisolated(unsafe) private var source: (any DispatchSourceSignal)?

    /// Installs the handler; `first` runs on the first SIGINT, `second` on every later one.
    init(first: @escaping @Sendable () -> Void, second: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        // Signals that arrive together are coalesced into one event; `data` says how many.
        source.setEventHandler { [count, source] in
            let arrived = max(1, Int(source.data))
            let seen = count.value.add(arrived, ordering: .relaxed).newValue
            if seen - arrived == 0 { first() }
            if seen >= 2 { second() }
        }
        source.resume()
        self.source = source
    }

    /// How many SIGINTs arrived.
    var interrupts: Int { count.value.load(ordering: .relaxed) }

    /// Stops listening and restores the default action of SIGINT.
    func cancel() {
        source?.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

/// The SIGINT count, in a class so that the signal handler's closure can share it.
private final class InterruptCount: Sendable {
    let value = Atomic<Int>(0)
}

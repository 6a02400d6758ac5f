import Foundation
import Glibc

/// SIGINT and SIGTERM through a self-pipe. The handler, which the kernel may run on any thread,
/// only writes the signal number to the pipe; one thread reads it and calls the callback outside
/// signal context, where it may take locks and write files. Install once per process.
enum TerminationSignals {
    // Written by install() before any handler is installed; only read by the handler after.
    nonisolated(unsafe) private static var writeEnd: Int32 = -1

    /// Calls `onSignal` with the signal's name and its ordinal (1 for the first, 2 for the next).
    static func install(_ onSignal: @escaping @Sendable (_ name: String, _ ordinal: Int) -> Void) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        writeEnd = ends[1]
        for number in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(TerminationSignals.writeEnd, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }

        let readEnd = ends[0]
        let thread = Thread {
            var ordinal = 0
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                guard count == 1 else { return }
                ordinal += 1
                onSignal(Int32(byte) == SIGINT ? "SIGINT" : "SIGTERM", ordinal)
            }
        }
        thread.name = "sartor-signals"
        thread.start()
    }
}

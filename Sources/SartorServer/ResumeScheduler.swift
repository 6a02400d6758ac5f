import CMicroHTTPDShim
import Foundation

/// An MHD connection pointer carried between threads.
///
/// `@unchecked Sendable`: MHD allows `MHD_resume_connection` from any thread; every other use
/// stays on the daemon thread that owns the connection.
struct ConnectionHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// Holds suspended connections and resumes each at its deadline from one timer thread, so that
/// added latency and stalls never block a server thread.
///
/// Thread-safety: all state is under `condition`; connections are suspended while it is held so
/// that `stop()` cannot miss one.
final class ResumeScheduler: Sendable {
    private struct Entry {
        let deadline: ContinuousClock.Instant
        let connection: ConnectionHandle
    }

    private let condition = NSCondition()
    // Guarded by `condition`: entries sorted by deadline, and whether stop() has run.
    nonisolated(unsafe) private var entries: [Entry] = []
    nonisolated(unsafe) private var stopped = false

    init() {
        let thread = Thread { [self] in runTimer() }
        thread.name = "sartor-resume"
        thread.start()
    }

    /// Suspends `connection` (call from its access handler) and resumes it at `deadline`.
    /// Returns false, without suspending, once the scheduler has stopped.
    func suspend(_ connection: ConnectionHandle, until deadline: ContinuousClock.Instant) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped else { return false }
        MHD_suspend_connection(connection.pointer)
        let index = entries.firstIndex { $0.deadline > deadline } ?? entries.endIndex
        entries.insert(Entry(deadline: deadline, connection: connection), at: index)
        if index == 0 { condition.signal() }
        return true
    }

    /// Resumes every waiting connection now and refuses further suspensions; the timer thread
    /// ends. Must run before the daemon stops (MHD forbids stopping with suspended connections).
    func stop() {
        condition.lock()
        stopped = true
        let waiting = entries
        entries.removeAll()
        condition.signal()
        condition.unlock()
        for entry in waiting { MHD_resume_connection(entry.connection.pointer) }
    }

    private func runTimer() {
        condition.lock()
        while !stopped {
            let now = ContinuousClock.now
            var due: [ConnectionHandle] = []
            while let first = entries.first, first.deadline <= now {
                due.append(first.connection)
                entries.removeFirst()
            }
            if !due.isEmpty {
                condition.unlock()
                for connection in due { MHD_resume_connection(connection.pointer) }
                condition.lock()
                continue
            }
            if let first = entries.first {
                let wait = now.duration(to: first.deadline)
                _ = condition.wait(until: Date(timeIntervalSinceNow: wait.seconds))
            } else {
                condition.wait()
            }
        }
        condition.unlock()
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}

import Foundation

/// One background thread that runs the server's periodic chores (stream keep-alives, saving
/// the tree) at their own intervals, and a last time when stopped.
///
/// Thread-safety: `stopped` is under `condition`; the tasks run on the thread alone (and once
/// more on the caller of `stop()` after the thread has ended).
final class PeriodicTasks: Sendable {
    /// A chore and how often it runs.
    struct Task: Sendable {
        var interval: Duration
        var run: @Sendable () -> Void
    }

    private let condition = NSCondition()
    private let finished = NSCondition()
    // Guarded by `condition` (stopped) and `finished` (ended).
    nonisolated(unsafe) private var stopped = false
    nonisolated(unsafe) private var ended = false
    private let tasks: [Task]

    init(_ tasks: [Task]) {
        self.tasks = tasks.filter { $0.interval > .zero }
        let thread = Thread { [self] in loop() }
        thread.name = "sartor-periodic"
        thread.start()
    }

    /// Ends the thread and waits for a chore in progress to finish.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
        finished.lock()
        while !ended { finished.wait() }
        finished.unlock()
    }

    private func loop() {
        let start = ContinuousClock.now
        var due = tasks.map { start + $0.interval }
        condition.lock()
        while !stopped {
            let now = ContinuousClock.now
            for index in tasks.indices where due[index] <= now {
                condition.unlock()
                tasks[index].run()
                condition.lock()
                due[index] = max(due[index] + tasks[index].interval, now)
            }
            guard !stopped else { break }
            if let next = due.min() {
                let wait = ContinuousClock.now.duration(to: next)
                if wait > .zero {
                    _ = condition.wait(until: Date(timeIntervalSinceNow: wait.seconds))
                }
            } else {
                condition.wait()
            }
        }
        condition.unlock()
        finished.lock()
        ended = true
        finished.signal()
        finished.unlock()
    }
}

/// The open model's intended start times, in active time, for a rate that may change at any
/// moment (stages, `setLoad`).
///
/// The rate is integrated piecewise: between starts the dispatcher calls `advance(to:rate:)`
/// at least once a tick, accruing a fraction of an operation at the rate of that moment, so a
/// ramp from 0 starts its first operation when the area under the ramp reaches one operation,
/// not after `1 / rate` taken at the ramp's foot.
struct ArrivalSchedule: Sendable {
    /// The active time up to which the rate has been accrued.
    private(set) var accruedUntil: Duration = .zero
    /// Operations accrued since the last start, in `0...1`; the first operation is due as
    /// soon as the rate is above 0.
    private var credit = 1.0

    /// How exact the start times are: they are sums of floating-point steps, so the start due
    /// at the very end of a run (the 11th of 10/s over 1 s) may come out a hair before it.
    /// A start within this much of the end belongs to the end and does not run.
    static let precision = Duration.microseconds(1)

    /// The intended start of the next operation if the rate stays at `rate`, or `nil` when
    /// `rate` is 0.
    func nextStart(rate: Double) -> Duration? {
        guard rate > 0, rate.isFinite else { return nil }
        return accruedUntil + .seconds((1 - credit) / rate)
    }

    /// Accrues `rate` operations per second from `accruedUntil` to `time`, which must not be
    /// past `nextStart(rate:)`.
    mutating func advance(to time: Duration, rate: Double) {
        guard time > accruedUntil else { return }
        if rate > 0, rate.isFinite {
            credit = min(1, credit + (time - accruedUntil).seconds * rate)
        }
        accruedUntil = time
    }

    /// Records that the operation intended for `start` has been started.
    mutating func started(at start: Duration) {
        accruedUntil = start
        credit = 0
    }
}

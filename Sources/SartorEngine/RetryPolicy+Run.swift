import SartorMetrics

extension RetryPolicy {
    /// Runs `attempt` until it succeeds, fails in a way not worth retrying, or the retries are
    /// spent, sleeping `delay(beforeRetry:random:)` between attempts.
    ///
    /// `failure` classifies an attempt's value: `nil` for a success, or the error kind. Each
    /// retry adds 1 to `context.retries`; jitter is drawn from `context.random`, so a seeded run
    /// waits the same way every time. The waits are cancellable: when the task is cancelled
    /// (the run is stopping), the last value is returned at once. `attempt` receives the context
    /// (to add bytes and requests) and the attempt number, 0 for the first try.
    public func run<Value>(
        context: inout OperationContext,
        failure: (Value) -> ErrorKind?,
        _ attempt: (inout OperationContext, Int) async -> Value
    ) async -> Value {
        var value = await attempt(&context, 0)
        var retry = 1
        while retry <= maxRetries, let kind = failure(value), shouldRetry(kind) {
            let wait = delay(beforeRetry: retry, random: &context.random)
            do {
                try await Task.sleep(for: wait)
            } catch {
                return value
            }
            context.retries += 1
            value = await attempt(&context, retry)
            retry += 1
        }
        return value
    }

    /// `run(context:failure:_:)` for attempts that report an `Outcome` directly.
    public func run(
        context: inout OperationContext,
        _ attempt: (inout OperationContext, Int) async -> Outcome
    ) async -> Outcome {
        await run(context: &context, failure: Self.failureKind, attempt)
    }

    private static func failureKind(of outcome: Outcome) -> ErrorKind? {
        if case .failure(let kind, _) = outcome { return kind }
        return nil
    }
}

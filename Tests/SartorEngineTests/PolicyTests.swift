import SartorMetrics
import Testing

@testable import SartorEngine

@Suite struct RetryPolicyTests {
    @Test(arguments: [
        (ErrorKind.httpStatus(500), true), (.httpStatus(503), true), (.httpStatus(504), true),
        (.timeout, true), (.connectionRefused, true), (.connectionReset, true),
        (.httpStatus(400), false), (.httpStatus(404), false), (.httpStatus(409), false),
        (.httpStatus(429), false), (.httpStatus(501), false), (.httpStatus(502), false),
        (.tls, false), (.invalidResponse, false), (.other, false), (.conflict, false),
    ])
    func classification(kind: ErrorKind, retried: Bool) {
        #expect(RetryPolicy.standard.shouldRetry(kind) == retried)
    }

    @Test func defaultScheduleIsAboutOneTwoFourSeconds() {
        var random = SeededRandom(seed: 1)
        let policy = RetryPolicy.standard
        #expect(policy.maxRetries == 3)
        for (retry, nominal) in [(1, 1.0), (2, 2.0), (3, 4.0)] {
            let delays = (0..<200).map { _ in
                policy.delay(beforeRetry: retry, random: &random).seconds
            }
            #expect(delays.allSatisfy { $0 >= nominal * 0.8 && $0 <= nominal * 1.2 })
            // Jittered: the waits spread over most of the band.
            #expect(delays.max()! - delays.min()! > nominal * 0.3)
        }
        let exact = RetryPolicy(baseDelay: .milliseconds(100), jitter: 0)
        #expect(exact.delay(beforeRetry: 3, random: &random) == .milliseconds(400))
    }

    @Test func retriesTransientFailuresAndCountsThem() async {
        let policy = RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(1))
        var context = OperationContext(random: SeededRandom(seed: 1), agentIndex: 0)
        var attempts: [Int] = []
        let outcome = await policy.run(context: &context) { context, attempt in
            attempts.append(attempt)
            context.requests += 1
            return attempt < 2 ? .failure(.httpStatus(503), message: "busy") : .success
        }
        #expect(outcome == .success)
        #expect(attempts == [0, 1, 2])
        #expect(context.retries == 2)
        #expect(context.requests == 3)
    }

    @Test func givesUpAfterMaxRetriesAndNeverRetriesOther4xx() async {
        let policy = RetryPolicy(maxRetries: 2, baseDelay: .milliseconds(1))
        var context = OperationContext(random: SeededRandom(seed: 1), agentIndex: 0)
        var count = 0
        let exhausted = await policy.run(context: &context) { _, _ in
            count += 1
            return .failure(.timeout, message: "slow")
        }
        #expect(exhausted == .failure(.timeout, message: "slow"))
        #expect(count == 3)
        #expect(context.retries == 2)

        count = 0
        _ = await policy.run(context: &context) { _, _ in
            count += 1
            return .failure(.httpStatus(404), message: "missing")
        }
        #expect(count == 1)

        count = 0
        _ = await RetryPolicy.disabled.run(context: &context) { _, _ in
            count += 1
            return .failure(.httpStatus(503), message: "busy")
        }
        #expect(count == 1)
    }

    @Test func cancellationEndsTheWaitAtOnce() async {
        let policy = RetryPolicy(maxRetries: 3, baseDelay: .seconds(30))
        let task = Task {
            var context = OperationContext(random: SeededRandom(seed: 1), agentIndex: 0)
            return await policy.run(context: &context) { _, _ in
                .failure(.httpStatus(503), message: "busy")
            }
        }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        let start = ContinuousClock.now
        _ = await task.value
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}

@Suite struct SchedulingPartsTests {
    @Test func weightedPicksMatchTheWeights() {
        let mix = OperationMix(weights: [1, 2, 7, 0])
        var random = SeededRandom(seed: 11)
        var counts = [0, 0, 0, 0]
        let picks = 100_000
        for _ in 0..<picks { counts[mix.pick(using: &random)!] += 1 }
        // Standard deviation of a share is at most 0.0016 here; allow 5 of them.
        for (index, expected) in [0.1, 0.2, 0.7, 0].enumerated() {
            #expect(abs(Double(counts[index]) / Double(picks) - expected) < 0.008)
        }
        #expect(OperationMix(weights: [0, 0]).pick(using: &random) == nil)
    }

    @Test func tokenBucketAllowsTheLimitThenRefills() {
        let start = ContinuousClock.now
        var bucket = TokenBucket(limit: RateLimit(3, per: .seconds(1)), now: start)
        let offsetsMillis = [0, 0, 0, 0, 300, 340, 340]
        let taken = offsetsMillis.map { bucket.take(now: start + .milliseconds($0)) }
        #expect(taken == [true, true, true, false, false, true, false])
    }

    @Test func stagesInterpolateLinearly() {
        let plan = StagePlan(
            initial: 0,
            stages: [
                Stage(duration: .seconds(10), target: 100),
                Stage(duration: .seconds(10), target: 20),
            ])
        #expect(plan.load(at: .zero)?.load == 0)
        #expect(plan.load(at: .seconds(5))?.load == 50)
        #expect(plan.load(at: .seconds(15))?.stage == 1)
        #expect(plan.load(at: .seconds(15))?.load == 60)
        #expect(plan.load(at: .seconds(20)) == nil)
        #expect(plan.finalLoad == 20)
    }
}

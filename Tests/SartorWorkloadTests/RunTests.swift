import SartorEngine
import SartorServer
import Testing

@testable import SartorWorkload

/// Whole runs through the engine against the embedded server, each bounded to a few seconds.
@Suite struct RunTests {
    /// Many agents with no think time hammering a few tasks.
    static func claimRace(_ live: LiveServer, mode: ClaimMode) async -> (
        SartorWorkload, RunSnapshot
    ) {
        var settings = live.settings(claim: mode, ledger: true)
        settings.mix = OperationMix(weights: [.taskCreate: 1, .taskClaim: 4])
        let workload = SartorWorkload(settings: settings, session: live.session)
        let configuration = RunConfiguration(
            model: .closed(agents: 32, think: .none), duration: .seconds(2),
            operationLimit: 3000, seed: 7, retryPolicy: .disabled)
        let snapshot = await RunController(workload: workload, configuration: configuration).run()
        return (workload, snapshot)
    }

    @Test func naiveClaimsAreDoubledAndVerifyListsThem() async throws {
        let live = try LiveServer()
        let (workload, snapshot) = await Self.claimRace(live, mode: .naive)
        let ledger = try #require(workload.ledger)
        let doubled = ledger.claims.filter { $0.value.count > 1 }
        #expect(!doubled.isEmpty, "no double claim in \(snapshot.completedOperations) operations")

        let report = await Verifier(session: live.session, paths: live.paths).verify(ledger)
        #expect(!report.passed)
        #expect(Set(report.doubleClaims.map(\.taskID)) == Set(doubled.keys))
        #expect(report.missing.isEmpty && report.notOffline.isEmpty, "\(report.detailLines())")
        for claim in report.doubleClaims {
            let claimants = Set(claim.claims.map(\.agentID))
            #expect(claimants.count >= 1 && claim.claims.count >= 2)
            #expect(claim.finalClaimant.map(claimants.contains) == true)
        }
    }

    @Test func safeClaimsAreNeverDoubled() async throws {
        let live = try LiveServer()
        let (workload, snapshot) = await Self.claimRace(live, mode: .safe)
        let ledger = try #require(workload.ledger)
        #expect(ledger.claims.allSatisfy { $0.value.count == 1 })
        let claims = try #require(snapshot.operations.first { $0.name == "task_claim" })
        #expect(claims.errors == 0)
        #expect(claims.conflicts > 0, "32 agents on few tasks should lose some races")

        let report = await Verifier(session: live.session, paths: live.paths).verify(ledger)
        #expect(report.passed, "\(report.detailLines())")
        #expect(report.checked > ledger.claims.count)
    }

    @Test func retriesHideInjectedServiceUnavailable() async throws {
        let live = try LiveServer(faults: FaultPlan(failureRates: [503: 0.2], seed: 3))
        let workload = SartorWorkload(settings: live.settings(), session: live.session)
        let retry = RetryPolicy(maxRetries: 8, baseDelay: .milliseconds(2), jitter: 0)
        let configuration = RunConfiguration(
            model: .closed(agents: 8, think: .none), operationLimit: 400, seed: 3,
            retryPolicy: retry)
        let snapshot = await RunController(workload: workload, configuration: configuration).run()
        #expect(snapshot.completedOperations >= 400)
        #expect(snapshot.errorCount == 0, "\(snapshot.errors.recentErrors.prefix(3))")
        #expect(snapshot.retries > 0)
        #expect(live.server.statistics.faults.failures[503, default: 0] > 0)
    }

    @Test func withoutRetriesTheSameFaultsAreErrors() async throws {
        let live = try LiveServer(faults: FaultPlan(failureRates: [503: 0.2], seed: 3))
        let workload = SartorWorkload(settings: live.settings(), session: live.session)
        let configuration = RunConfiguration(
            model: .closed(agents: 8, think: .none), operationLimit: 200, seed: 3,
            retryPolicy: .disabled)
        let snapshot = await RunController(workload: workload, configuration: configuration).run()
        #expect(snapshot.errorCount > 0)
        #expect(snapshot.errors.countsByKind[.httpStatus(503), default: 0] > 0)
    }

    @Test func verifyPassesThenFindsADeletedRecord() async throws {
        let live = try LiveServer()
        let workload = SartorWorkload(
            settings: live.settings(ledger: true), session: live.session)
        let configuration = RunConfiguration(
            model: .closed(agents: 6, think: .none), operationLimit: 300, seed: 5,
            retryPolicy: .disabled)
        _ = await RunController(workload: workload, configuration: configuration).run()
        let ledger = try #require(workload.ledger)
        let verifier = Verifier(session: live.session, paths: live.paths)
        let clean = await verifier.verify(ledger)
        #expect(clean.passed, "\(clean.detailLines())")
        #expect(clean.checked >= ledger.writes.count + 6)

        let knowledge = try #require(
            ledger.writes.keys.sorted().first { $0.contains("/knowledge/") })
        try await live.delete(knowledge)
        let broken = await verifier.verify(ledger)
        #expect(!broken.passed)
        #expect(broken.missing == [knowledge])
        #expect(broken.summaryLine.contains("1 missing"))
    }
}

import SartorEngine
import SartorHTTP

/// Reads back what a run wrote and compares it with the run's `WriteLedger`.
///
/// Each collection is read whole once (agents, presence, tasks, knowledge, broadcast and
/// direct messages), so the check costs six GETs and one pass over the data. Its requests are
/// not part of the load and are not counted in the run's metrics.
public struct Verifier: Sendable {
    public let session: RTDBSession
    public let paths: SartorPaths

    public init(session: RTDBSession, paths: SartorPaths) {
        self.session = session
        self.paths = paths
    }

    /// Compares the database with `ledger`.
    public func verify(_ ledger: WriteLedger) async -> VerifyReport {
        var report = VerifyReport()
        let found: [String: JSONValue]
        let agents: JSONValue
        let presence: JSONValue
        do {
            found = try await readWrites()
            agents = try await read(paths.agents)
            presence = try await read(paths.presenceRoot)
        } catch {
            report.readFailure = error.description
            return report
        }

        for (path, fingerprint) in ledger.writes.sorted(by: { $0.key < $1.key }) {
            report.checked += 1
            guard let value = found[path] else {
                report.missing.append(path)
                continue
            }
            if value.fingerprint != fingerprint { report.mismatched.append(path) }
        }
        for agentID in ledger.agents.sorted() {
            report.checked += 1
            guard let record = agents[agentID] else {
                report.missing.append(paths.agent(agentID))
                continue
            }
            let offline = record["status"]?.stringValue == "offline"
            if !offline || presence[agentID]?["online"]?.boolValue != false {
                report.notOffline.append(agentID)
            }
        }
        checkClaims(ledger.claims, tasks: found, into: &report)
        return report
    }

    private func checkClaims(
        _ claims: [String: [ClaimRecord]], tasks found: [String: JSONValue],
        into report: inout VerifyReport
    ) {
        for (taskID, taskClaims) in claims.sorted(by: { $0.key < $1.key }) {
            report.checked += 1
            let finalClaimant = found[paths.task(taskID) + VerifyReadBack.claimSuffix]?
                .stringValue
            if taskClaims.count > 1 {
                report.doubleClaims.append(
                    DoubleClaim(taskID: taskID, claims: taskClaims, finalClaimant: finalClaimant))
            } else if finalClaimant != taskClaims[0].agentID {
                report.mismatched.append(
                    "\(paths.task(taskID)): claimed_by \(finalClaimant ?? "absent"), "
                        + "acknowledged to \(taskClaims[0].agentID)")
            }
        }
    }

    /// The value at `path` as read now.
    func read(_ path: String) async throws(VerifyReadError) -> JSONValue {
        var context = OperationContext(
            random: SeededRandom(seed: 0), retryPolicy: .standard, agentIndex: -1)
        let result = await session.get(path, context: &context)
        switch result {
        case .failure(let failure): throw VerifyReadError(description: failure.message)
        case .success(let response):
            do {
                return try JSONScanner.parse(response.body)
            } catch {
                throw VerifyReadError(description: "GET \(path): \(error)")
            }
        }
    }
}

/// A read-back that failed: the request or the JSON.
public struct VerifyReadError: Error, Sendable {
    public let description: String
}

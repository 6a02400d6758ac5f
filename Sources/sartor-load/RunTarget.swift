import Foundation
import SartorEngine
import SartorHTTP
import SartorServer
import SartorWorkload

/// The database a run loads: a URL given with `--target`, or the embedded server started
/// in-process on a free loopback port.
struct RunTarget: Sendable {
    let baseURL: String
    /// For the start line and the reports: the URL, and `(embedded server)` when it is ours.
    let description: String
    /// The embedded server, when the run started one; stopped by `stop()`.
    let server: EmbeddedServer?

    /// Starts the embedded server unless `plan` names a target.
    static func open(_ plan: RunPlan) throws -> RunTarget {
        if let url = plan.target {
            let base = url.absoluteString
            return RunTarget(baseURL: base, description: Self.masked(url), server: nil)
        }
        let server: EmbeddedServer
        do {
            server = try EmbeddedServer.start(ServerConfiguration())
        } catch {
            throw RunFailure("the embedded server could not start: \(error)")
        }
        return RunTarget(
            baseURL: server.baseURL, description: "\(server.baseURL) (embedded server)",
            server: server)
    }

    /// Reads `<root>/.json?shallow=true`: a target that cannot answer, or answers with
    /// something other than JSON (a web page, a proxy's error), stops the run before any load,
    /// with the cause. A database that answers 500, 503 or 504 is struggling, not absent: that
    /// read is retried as `retryPolicy` retries the run's requests; a refused connection is not,
    /// so that a wrong address fails at once.
    func checkReachable(
        _ session: RTDBSession, root: String, retryPolicy: RetryPolicy
    ) async throws {
        var context = OperationContext(
            random: SeededRandom(seed: 0), retryPolicy: .disabled, agentIndex: -1)
        // Only a status is offered for retrying; connection failures end the check at once.
        let result = await retryPolicy.run(context: &context) { (result: HTTPResult) in
            guard case .failure(let failure) = result, case .httpStatus = failure.kind else {
                return nil
            }
            return failure.kind
        } _: { context, _ in
            await session.get(root, shallow: true, context: &context)
        }
        switch result {
        case .success(let response):
            do { _ = try JSONScanner.parse(response.body) } catch {
                let start = String(decoding: response.body.prefix(40), as: UTF8.self)
                let request = session.endpoint.masked("\(response.method) \(response.url)")
                throw RunFailure(
                    "the target is not a Realtime Database: \(request) answered "
                        + "\(response.status) with a body that is not JSON "
                        + "(\(start.debugDescription)); check --target")
            }
        case .failure(let failure):
            var advice = "check --target and that the database is up"
            if case .httpStatus(let status) = failure.kind, status == 401 || status == 403 {
                advice = "check --auth: the database refused the token (or its absence)"
            }
            throw RunFailure("cannot reach the target: \(failure.message); \(advice)")
        }
    }

    func stop() { server?.stop() }

    /// The URL as shown and reported: a password in it is replaced by `***`, as `--auth` is.
    static func masked(_ url: URL) -> String {
        guard url.password != nil,
            var parts = URLComponents(url: url, resolvingAgainstBaseURL: false)
        else { return url.absoluteString }
        parts.password = "***"
        return parts.string ?? url.absoluteString
    }
}

/// A run that could not be done (exit code 1), with a message naming the cause and the fix.
struct RunFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}

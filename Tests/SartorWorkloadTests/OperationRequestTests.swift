import SartorEngine
import SartorHTTP
import Testing

@testable import SartorWorkload

/// Each operation against the embedded server makes exactly the requests of the Sartor
/// Network's client, in order, and leaves the data the client would leave.
@Suite struct OperationRequestTests {
    static let uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    static let agent = "claude-[0-9]+-[0-9a-f]{8}"

    /// Two connected agents (so a direct message has a recipient) and one open task.
    static func prepared(
        _ live: LiveServer, claim: ClaimMode = .safe, statusQuery: StatusQueryMode = .full
    ) async -> (SartorAgent, SartorAgent, OperationContext) {
        let workload = SartorWorkload(
            settings: live.settings(claim: claim, statusQuery: statusQuery),
            session: live.session)
        var me = workload.makeAgent(index: 0) as! SartorAgent
        var other = workload.makeAgent(index: 1) as! SartorAgent
        var context = live.context(seed: 1)
        var otherContext = live.context(seed: 2)
        #expect(await me.connect(&context) == .success)
        #expect(await other.connect(&otherContext) == .success)
        #expect(
            await other.run(operation: SartorOperation.taskCreate.rawValue, &otherContext)
                == .success)
        _ = live.recorder.take()
        return (me, other, context)
    }

    static func check(_ lines: [String], _ expected: [(String, String)]) {
        #expect(lines.count == expected.count, "\(lines)")
        for (line, (method, path)) in zip(lines, expected) {
            let pattern = try! Regex("\(method) /test-root/\(path)\\.json(\\?.*)?")
            #expect(line.wholeMatch(of: pattern) != nil, "\(line) is not \(method) \(path)")
        }
    }

    @Test func connectAndDisconnect() async throws {
        let live = try LiveServer()
        var agent =
            SartorWorkload(settings: live.settings(), session: live.session)
            .makeAgent(index: 0) as! SartorAgent
        var context = live.context()
        #expect(await agent.connect(&context) == .success)
        Self.check(
            live.recorder.take(),
            [("PUT", "agents/\(Self.agent)"), ("PUT", "presence/\(Self.agent)")])
        #expect(try await live.read(live.paths.agent(agent.agentID))["status"] == "online")

        #expect(await agent.disconnect(&context) == .success)
        Self.check(
            live.recorder.take(),
            [("PATCH", "agents/\(Self.agent)"), ("PATCH", "presence/\(Self.agent)")])
        #expect(try await live.read(live.paths.agent(agent.agentID))["status"] == "offline")
        #expect(try await live.read(live.paths.presence(agent.agentID))["online"] == false)
        #expect(context.requests == 4)
        #expect(context.bytesSent > 0 && context.bytesReceived > 0)
    }

    /// An agent of `live` whose requests go through the sender `wrap` makes of the client,
    /// connected.
    static func connectedAgent(
        _ live: LiveServer, through wrap: (any RequestSending) -> any RequestSending
    ) async -> (SartorAgent, OperationContext) {
        let session = RTDBSession(sender: wrap(live.client), endpoint: live.session.endpoint)
        var agent =
            SartorWorkload(settings: live.settings(), session: session)
            .makeAgent(index: 0) as! SartorAgent
        var context = live.context()
        #expect(await agent.connect(&context) == .success)
        return (agent, context)
    }

    @Test func aFailedSignOffStillMarksThePresenceOffline() async throws {
        /// Fails the PATCH of the agent record with a 401, passes the rest on.
        struct RefusingAgentPatch: RequestSending {
            let inner: any RequestSending
            func send(_ request: HTTPRequest) async -> HTTPResult {
                guard request.method == "PATCH", request.url.contains("/agents/") else {
                    return await inner.send(request)
                }
                return .failure(
                    HTTPFailure(kind: .httpStatus(401), message: "PATCH: Permission denied"))
            }
        }
        let live = try LiveServer()
        var (agent, context) = await Self.connectedAgent(live) { RefusingAgentPatch(inner: $0) }

        guard case .failure(.httpStatus(401), _) = await agent.disconnect(&context) else {
            Issue.record("the refused sign-off was not reported")
            return
        }
        #expect(try await live.read(live.paths.presence(agent.agentID))["online"] == false)
    }

    @Test func aStatusQueryOfABodyThatIsNotACollectionIsInvalid() async throws {
        /// Answers GET of the tasks with a web page, fed to the request's consumer as a client
        /// would; passes the rest on.
        struct WebPageForTasks: RequestSending {
            let inner: any RequestSending
            func send(_ request: HTTPRequest) async -> HTTPResult {
                guard request.method == "GET", request.url.contains("/tasks.json"),
                    let consumer = request.bodyConsumer
                else { return await inner.send(request) }
                let result = await inner.send(HTTPRequest(url: request.url, keepsBody: false))
                consumer.begin()
                Array("<html>Bad gateway</html>".utf8).withUnsafeBytes { consumer.consume($0) }
                return result
            }
        }
        let live = try LiveServer()
        var (agent, context) = await Self.connectedAgent(live) { WebPageForTasks(inner: $0) }

        let outcome = await agent.run(operation: SartorOperation.statusQuery.rawValue, &context)
        guard case .failure(.invalidResponse, let message) = outcome else {
            Issue.record("a web page passed as a task list: \(outcome)")
            return
        }
        #expect(message.contains("tasks"))
    }

    @Test func directMessage() async throws {
        let live = try LiveServer()
        var (me, other, context) = await Self.prepared(live)
        #expect(
            await me.run(operation: SartorOperation.directMessage.rawValue, &context) == .success)
        Self.check(
            live.recorder.take(),
            [
                ("GET", "agents"), ("PUT", "messages/direct/\(other.agentID)/\(Self.uuid)"),
            ])
        let inbox = try await live.read(live.paths.inbox(other.agentID)).objectValue ?? [:]
        let message = try #require(inbox.values.first)
        #expect(message["from"]?.stringValue == me.agentID && message["read"] == false)
        let length = message["content"]?.stringValue?.utf8.count ?? 0
        #expect((20...80).contains(length))
    }

    @Test func broadcastTaskCreateAndKnowledgeAreOnePut() async throws {
        let live = try LiveServer()
        var (me, _, context) = await Self.prepared(live)
        let cases: [(SartorOperation, String)] = [
            (.broadcast, "messages/broadcast/\(Self.uuid)"), (.taskCreate, "tasks/\(Self.uuid)"),
            (.knowledgeAdd, "knowledge/\(Self.uuid)"),
        ]
        for (operation, path) in cases {
            #expect(await me.run(operation: operation.rawValue, &context) == .success)
            Self.check(live.recorder.take(), [("PUT", path)])
        }
        let knowledge = try await live.read(live.paths.knowledge).objectValue ?? [:]
        #expect(knowledge.count == 1)
        #expect(try await live.read(live.paths.tasks).objectValue?.count == 2)
    }

    @Test(arguments: [ClaimMode.safe, .naive])
    func taskClaim(mode: ClaimMode) async throws {
        let live = try LiveServer()
        var (me, _, context) = await Self.prepared(live, claim: mode)
        #expect(await me.run(operation: SartorOperation.taskClaim.rawValue, &context) == .success)
        let task = "tasks/\(Self.uuid)"
        let write = mode == .safe ? "PUT" : "PATCH"
        Self.check(
            live.recorder.take(),
            [
                ("GET", "tasks"), ("GET", task), (write, task), ("PATCH", task),
            ])
        let stored = try await live.read(live.paths.tasks).objectValue ?? [:]
        let claimed = try #require(stored.values.first)
        #expect(claimed["claimed_by"]?.stringValue == me.agentID)
        #expect(["in-progress", "completed"].contains(claimed["status"]?.stringValue ?? ""))

        #expect(
            await me.run(operation: SartorOperation.taskClaim.rawValue, &context)
                == .skipped(reason: "no available task"))
        Self.check(live.recorder.take(), [("GET", "tasks")])
    }

    @Test(arguments: [StatusQueryMode.full, .shallow])
    func statusQuery(mode: StatusQueryMode) async throws {
        let live = try LiveServer()
        var (me, _, context) = await Self.prepared(live, statusQuery: mode)
        #expect(await me.run(operation: SartorOperation.statusQuery.rawValue, &context) == .success)
        let lines = live.recorder.take()
        Self.check(lines, [("GET", "agents"), ("GET", "tasks"), ("GET", "knowledge")])
        #expect(lines.allSatisfy { $0.hasSuffix("?shallow=true") } == (mode == .shallow))
    }
}

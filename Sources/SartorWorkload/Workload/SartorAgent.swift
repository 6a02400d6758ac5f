import Foundation
import SartorEngine
import SartorHTTP
import SartorMetrics

/// One Sartor agent: connects (registers and goes online), runs operations, disconnects.
///
/// Owned by one engine task at a time, so its stored state needs no lock. Every random choice
/// comes from the context's seeded generator.
struct SartorAgent: VirtualAgent {
    let index: Int
    let settings: SartorSettings
    let session: RTDBSession
    let ledger: WriteLedger?
    /// Chosen at connect: `claude-<unix seconds>-<8 hex>`.
    var agentID = ""

    var paths: SartorPaths { settings.paths }

    init(index: Int, settings: SartorSettings, session: RTDBSession, ledger: WriteLedger?) {
        self.index = index
        self.settings = settings
        self.session = session
        self.ledger = ledger
    }

    mutating func connect(_ context: inout OperationContext) async -> Outcome {
        if agentID.isEmpty {
            let seconds = Int(Date().timeIntervalSince1970)
            agentID = Identifiers.agentID(unixSeconds: seconds, using: &context.random)
        }
        let now = Timestamp.now()
        let capabilities = Array(ContentGenerator.capabilities.prefix(3))
        let record = SartorRecords.agent(
            id: agentID, name: "Load Agent \(index)", capabilities: capabilities, now: now)
        let registered = await session.put(paths.agent(agentID), body: record, context: &context)
        if case .failure(let failure) = registered { return failed(failure) }
        ledger?.recordAgent(agentID)

        let presence = SartorRecords.presence(online: true, now: now)
        return outcome(
            of: await session.put(paths.presence(agentID), body: presence, context: &context))
    }

    mutating func run(operation index: Int, _ context: inout OperationContext) async -> Outcome {
        guard let operation = SartorOperation(rawValue: index) else {
            return .failure(.other, message: "no operation at index \(index)")
        }
        switch operation {
        case .directMessage: return await directMessage(&context)
        case .broadcast: return await broadcast(&context)
        case .taskCreate: return await createTask(&context)
        case .taskClaim: return await claimTask(&context)
        case .knowledgeAdd: return await addKnowledge(&context)
        case .statusQuery: return await queryStatus(&context)
        }
    }

    mutating func disconnect(_ context: inout OperationContext) async -> Outcome {
        guard !agentID.isEmpty else { return .skipped(reason: "never connected") }
        let now = Timestamp.now()
        // Both writes are sent whatever the first gives, so that a failed one leaves no more
        // than its own record online.
        let offline = await session.patch(
            paths.agent(agentID), members: SartorRecords.agentOffline(now: now), context: &context)
        let presence = await session.patch(
            paths.presence(agentID), members: SartorRecords.presenceOffline(now: now),
            context: &context)
        if case .failure(let failure) = offline { return failed(failure) }
        return outcome(of: presence)
    }

    /// PUTs `value` at `path` and, once acknowledged, enters it in the ledger.
    func write(
        _ value: JSONValue, at path: String, ledgerValue: JSONValue? = nil,
        _ context: inout OperationContext
    ) async -> Outcome {
        let result = await session.put(path, body: value, context: &context)
        if case .success = result { ledger?.recordWrite(path: path, value: ledgerValue ?? value) }
        return outcome(of: result)
    }

    func outcome(of result: HTTPResult) -> Outcome {
        switch result {
        case .success: .success
        case .failure(let failure): failed(failure)
        }
    }

    func failed(_ failure: HTTPFailure) -> Outcome {
        .failure(failure.kind, message: failure.message)
    }

    func invalid(_ path: String, _ error: JSONSyntaxError) -> Outcome {
        invalid(path, error.description)
    }

    func invalid(_ path: String, _ reason: String) -> Outcome {
        .failure(.invalidResponse, message: "GET \(path): \(reason)")
    }
}

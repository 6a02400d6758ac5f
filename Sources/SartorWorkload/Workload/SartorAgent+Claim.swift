import SartorEngine

extension SartorAgent {
    /// GET the task list, pick an available task, re-read it, claim it (safe: conditional PUT;
    /// naive: PATCH), work for a while (the agent's own time), then PATCH the outcome.
    ///
    /// No available task is a skip; a task taken between the list and the claim, or a 412 on
    /// the conditional write, is a conflict. Neither is an error.
    func claimTask(_ context: inout OperationContext) async -> Outcome {
        // The list is read as it arrives, keeping only the chosen task.
        let picker = CollectionPicker(
            whereMember: "status", equals: "available", seed: context.random.next())
        let listing = await session.get(paths.tasks, consumer: picker, context: &context)
        guard case .success = listing else { return outcome(of: listing) }
        let taskID: String
        switch picker.outcome {
        case .picked(let key): taskID = key
        case .empty: return .skipped(reason: "no available task")
        case .invalid(let reason): return invalid(paths.tasks, reason)
        }

        let path = paths.task(taskID)
        let safe = settings.claimMode == .safe
        let reading = await session.get(path, etag: safe, context: &context)
        guard case .success(let current) = reading else { return outcome(of: reading) }
        let task: JSONValue
        do {
            task = try JSONScanner.parse(current.body)
        } catch {
            return invalid(path, error)
        }
        guard task["status"]?.stringValue == "available" else {
            return .conflict(reason: "task \(taskID) was taken before this agent's claim")
        }

        let claimedAt = Timestamp.now()
        let claim = SartorRecords.claim(by: agentID, now: claimedAt)
        if safe {
            guard let etag = current.header("ETag") else {
                return .failure(.invalidResponse, message: "GET \(path): no ETag header")
            }
            let written = await session.put(
                path, body: task.merging(claim), ifMatch: etag, context: &context)
            guard case .success(let response) = written else { return outcome(of: written) }
            if response.status == 412 {
                return .conflict(reason: "task \(taskID) claimed by another agent first (412)")
            }
        } else {
            let written = await session.patch(path, members: claim, context: &context)
            guard case .success = written else { return outcome(of: written) }
        }
        ledger?.recordClaim(
            taskID: taskID, claim: ClaimRecord(agentID: agentID, claimedAt: claimedAt))

        await work(&context)
        let update = SartorRecords.taskUpdate(
            by: agentID, completed: Bool.random(using: &context.random),
            result: ContentGenerator.message(using: &context.random), now: Timestamp.now())
        return outcome(of: await session.patch(path, members: update, context: &context))
    }

    /// The simulated work between claim and update, added to `agentTime` so that it never
    /// counts as latency. A stopping run cuts it short.
    private func work(_ context: inout OperationContext) async {
        let duration = settings.work.next(using: &context.random)
        guard duration > .zero else { return }
        let clock = ContinuousClock()
        let start = clock.now
        try? await Task.sleep(for: duration)
        context.agentTime += clock.now - start
    }
}

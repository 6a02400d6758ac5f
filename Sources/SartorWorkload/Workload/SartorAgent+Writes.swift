import SartorEngine

extension SartorAgent {
    /// GET the whole agent list, pick another agent at random, PUT a message in its inbox.
    /// The list is read as it arrives, keeping only the chosen agent.
    func directMessage(_ context: inout OperationContext) async -> Outcome {
        let picker = CollectionPicker(excluding: agentID, seed: context.random.next())
        let listing = await session.get(paths.agents, consumer: picker, context: &context)
        guard case .success = listing else { return outcome(of: listing) }
        let recipient: String
        switch picker.outcome {
        case .picked(let key): recipient = key
        case .empty: return .skipped(reason: "no other agent to message")
        case .invalid(let reason): return invalid(paths.agents, reason)
        }
        let content = ContentGenerator.message(using: &context.random)
        let message = SartorRecords.directMessage(
            from: agentID, to: recipient, content: content, now: Timestamp.now())
        let id = Identifiers.uuid(using: &context.random)
        return await write(message, at: paths.directMessage(to: recipient, id: id), &context)
    }

    /// PUT a message under `messages/broadcast`.
    func broadcast(_ context: inout OperationContext) async -> Outcome {
        let content = ContentGenerator.message(using: &context.random)
        let message = SartorRecords.broadcast(from: agentID, content: content, now: Timestamp.now())
        let id = Identifiers.uuid(using: &context.random)
        return await write(message, at: paths.broadcast(id), &context)
    }

    /// PUT a new task with status `available`.
    func createTask(_ context: inout OperationContext) async -> Outcome {
        let id = Identifiers.uuid(using: &context.random)
        let type = ContentGenerator.taskTypes.randomElement(using: &context.random)!
        let task = SartorRecords.task(
            id: id, title: ContentGenerator.taskTitle(type: type, using: &context.random),
            description: ContentGenerator.taskDescription(using: &context.random),
            createdBy: agentID, now: Timestamp.now(),
            priority: ContentGenerator.priorities.randomElement(using: &context.random)!,
            estimatedMinutes: Int.random(in: 15...240, using: &context.random),
            tags: ContentGenerator.tagList(using: &context.random))
        return await write(
            task, at: paths.task(id), ledgerValue: SartorRecords.creationPart(of: task), &context)
    }

    /// PUT a knowledge entry of about 200 bytes.
    func addKnowledge(_ context: inout OperationContext) async -> Outcome {
        let entry = SartorRecords.knowledge(
            content: ContentGenerator.knowledge(using: &context.random), addedBy: agentID,
            tags: ContentGenerator.tagList(using: &context.random), now: Timestamp.now())
        let id = Identifiers.uuid(using: &context.random)
        return await write(entry, at: paths.knowledge(id), &context)
    }

    /// GET agents, tasks and knowledge, whole or (`--status-query shallow`) keys only. Each
    /// body's structure is checked as it streams in, so that a body that is not a collection
    /// (a web page, a truncated answer) is an invalid response, not a success.
    func queryStatus(_ context: inout OperationContext) async -> Outcome {
        let shallow = settings.statusQuery == .shallow
        for path in [paths.agents, paths.tasks, paths.knowledge] {
            let check = CollectionPicker(seed: 0)
            let result = await session.get(
                path, shallow: shallow, consumer: check, context: &context)
            if case .failure = result { return outcome(of: result) }
            if case .invalid(let reason) = check.outcome { return invalid(path, reason) }
        }
        return .success
    }
}

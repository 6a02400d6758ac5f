/// The JSON records the Sartor Network stores, field for field as its agents write them.
public enum SartorRecords {
    /// `agents/{id}`: who the agent is and that it is online.
    public static func agent(
        id: String, name: String, capabilities: [String], now: String
    ) -> JSONValue {
        .object([
            "agent_id": .string(id), "agent_name": .string(name), "status": "online",
            "capabilities": .array(capabilities.map { .string($0) }),
            "joined_at": .string(now), "last_seen": .string(now),
        ])
    }

    /// `presence/{id}`.
    public static func presence(online: Bool, now: String) -> JSONValue {
        .object(["online": .bool(online), "last_seen": .string(now)])
    }

    /// The PATCH of `agents/{id}` at disconnect.
    public static func agentOffline(now: String) -> [String: JSONValue] {
        ["status": "offline", "last_seen": .string(now)]
    }

    /// The PATCH of `presence/{id}` at disconnect.
    public static func presenceOffline(now: String) -> [String: JSONValue] {
        ["online": false, "last_seen": .string(now)]
    }

    /// `messages/direct/{to}/{uuid}`, unread.
    public static func directMessage(
        from: String, to: String, content: String, now: String
    ) -> JSONValue {
        .object([
            "from": .string(from), "to": .string(to), "content": .string(content),
            "timestamp": .string(now), "read": false,
        ])
    }

    /// `messages/broadcast/{uuid}`.
    public static func broadcast(from: String, content: String, now: String) -> JSONValue {
        .object(["from": .string(from), "content": .string(content), "timestamp": .string(now)])
    }

    /// `knowledge/{uuid}`.
    public static func knowledge(
        content: String, addedBy: String, tags: [String], now: String
    ) -> JSONValue {
        .object([
            "content": .string(content), "added_by": .string(addedBy),
            "timestamp": .string(now), "tags": .array(tags.map { .string($0) }),
        ])
    }

    /// The members of a task written at creation; `status` is `available`.
    public static func task(
        id: String, title: String, description: String, createdBy: String, now: String,
        priority: String, estimatedMinutes: Int, tags: [String]
    ) -> JSONValue {
        .object([
            "task_id": .string(id), "title": .string(title), "description": .string(description),
            "status": "available", "created_by": .string(createdBy), "created_at": .string(now),
            "data": .object([
                "priority": .string(priority), "estimated_duration": .int(estimatedMinutes),
                "tags": .array(tags.map { .string($0) }),
            ]),
        ])
    }

    /// The members of a task that its creation fixes and no later write changes: what the
    /// integrity check compares.
    public static let taskCreationFields: Set<String> = [
        "task_id", "title", "description", "created_by", "created_at", "data",
    ]

    /// `task` reduced to `taskCreationFields`.
    public static func creationPart(of task: JSONValue) -> JSONValue {
        guard let members = task.objectValue else { return task }
        return .object(members.filter { taskCreationFields.contains($0.key) })
    }

    /// The members a claim writes.
    public static func claim(by agentID: String, now: String) -> [String: JSONValue] {
        ["status": "claimed", "claimed_by": .string(agentID), "claimed_at": .string(now)]
    }

    /// The members of the update after the work: `in-progress` or `completed`, and a result.
    public static func taskUpdate(
        by agentID: String, completed: Bool, result: String, now: String
    ) -> [String: JSONValue] {
        [
            "status": .string(completed ? "completed" : "in-progress"),
            "updated_by": .string(agentID), "updated_at": .string(now),
            "result": .string(result),
        ]
    }
}

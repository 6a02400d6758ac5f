/// The open model's agents: idle ones waiting for an operation, and a count of those created,
/// at most `maxInFlight`. Each agent runs one operation at a time.
struct OpenAgentPool: Sendable {
    var idle: [AgentState] = []
    var created = 0
    var inUse = 0
    /// The dispatcher, waiting for an operation to finish because all slots are in use.
    var slotWaiter: CheckedContinuation<Void, Never>?

    /// Takes an idle agent, or the index for a new one, or `nil` when `limit` are in use.
    mutating func checkOut(limit: Int) -> Checkout? {
        guard inUse < limit else { return nil }
        inUse += 1
        if let agent = idle.popLast() { return .existing(agent) }
        created += 1
        return .new(index: created - 1)
    }

    enum Checkout {
        case existing(AgentState)
        case new(index: Int)
    }

    /// Undoes a checkout whose operation never started.
    mutating func cancelCheckout(_ checkout: Checkout) -> CheckedContinuation<Void, Never>? {
        switch checkout {
        case .existing(let agent): return checkIn(agent)
        case .new:
            created -= 1
            inUse -= 1
            defer { slotWaiter = nil }
            return slotWaiter
        }
    }

    /// Returns an agent after its operation; gives back the waiting dispatcher to resume.
    mutating func checkIn(_ agent: AgentState) -> CheckedContinuation<Void, Never>? {
        idle.append(agent)
        inUse -= 1
        defer { slotWaiter = nil }
        return slotWaiter
    }
}

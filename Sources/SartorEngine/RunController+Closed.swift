import Synchronization

/// One agent task of the closed model as the controller sees it: its index, whether it has
/// been asked to leave, and the sleep that a retirement cuts short.
final class AgentSlot: Sendable {
    let index: Int
    let think = WakeableSleep()
    private let retiring = Atomic<Bool>(false)

    init(index: Int) {
        self.index = index
    }

    var isRetiring: Bool { retiring.load(ordering: .relaxed) }

    /// Asks the agent to leave after its current operation, waking it if it is thinking.
    func retire() {
        retiring.store(true, ordering: .relaxed)
        think.wake()
    }
}

/// The closed model's agents that have not been asked to leave, newest last.
struct AgentRoster: Sendable {
    var live: [AgentSlot] = []
    var nextIndex = 0
}

extension RunController {
    /// Brings the number of live agents to `target`: new ones are returned for the caller to
    /// start, surplus ones (the newest first) are retired.
    func rosterChanges(toward target: Int) -> [AgentSlot] {
        roster.withLock { roster in
            var added: [AgentSlot] = []
            while roster.live.count < target {
                let slot = AgentSlot(index: roster.nextIndex)
                roster.nextIndex += 1
                roster.live.append(slot)
                added.append(slot)
            }
            while roster.live.count > target {
                roster.live.removeLast().retire()
            }
            return added
        }
    }

    /// Retires every agent, for a stop; a driver's waiting lanes claim again and end.
    func retireAllAgents() {
        let slots = roster.withLock { roster in
            defer { roster.live.removeAll() }
            return roster.live
        }
        for slot in slots { slot.retire() }
        wakeDriver()
    }

    /// The life of one closed-model agent: wait its share of `spreadOver` (a seeded delay,
    /// uniform in `0..<spreadOver`), connect, then pick, run and think until it is retired or
    /// the run stops, then disconnect.
    func runClosedAgent(_ slot: AgentSlot, think: ThinkTime, spreadOver: Duration) async {
        defer { workers.subtract(1, ordering: .relaxed) }
        if spreadOver > .zero {
            // A stream of its own, so that the agent's choices are the same with or without
            // the spread.
            var random = rootRandom.derived(stream: .max - 2).derived(stream: UInt64(slot.index))
            await slot.think.sleep(for: spreadOver * random.nextUnitDouble())
            guard !slot.isRetiring, !Task.isCancelled else { return }
        }
        // An agent waiting for its start is not alive yet: the snapshot counts it on joining.
        liveAgents.add(1, ordering: .relaxed)
        defer { liveAgents.subtract(1, ordering: .relaxed) }
        var agent = AgentState(
            index: slot.index, workload: workload, root: rootRandom,
            retryPolicy: configuration.retryPolicy)

        let apart = think.maximum > .zero
        while !agent.isConnected, !slot.isRetiring, !Task.isCancelled {
            await step(&agent, apart: apart) { await self.connect(&$0) }
            if !agent.isConnected {
                await slot.think.sleep(
                    for: max(think.next(using: &agent.context.random), Self.tick))
            }
        }
        while !slot.isRetiring, let index = await nextOperation(using: &agent.context.random) {
            let ran = await step(&agent, apart: apart) { await self.perform(index, on: &$0) }
            guard !slot.isRetiring else { break }
            let pause = think.next(using: &agent.context.random)
            if pause > .zero {
                await slot.think.sleep(for: pause)
            } else if !ran {
                // Limitation: with no think time, an agent whose picks are all rate limited
                // polls every millisecond instead of sleeping until a token is due.
                try? await Task.sleep(for: .milliseconds(1))
            } else {
                // An operation that never suspends would otherwise hold its thread for good.
                await Task.yield()
            }
        }
        // A stop retires every agent at once: their disconnects take turns, so that thousands
        // of them do not all build their frames at the same moment.
        guard await disconnectGate.enter() else { return }
        defer { disconnectGate.leave() }
        await step(&agent, apart: apart) { await self.disconnect(&$0) }
    }
}

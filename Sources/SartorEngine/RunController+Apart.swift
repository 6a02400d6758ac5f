extension RunController {
    /// Runs `step` on `agent`, in a task of its own when `apart` is true.
    ///
    /// A task keeps every slab of frames it ever used until it ends, so an agent task that
    /// runs its operations itself holds the deepest stack they built (workload, retries, HTTP
    /// client: some 9 KB) through all its think times; with 10,000 agents that is 90 MB for
    /// agents that are only sleeping. Run apart, those frames go when the step ends, for the
    /// cost of creating a task (a few microseconds), which is worth it only when the agent
    /// then thinks. Cancelling the calling task cancels the step's task.
    func step<Result: Sendable>(
        _ agent: inout AgentState, apart: Bool,
        _ step: @escaping @Sendable (inout AgentState) async -> Result
    ) async -> Result {
        guard apart else { return await step(&agent) }
        let moved = agent
        let task = Task {
            var state = moved
            let result = await step(&state)
            return (state, result)
        }
        let (state, result) = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        agent = state
        return result
    }
}

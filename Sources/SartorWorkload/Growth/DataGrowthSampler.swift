import SartorEngine
import Synchronization

/// The size of the network's collections at one moment of a run.
public struct DataSizes: Sendable, Equatable {
    /// Seconds since the start of the run.
    public var time: Double
    public var agents: Int
    public var tasks: Int
    public var knowledge: Int
    /// Broadcast plus direct messages.
    public var messages: Int

    public init(time: Double, agents: Int, tasks: Int, knowledge: Int, messages: Int) {
        self.time = time
        self.agents = agents
        self.tasks = tasks
        self.knowledge = knowledge
        self.messages = messages
    }
}

/// Samples the collection sizes during a run with shallow reads (keys only), outside the
/// measured load.
///
/// A sample costs four shallow GETs plus one per inbox of direct messages, at most
/// `maxInboxes`. Samples are kept in a bounded list: past `capacity`, every other one is
/// dropped, so an hours-long run keeps an even spread in constant memory. Thread-safe: the
/// samples are behind a `Mutex`.
public final class DataGrowthSampler: Sendable {
    public let session: RTDBSession
    public let paths: SartorPaths
    public let capacity: Int
    // Limitation: RTDB's REST API has no count, so a sample downloads every key of every
    // collection (about 45 bytes a record, 12 MB for 250,000 records): its time, bandwidth and
    // transient memory grow with the data. Nothing of it is kept but the counts.
    /// Inboxes of direct messages read per sample.
    // Limitation: with more inboxes than this, the direct-message count is extrapolated from
    // the first `maxInboxes` inboxes instead of counted.
    public let maxInboxes: Int
    private let samples = Mutex<[DataSizes]>([])

    public init(
        session: RTDBSession, paths: SartorPaths, capacity: Int = 720, maxInboxes: Int = 256
    ) {
        self.session = session
        self.paths = paths
        self.capacity = max(2, capacity)
        self.maxInboxes = max(1, maxInboxes)
    }

    /// Every sample kept, oldest first.
    public var series: [DataSizes] { samples.withLock { $0 } }

    /// Reads the sizes now and keeps them; nil (nothing kept) when a collection cannot be
    /// read even after `retryPolicy`'s retries.
    @discardableResult
    public func sample(at time: Double) async -> DataSizes? {
        var context = OperationContext(
            random: SeededRandom(seed: 0), retryPolicy: Self.retryPolicy, agentIndex: -1)
        guard let agents = await count(paths.agents, &context),
            let tasks = await count(paths.tasks, &context),
            let knowledge = await count(paths.knowledge, &context),
            let broadcasts = await count(paths.broadcasts, &context),
            let direct = await countDirectMessages(&context)
        else { return nil }
        let sizes = DataSizes(
            time: time, agents: agents, tasks: tasks, knowledge: knowledge,
            messages: broadcasts + direct)
        keep(sizes)
        return sizes
    }

    private func keep(_ sizes: DataSizes) {
        let capacity = self.capacity
        samples.withLock { list in
            list.append(sizes)
            if list.count > capacity {
                list = list.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            }
        }
    }

    /// Retries soon and briefly: a sample stands for a moment of the run and must not hold
    /// up the next one, yet a struggling database should not leave holes in the series.
    static let retryPolicy = RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(200))

    /// Counts the first `maxInboxes` inboxes, extrapolating to all of them from those that
    /// were counted (an inbox that cannot be read is left out of the sample, not of the total).
    private func countDirectMessages(_ context: inout OperationContext) async -> Int? {
        guard let inboxes = await keys(paths.directMessages, &context) else { return nil }
        var total = 0
        var counted = 0
        for inbox in inboxes.prefix(maxInboxes) {
            guard let count = await count(paths.inbox(inbox), &context) else { continue }
            total += count
            counted += 1
        }
        guard counted < inboxes.count else { return total }
        guard counted > 0 else { return nil }
        return Int((Double(total) * Double(inboxes.count) / Double(counted)).rounded())
    }

    private func count(_ path: String, _ context: inout OperationContext) async -> Int? {
        let result = await session.get(path, shallow: true, context: &context)
        guard case .success(let response) = result else { return nil }
        return try? JSONScanner.memberCount(of: response.body)
    }

    private func keys(_ path: String, _ context: inout OperationContext) async -> [String]? {
        let result = await session.get(path, shallow: true, context: &context)
        guard case .success(let response) = result else { return nil }
        return try? JSONScanner.keys(of: response.body)
    }
}

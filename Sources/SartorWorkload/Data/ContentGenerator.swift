/// Generated English content with the vocabularies and sizes of the Sartor Network's traffic.
///
/// Sizes matter more than words: a message is 20–80 bytes, a knowledge entry about 200 bytes
/// (180–220), a task title a task type and a subject. Everything is ASCII, so bytes and
/// characters agree.
public enum ContentGenerator {
    public static let taskTypes = [
        "data analysis", "code review", "documentation update", "bug investigation",
        "feature implementation", "performance optimisation", "security audit",
        "integration testing",
    ]
    public static let priorities = ["low", "medium", "high", "urgent"]
    public static let tags = [
        "backend", "frontend", "database", "api", "testing", "docs", "infra", "security",
        "performance", "research", "ux", "ops",
    ]
    public static let capabilities = ["messaging", "tasks", "knowledge", "analysis", "coding"]
    static let subjects = [
        "the message queue", "the task board", "the knowledge base", "agent presence",
        "the broadcast channel", "the claim protocol", "the status report", "the REST client",
        "retry handling", "the data model", "the load profile", "the latency budget",
    ]
    static let words = [
        "agent", "network", "update", "task", "status", "result", "review", "found", "shared",
        "latency", "claim", "queue", "ready", "progress", "check", "data", "report", "note",
        "finished", "started", "waiting", "knowledge", "entry", "peer", "message", "sync",
        "online", "handoff", "summary", "observed", "pattern", "fix", "test", "build",
    ]

    /// Message content: 20–80 bytes.
    public static func message(using random: inout some RandomNumberGenerator) -> String {
        sentence(length: Int.random(in: 20...80, using: &random), using: &random)
    }

    /// A knowledge entry: 180–220 bytes.
    public static func knowledge(using random: inout some RandomNumberGenerator) -> String {
        sentence(length: Int.random(in: 180...220, using: &random), using: &random)
    }

    /// A task title such as `Code review: the claim protocol`.
    public static func taskTitle(
        type: String, using random: inout some RandomNumberGenerator
    ) -> String {
        let subject = subjects.randomElement(using: &random)!
        return type.prefix(1).uppercased() + type.dropFirst() + ": " + subject
    }

    /// A task description: 60–120 bytes.
    public static func taskDescription(using random: inout some RandomNumberGenerator) -> String {
        sentence(length: Int.random(in: 60...120, using: &random), using: &random)
    }

    /// Two or three distinct tags from `tags`.
    public static func tagList(using random: inout some RandomNumberGenerator) -> [String] {
        let count = Int.random(in: 2...3, using: &random)
        var chosen: [String] = []
        while chosen.count < count {
            let tag = tags.randomElement(using: &random)!
            if !chosen.contains(tag) { chosen.append(tag) }
        }
        return chosen
    }

    /// Words from `words` joined by spaces, cut to exactly `length` bytes and ended by a period.
    static func sentence(length: Int, using random: inout some RandomNumberGenerator) -> String {
        var text = ""
        while text.utf8.count < length {
            if !text.isEmpty { text += " " }
            text += words.randomElement(using: &random)!
        }
        // A cut that ends on a space ends the last word with an `s` instead, keeping the length.
        var cut = String(text.prefix(length - 1))
        if cut.hasSuffix(" ") {
            cut.removeLast()
            cut += "s"
        }
        return cut.prefix(1).uppercased() + cut.dropFirst() + "."
    }
}

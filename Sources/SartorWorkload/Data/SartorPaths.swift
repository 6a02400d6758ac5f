/// Where the Sartor Network keeps its data, relative to the chosen root key.
///
/// Paths are `/`-separated without the `.json` suffix; `Endpoint` turns them into URLs.
public struct SartorPaths: Sendable, Equatable {
    /// The root key, `agents-network` unless the user chose another.
    public let root: String

    public init(root: String = "agents-network") { self.root = root }

    public var rootPath: String { root }
    public var agents: String { "\(root)/agents" }
    public var presenceRoot: String { "\(root)/presence" }
    public var tasks: String { "\(root)/tasks" }
    public var knowledge: String { "\(root)/knowledge" }
    public var directMessages: String { "\(root)/messages/direct" }
    public var broadcasts: String { "\(root)/messages/broadcast" }

    public func agent(_ agentID: String) -> String { "\(agents)/\(agentID)" }
    public func presence(_ agentID: String) -> String { "\(presenceRoot)/\(agentID)" }
    public func task(_ taskID: String) -> String { "\(tasks)/\(taskID)" }
    public func knowledge(_ knowledgeID: String) -> String { "\(knowledge)/\(knowledgeID)" }
    public func inbox(_ agentID: String) -> String { "\(directMessages)/\(agentID)" }

    public func directMessage(to agentID: String, id messageID: String) -> String {
        "\(inbox(agentID))/\(messageID)"
    }

    public func broadcast(_ messageID: String) -> String { "\(broadcasts)/\(messageID)" }
}

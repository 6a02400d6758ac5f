import SartorRTDB

extension EmbeddedServer {
    /// Loads `configuration.dataFile` when it exists, then serves it. Throws `invalidData` for
    /// a file that is not a Firebase JSON export (the file is left untouched), `cannotPersist`
    /// when its directory cannot be written, and the listen errors of `start(_:database:)`.
    public static func start(_ configuration: ServerConfiguration) throws(ServerError)
        -> EmbeddedServer
    {
        var root = Node()
        if let path = configuration.dataFile {
            if let bytes = try DataFile.read(path) {
                do {
                    root = try Database.importTree(bytes)
                } catch {
                    throw .invalidData(path: path, reason: error.message)
                }
            }
            try DataFile.checkWritable(path)
        }
        let database = Database(
            configuration: Database.Configuration(secret: configuration.secret), root: root)
        return try start(configuration, database: database)
    }

    /// Serves an existing `database` (its own secret applies; `configuration.secret` is only
    /// used to build a database in `start(_:)`). Throws when the address cannot be bound.
    public static func start(_ configuration: ServerConfiguration, database: Database)
        throws(ServerError) -> EmbeddedServer
    {
        try EmbeddedServer(configuration: configuration, database: database)
    }
}

import Glibc
import Synchronization

/// Reading and atomically replacing the file that holds the tree.
enum DataFile {
    /// The file's bytes, or nil when it does not exist (a fresh server).
    static func read(_ path: String) throws(ServerError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .unreadableData(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadableData(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Checks that the directory of `path` exists and can take the temporary file and the
    /// rename of `replace`, so that a bad path fails at start rather than at the first save.
    static func checkWritable(_ path: String) throws(ServerError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        guard access(directory, W_OK | X_OK) == 0 else {
            let reason = String(cString: strerror(errno))
            throw .cannotPersist(path: path, reason: "directory \(directory): \(reason)")
        }
    }

    /// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it
    /// over `path`, so that a reader (or a crash) sees the old file or the new one, never half.
    static func replace(_ path: String, with bytes: [UInt8]) throws(ServerError) {
        let temporary = "\(path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                let error = failure(path)
                close(fd)
                unlink(temporary)
                throw error
            }
            offset += written
        }
        guard fsync(fd) == 0, close(fd) == 0, rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ path: String) -> ServerError {
        .cannotPersist(path: path, reason: String(cString: strerror(errno)))
    }
}

/// Knows whether the tree changed since it was last saved, and saves it when it did.
///
/// Thread-safety: the change count is atomic; saves are serialized by the `saved` mutex, held
/// for the whole write so that two saves never race on the temporary file.
final class ChangeTracker: Sendable {
    let dataFile: String?
    private let export: @Sendable () -> [UInt8]
    private let generation = Atomic<Int>(0)
    private let saved = Mutex<Int>(0)

    init(dataFile: String?, export: @escaping @Sendable () -> [UInt8]) {
        self.dataFile = dataFile
        self.export = export
    }

    /// Records that a write has been applied (called after the write, so that a save that
    /// reads the new count also sees the write).
    func noteChange() {
        generation.add(1, ordering: .releasing)
    }

    /// Saves the tree if it changed since the last save; logs the outcome. A failed save is
    /// retried at the next call.
    func persistIfChanged(log: ServerLog) {
        guard let dataFile else { return }
        saved.withLock { savedGeneration in
            let current = generation.load(ordering: .acquiring)
            guard current != savedGeneration else { return }
            let started = ContinuousClock.now
            let bytes = export()
            do {
                try DataFile.replace(dataFile, with: bytes)
                savedGeneration = current
                let millis = Int((started.duration(to: .now).seconds * 1000).rounded())
                log.write(
                    "sartor-load serve: persisted \(bytes.count) bytes to \(dataFile) "
                        + "in \(millis) ms")
            } catch {
                log.write("sartor-load serve: persist failed: \(error)")
            }
        }
    }
}

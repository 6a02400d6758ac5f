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
        let directory = directory(of: path)
        guard access(directory, W_OK | X_OK) == 0 else {
            let reason = String(cString: strerror(errno))
            throw .cannotPersist(path: path, reason: "directory \(directory): \(reason)")
        }
    }

    /// Writes `bytes` to a temporary file beside `path`, flushes it to disk, renames it over
    /// `path`, then flushes the directory, so that a reader (or a crash) sees the old file or
    /// the new one, never half. The file keeps the permission bits of the one it replaces; a
    /// new file gets 0644 (less the umask).
    static func replace(_ path: String, with bytes: [UInt8]) throws(ServerError) {
        let temporary = "\(path).tmp-\(getpid())"
        let kept = existingMode(path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, kept ?? 0o644)
        guard fd >= 0 else { throw failure(path) }
        // open() applies the umask; the replaced file's bits are restored exactly.
        if let kept, fchmod(fd, kept) != 0 {
            throw discard(fd, temporary, path)
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw discard(fd, temporary, path) }
            offset += written
        }
        guard fsync(fd) == 0 else { throw discard(fd, temporary, path) }
        guard close(fd) == 0, rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
        try syncDirectory(of: path)
    }

    /// The permission bits of the file at `path`, or nil when there is none.
    private static func existingMode(_ path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }

    /// Flushes the directory entry of a rename, without which a crash may bring back the old
    /// file (or none) even though the new one's data reached the disk.
    private static func syncDirectory(of path: String) throws(ServerError) {
        let directory = directory(of: path)
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path) }
        defer { close(fd) }
        // Some file systems cannot sync a directory; the rename itself has happened.
        guard fsync(fd) == 0 || errno == EINVAL else { throw failure(path) }
    }

    private static func directory(of path: String) -> String {
        let slash = path.lastIndex(of: "/")
        return slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    }

    /// The error of the last call, after closing and removing the temporary file.
    private static func discard(_ fd: Int32, _ temporary: String, _ path: String) -> ServerError {
        let error = failure(path)
        close(fd)
        unlink(temporary)
        return error
    }

    private static func failure(_ path: String) -> ServerError {
        .cannotPersist(path: path, reason: String(cString: strerror(errno)))
    }
}

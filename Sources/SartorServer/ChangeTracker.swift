import Synchronization

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

    /// Saves the tree if it changed since the last save, and logs the outcome. Throws
    /// `cannotPersist` when the save failed; the changes stay unsaved and the next call tries
    /// again. Waits for a save in progress on another thread.
    func persistIfChanged(log: ServerLog) throws(ServerError) {
        guard let dataFile else { return }
        try saved.withLock { savedGeneration throws(ServerError) in
            let current = generation.load(ordering: .acquiring)
            guard current != savedGeneration else { return }
            let started = ContinuousClock.now
            let bytes = export()
            do throws(ServerError) {
                try DataFile.replace(dataFile, with: bytes)
            } catch {
                log.write("sartor-load serve: persist failed: \(error)")
                throw error
            }
            savedGeneration = current
            let millis = Int((started.duration(to: .now).seconds * 1000).rounded())
            log.write(
                "sartor-load serve: persisted \(bytes.count) bytes to \(dataFile) in \(millis) ms")
        }
    }

    /// Waits for a save in progress to finish, then runs `body` with saves held off, so that
    /// `body` may end the process without leaving a half-written temporary file.
    func withSavesHeld<Result>(_ body: () -> Result) -> Result {
        saved.withLock { _ in body() }
    }
}

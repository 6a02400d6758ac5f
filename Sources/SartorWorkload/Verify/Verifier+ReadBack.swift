enum VerifyReadBack {
    /// The pseudo-path under which a task's read-back `claimed_by` is kept.
    static let claimSuffix = "#claimed_by"
}

extension Verifier {
    /// Every record the workload writes, by full path, as the ledger would fingerprint it:
    /// messages and knowledge whole, tasks reduced to their creation part (plus their
    /// `claimed_by` under `<path>#claimed_by`).
    func readWrites() async throws(VerifyReadError) -> [String: JSONValue] {
        var found: [String: JSONValue] = [:]
        for (id, value) in try await read(paths.broadcasts).objectValue ?? [:] {
            found[paths.broadcast(id)] = value
        }
        for (recipient, inbox) in try await read(paths.directMessages).objectValue ?? [:] {
            for (id, value) in inbox.objectValue ?? [:] {
                found[paths.directMessage(to: recipient, id: id)] = value
            }
        }
        for (id, value) in try await read(paths.knowledge).objectValue ?? [:] {
            found[paths.knowledge(id)] = value
        }
        for (id, value) in try await read(paths.tasks).objectValue ?? [:] {
            found[paths.task(id)] = SartorRecords.creationPart(of: value)
            if let claimant = value["claimed_by"] {
                found[paths.task(id) + VerifyReadBack.claimSuffix] = claimant
            }
        }
        return found
    }
}

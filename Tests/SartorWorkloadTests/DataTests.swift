import Foundation
import Testing

@testable import SartorWorkload

@Suite struct DataTests {
    @Test func agentIDsHaveTheNetworksForm() {
        var random = TestRandom(seed: 1)
        let id = Identifiers.agentID(unixSeconds: 1_762_263_196, using: &random)
        #expect(id.wholeMatch(of: /claude-1762263196-[0-9a-f]{8}/) != nil)
        var again = TestRandom(seed: 1)
        #expect(Identifiers.agentID(unixSeconds: 1_762_263_196, using: &again) == id)
    }

    @Test func uuidsAreVersion4AndSeeded() {
        var random = TestRandom(seed: 2)
        var seen: Set<String> = []
        for _ in 0..<1000 {
            let id = Identifiers.uuid(using: &random)
            let pattern = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/
            #expect(id.wholeMatch(of: pattern) != nil)
            seen.insert(id)
        }
        #expect(seen.count == 1000)
    }

    @Test func timestampsAreISO8601InUTC() {
        let date = Date(timeIntervalSince1970: 1_762_263_196.123)
        #expect(Timestamp.format(date) == "2025-11-04T13:33:16.123Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test func contentHasTheSpecSizes() {
        var random = TestRandom(seed: 3)
        for _ in 0..<500 {
            let message = ContentGenerator.message(using: &random)
            #expect((20...80).contains(message.utf8.count), "\(message)")
            let knowledge = ContentGenerator.knowledge(using: &random)
            #expect((180...220).contains(knowledge.utf8.count))
            let tags = ContentGenerator.tagList(using: &random)
            #expect((2...3).contains(tags.count) && Set(tags).count == tags.count)
            #expect(tags.allSatisfy(ContentGenerator.tags.contains))
        }
    }

    @Test func taskTitlesNameATaskType() {
        var random = TestRandom(seed: 4)
        let title = ContentGenerator.taskTitle(type: "code review", using: &random)
        #expect(title.hasPrefix("Code review: "))
    }

    @Test func pathsLiveUnderTheRoot() {
        let paths = SartorPaths(root: "load-test")
        #expect(paths.agent("a") == "load-test/agents/a")
        #expect(paths.directMessage(to: "b", id: "m") == "load-test/messages/direct/b/m")
        #expect(paths.broadcast("m") == "load-test/messages/broadcast/m")
        #expect(paths.task("t") == "load-test/tasks/t")
        #expect(paths.knowledge("k") == "load-test/knowledge/k")
        #expect(SartorPaths().presence("a") == "agents-network/presence/a")
    }

    @Test func taskRecordsKeepTheirCreationPart() {
        let task = SartorRecords.task(
            id: "t", title: "T", description: "D", createdBy: "a", now: "n", priority: "low",
            estimatedMinutes: 30, tags: ["api", "ops"])
        let claimed = task.merging(SartorRecords.claim(by: "b", now: "m"))
        #expect(claimed["status"] == "claimed")
        #expect(SartorRecords.creationPart(of: claimed) == SartorRecords.creationPart(of: task))
        #expect(SartorRecords.creationPart(of: task)["status"] == nil)
    }
}

import Foundation
import Glibc
import Synchronization
import Testing

@testable import SartorServer

@Suite("Persistence")
struct PersistenceTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "sartor-persist-\(UUID().uuidString)"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writesPeriodicallyOnlyWhenChangedAndReloads() throws {
        let path = directory + "/tree.json"
        let lines = Mutex<[String]>([])
        let server = try rtdbServer {
            $0.dataFile = path
            $0.persistInterval = .milliseconds(100)
            $0.log = ServerLog { line in lines.withLock { $0.append(line) } }
        }
        #expect(
            try request(server.port, "PUT", "/users/ada.json", body: "{\"age\":36}").status == 200)
        #expect(
            try request(server.port, "PUT", "/p.json", body: "{\".value\":1,\".priority\":2}")
                .status == 200)
        let deadline = ContinuousClock.now + .seconds(3)
        while contents(path) == nil, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        let saved = try #require(contents(path))
        #expect(saved.contains("\"ada\":{\"age\":36}"))
        #expect(saved.contains("\".priority\":2"))

        Thread.sleep(forTimeInterval: 0.4)
        let persists = lines.withLock { $0.filter { $0.contains("persisted") }.count }
        #expect(persists == 1)
        server.stop()
        #expect(lines.withLock { $0.filter { $0.contains("persisted") }.count } == 1)
        let remaining = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(remaining == ["tree.json"])

        let reloaded = try rtdbServer { $0.dataFile = path }
        defer { reloaded.stop() }
        #expect(try request(reloaded.port, "GET", "/users/ada/age.json").text == "36")
        #expect(
            try request(reloaded.port, "GET", "/p.json?format=export").text
                == "{\".priority\":2,\".value\":1}")
    }

    @Test func stopWritesTheLastChanges() throws {
        let path = directory + "/tree.json"
        let server = try rtdbServer {
            $0.dataFile = path
            $0.persistInterval = .seconds(3600)
        }
        #expect(try request(server.port, "PUT", "/last.json", body: "\"word\"").status == 200)
        #expect(contents(path) == nil)
        server.stop()
        #expect(contents(path) == "{\"last\":\"word\"}")
    }

    @Test func anUnparsableFileStopsTheServerAndIsLeftUntouched() throws {
        let path = directory + "/broken.json"
        let broken = "{\"a\": [1, 2,"
        FileManager.default.createFile(atPath: path, contents: Data(broken.utf8))
        #expect {
            try rtdbServer { $0.dataFile = path }
        } throws: { error in
            guard case .invalidData(let failing, _) = error as? ServerError else { return false }
            return failing == path
        }
        #expect(contents(path) == broken)
    }

    @Test func replaceIsAtomicAndLeavesNoTemporaryFile() throws {
        let path = directory + "/atomic.json"
        try DataFile.replace(path, with: Array("1".utf8))
        try DataFile.replace(path, with: Array("22".utf8))
        #expect(contents(path) == "22")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["atomic.json"])
        #expect(throws: ServerError.self) {
            try DataFile.replace(directory + "/missing/dir/x.json", with: [])
        }
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test func savingKeepsTheFilePermissions() throws {
        let path = directory + "/private.json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{\"a\":1}".utf8)))
        #expect(chmod(path, 0o600) == 0)
        let server = try rtdbServer { $0.dataFile = path }
        #expect(try request(server.port, "PUT", "/b.json", body: "2").status == 200)
        try server.shutDown()
        #expect(contents(path) == "{\"a\":1,\"b\":2}")
        #expect(try mode(path) == 0o600)

        let fresh = directory + "/fresh.json"
        try DataFile.replace(fresh, with: Array("1".utf8))
        let umask = Glibc.umask(0)
        Glibc.umask(umask)
        #expect(try mode(fresh) == 0o644 & ~Int(umask))
    }

    @Test func aFailedLastSaveIsThrownByShutDown() throws {
        let inner = directory + "/inner"
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
        let path = inner + "/t.json"
        let server = try rtdbServer {
            $0.dataFile = path
            $0.persistInterval = .seconds(3600)
        }
        #expect(try request(server.port, "PUT", "/a.json", body: "1").status == 200)
        try FileManager.default.removeItem(atPath: inner)
        #expect(throws: ServerError.unsavedChanges(path: path, reason: "No such file or directory"))
        {
            try server.shutDown()
        }
    }
}

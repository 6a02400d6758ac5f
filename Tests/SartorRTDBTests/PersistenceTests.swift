import SartorRTDB
import Testing

@Suite struct PersistenceTests {
    @Test func exportRoundTripsThroughImport() throws {
        let db = Harness()
        db.send("PUT", "/a.json", #"{"l":["x","y"],"p":{".value":1.5,".priority":"k"},"n":7}"#)
        db.send("PUT", "/b/.priority.json", "1")
        db.send("PUT", "/b/c.json", "true")
        db.send("PUT", "/b/.priority.json", "1")
        let exported = db.database.exportJSON()
        #expect(
            String(decoding: exported, as: UTF8.self)
                == #"{"a":{"l":{"0":"x","1":"y"},"n":7,"p":{".priority":"k",".value":1.5}},"#
                + #""b":{".priority":1,"c":true}}"#)
        let restored = try Database.importTree(exported)
        #expect(restored == db.database.root)
        let pretty = db.database.exportJSON(pretty: true)
        #expect(try Database.importTree(pretty) == restored)
    }

    @Test func randomTreesRoundTrip() throws {
        var random = SeededRandom(seed: 3)
        for _ in 0..<200 {
            let value = RandomJSON.value(&random)
            let db = Harness()
            let response = db.send("PUT", "/.json", value.serialized())
            guard response.status == 200 else { continue }
            let restored = try Database.importTree(db.database.exportJSON())
            #expect(restored == db.database.root)
        }
    }

    @Test func badFilesAreRefusedWithAMessage() throws {
        #expect(throws: RTDBError.self) { try Database.importTree(Array("{\"a\":".utf8)) }
        #expect(throws: RTDBError.self) { try Database.importTree(Array(#"{"a.b":1}"#.utf8)) }
        #expect(throws: RTDBError.self) {
            try Database.importTree(Array(#"{"t":{".sv":"timestamp"}}"#.utf8))
        }
        for empty in ["", " \n"] {
            #expect(throws: RTDBError.self) { try Database.importTree(Array(empty.utf8)) }
        }
        #expect(try Database.importTree(Array("null".utf8)) == Node())
    }

    @Test func replaceRootNotifiesListeners() {
        let db = Harness()
        let log = EventLog()
        _ = db.database.listen(path: .root, log.append)
        db.database.replaceRoot(try! Database.importTree(Array(#"{"a":1}"#.utf8)))
        #expect(log.texts.last == "event: put\ndata: {\"path\":\"/\",\"data\":{\"a\":1}}\n\n")
    }
}

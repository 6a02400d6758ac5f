import SartorRTDB
import Testing

@Suite struct ETagTests {
    let etagHeader = ("X-Firebase-ETag", "true")

    @Test func getReturnsETagOnlyWhenAsked() {
        let db = Harness()
        #expect(db.send("GET", "/a.json").header("ETag") == nil)
        #expect(db.send("GET", "/a.json", headers: [etagHeader]).header("ETag") == "null_etag")
        db.send("PUT", "/a.json", "12")
        let etag = db.send("GET", "/a.json", headers: [etagHeader]).header("ETag")
        #expect(etag?.count == 28)
        db.send("PUT", "/a.json", "13")
        #expect(db.send("GET", "/a.json", headers: [etagHeader]).header("ETag") != etag)
    }

    @Test func etagIsBase64OfSHA1OfTheExportJSON() {
        let db = Harness()
        db.send("PUT", "/n.json", "12")
        #expect(
            db.send("GET", "/n.json", headers: [etagHeader]).header("ETag")
                == "e1IAm2T9CipJ5tipOXUwd3krBVQ=")
        db.send("PUT", "/o.json", #"{"a":{".value":true,".priority":1}}"#)
        #expect(
            db.send("GET", "/o.json", headers: [etagHeader]).header("ETag")
                == "b9qVcPM/shN0QydOWMC0iI4DwA8=")
    }

    @Test func putIfMatchMatrix() {
        let db = Harness()
        let created = db.send("PUT", "/a.json", "1", headers: [("if-match", "null_etag")])
        #expect(created.status == 200)
        let conflict = db.send("PUT", "/a.json", "2", headers: [("if-match", "null_etag")])
        #expect(conflict.status == 412)
        #expect(conflict.bodyText == "1")
        let current = conflict.header("ETag")!
        #expect(current == db.send("GET", "/a.json", headers: [etagHeader]).header("ETag"))
        let matched = db.send("PUT", "/a.json", "2", headers: [("if-match", current)])
        #expect(matched.status == 200)
        #expect(matched.bodyText == "2")
        #expect(matched.header("ETag") == nil)
        let both = db.send("PUT", "/a.json", "3", headers: [("if-match", "x"), etagHeader])
        #expect(both.status == 412)
        let tagged = db.send("PUT", "/a.json", "3", headers: [etagHeader])
        #expect(
            tagged.header("ETag")
                == db.send("GET", "/a.json", headers: [etagHeader])
                .header("ETag"))
    }

    @Test func deleteIfMatchMatrix() {
        let db = Harness()
        db.send("PUT", "/a.json", #"{"x":1}"#)
        let stale = db.send("DELETE", "/a.json", headers: [("If-Match", "stale")])
        #expect(stale.status == 412)
        #expect(stale.bodyText == #"{"x":1}"#)
        let etag = stale.header("ETag")!
        let deleted = db.send("DELETE", "/a.json", headers: [("if-match", etag), etagHeader])
        #expect(deleted.status == 200)
        #expect(deleted.bodyText == "null")
        #expect(deleted.header("ETag") == "null_etag")
        #expect(db.read("/a.json") == "null")
    }

    @Test func unsupportedCombinationsAre400() {
        let db = Harness()
        let cases: [(String, [(String, String)], [(String, String)])] = [
            ("GET", [("if-match", "null_etag")], []),
            ("POST", [("if-match", "null_etag")], []),
            ("PATCH", [etagHeader], []),
            ("PATCH", [("if-match", "null_etag")], []),
            ("PUT", [("if-match", "null_etag")], [("print", "silent")]),
            ("DELETE", [("if-match", "null_etag")], [("print", "silent")]),
            ("PUT", [("if-match", "a, b")], []),
            ("GET", [etagHeader], [("shallow", "true")]),
        ]
        for (method, headers, query) in cases {
            let response = db.send(method, "/a.json", "{}", query: query, headers: headers)
            #expect(response.status == 400, "\(method) \(headers) \(query)")
            #expect(response.bodyText.contains("not supported"))
        }
    }

    @Test func ifNoneMatchGives304OrFreshData() {
        let db = Harness()
        db.send("PUT", "/a.json", "\"v\"")
        let etag = db.send("GET", "/a.json", headers: [etagHeader]).header("ETag")!
        let same = db.send("GET", "/a.json", headers: [("If-None-Match", etag)])
        #expect(same.status == 304)
        #expect(same.body.isEmpty)
        db.send("PUT", "/a.json", "\"w\"")
        let changed = db.send("GET", "/a.json", headers: [("If-None-Match", etag)])
        #expect(changed.status == 200)
        #expect(changed.bodyText == "\"w\"")
        #expect(changed.header("ETag") != nil && changed.header("ETag") != etag)
    }

    @Test func postETagIsOfTheNewChild() {
        let db = Harness()
        let response = db.send("POST", "/l.json", "7", headers: [etagHeader])
        let etag = Harness().send("PUT", "/x.json", "7", headers: [etagHeader]).header("ETag")
        #expect(response.header("ETag") == etag)
    }

    @Test func priorityChangesTheETag() {
        let db = Harness()
        db.send("PUT", "/a.json", "1")
        let before = db.send("GET", "/a.json", headers: [etagHeader]).header("ETag")
        db.send("PUT", "/a/.priority.json", "3")
        #expect(db.send("GET", "/a.json", headers: [etagHeader]).header("ETag") != before)
    }

    @Test func checkAndWriteIsAtomic() async {
        let db = Harness()
        db.send("PUT", "/n.json", "0")
        // Every task runs the admin SDKs' transaction loop; no increment may be lost.
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<25 {
                        var read = db.send("GET", "/n.json", headers: [("X-Firebase-ETag", "true")])
                        while true {
                            let next = String(Int(read.bodyText)! + 1)
                            let etag = read.header("ETag")!
                            let write = db.send(
                                "PUT", "/n.json", next, headers: [("if-match", etag)])
                            if write.status == 200 { break }
                            read = write
                        }
                    }
                }
            }
        }
        #expect(db.read("/n.json") == "100")
    }
}

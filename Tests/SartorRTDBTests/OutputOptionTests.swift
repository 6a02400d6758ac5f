import SartorRTDB
import Testing

@Suite struct OutputOptionTests {
    @Test func silentGives204WithEmptyBody() {
        let db = Harness()
        for method in ["PUT", "POST", "PATCH", "DELETE", "GET"] {
            let body = method == "PATCH" ? #"{"a":1}"# : "1"
            let response = db.send(method, "/x.json", body, query: [("print", "silent")])
            #expect(response.status == 204, "\(method)")
            #expect(response.body.isEmpty)
        }
    }

    @Test func prettyPrintsWithRTDBsLayout() {
        let db = Harness()
        db.send("PUT", "/x.json", #"{"a":[1,2],"b":{"c":"d"}}"#)
        let response = db.send("GET", "/x.json", query: [("print", "pretty")])
        #expect(
            response.bodyText
                == "{\n  \"a\" : [\n    1,\n    2\n  ],\n  \"b\" : {\n    \"c\" : \"d\"\n  }\n}")
        #expect(db.send("GET", "/x.json", query: [("print", "loud")]).status == 400)
    }

    @Test func shallowCombinations() {
        let db = Harness()
        db.send("PUT", "/s.json", #"{"c":{"x":1},"a":2,"b":"t"}"#)
        #expect(
            db.read("/s.json", query: [("shallow", "true")]) == #"{"a":true,"b":true,"c":true}"#)
        #expect(db.read("/s/a.json", query: [("shallow", "true")]) == "2")
        #expect(db.read("/none.json", query: [("shallow", "true")]) == "null")
        let limited = [("shallow", "true"), ("limitToFirst", "2"), ("print", "pretty")]
        #expect(db.read("/s.json", query: limited) == "{\n  \"a\" : true,\n  \"b\" : true\n}")
        #expect(
            db.read("/s.json", query: [("shallow", "true"), ("limitToLast", "1")])
                == #"{"c":true}"#)
        let mixed = db.send(
            "GET", "/s.json", query: [("shallow", "true"), ("orderBy", "\"$key\"")])
        #expect(
            mixed.bodyText == errorBody("Mixing 'shallow' and querying parameters is not supported")
        )
        #expect(
            db.send("GET", "/s.json", query: [("shallow", "true"), ("timeout", "5s")])
                .status == 200)
    }

    @Test(arguments: [
        ("1ms", true), ("15min", true), ("900s", true), ("901s", false),
        ("0ms", false), ("16min", false), ("5", false), ("ms", false), ("-1s", false),
        ("1.5s", false), ("99999999999ms", false),
    ])
    func timeoutIsParsed(value: String, accepted: Bool) {
        let response = Harness().send("GET", "/x.json", query: [("timeout", value)])
        #expect((response.status == 200) == accepted)
    }

    @Test func acceptedWriteParameters() {
        let db = Harness()
        let query = [
            ("writeSizeLimit", "tiny"), ("disableTriggers", "true"), ("ns", "x"),
            ("auth_variable_override", "{\"uid\":\"u\"}"),
        ]
        #expect(db.send("PUT", "/x.json", "1", query: query).status == 200)
        #expect(db.send("PUT", "/x.json", "1", query: [("writeSizeLimit", "huge")]).status == 400)
    }

    @Test func callbackAndDownload() {
        let db = Harness()
        db.send("PUT", "/x.json", "1")
        let jsonp = db.send("GET", "/x.json", query: [("callback", "cb")])
        #expect(jsonp.bodyText == "cb(1);")
        #expect(jsonp.header("Content-Type")?.hasPrefix("application/javascript") == true)
        #expect(db.send("GET", "/x.json", query: [("callback", "alert(1)")]).status == 400)
        let download = db.send("GET", "/x.json", query: [("download", "x.json")])
        #expect(download.header("Content-Disposition") == "attachment; filename=\"x.json\"")
    }

    @Test func exportFormatKeepsObjectsAndPriorities() {
        let db = Harness()
        db.send("PUT", "/x.json", #"{"0":{".value":"a",".priority":1},"1":"b"}"#)
        #expect(db.read("/x.json") == #"["a","b"]"#)
        #expect(
            db.read("/x.json", query: [("format", "export")])
                == #"{"0":{".priority":1,".value":"a"},"1":"b"}"#)
    }
}

import SartorRTDB
import Testing

@Suite struct AuthTests {
    @Test func withoutSecretEverythingIsOpen() {
        #expect(Harness().send("GET", "/.json").status == 200)
    }

    @Test func everyCredentialFormIsAccepted() {
        let db = Harness(secret: "s3cret")
        #expect(db.send("GET", "/.json", query: [("auth", "s3cret")]).status == 200)
        #expect(db.send("GET", "/.json", query: [("access_token", "s3cret")]).status == 200)
        #expect(
            db.send("GET", "/.json", headers: [("Authorization", "Bearer s3cret")]).status == 200)
        #expect(
            db.send("GET", "/.json", headers: [("authorization", "Bearer owner")]).status == 200)
    }

    @Test func missingOrWrongCredentialsAreDenied() {
        let db = Harness(secret: "s3cret")
        for (query, headers) in [
            ([], []), ([("auth", "nope")], []), ([], [("Authorization", "Bearer nope")]),
            ([], [("Authorization", "Basic s3cret")]),
        ] as [([(String, String)], [(String, String)])] {
            let response = db.send("PUT", "/x.json", "1", query: query, headers: headers)
            #expect(response.status == 401)
            #expect(response.bodyText == errorBody("Permission denied"))
        }
        #expect(db.read("/x.json", query: [("auth", "s3cret")]) == "null")
    }
}

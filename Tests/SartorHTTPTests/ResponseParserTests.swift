import SartorEngine
import Testing

@testable import SartorHTTP

/// Feeds `text` to a fresh parser in pieces cut at `cuts`, and returns the last progress.
private func parse(
    _ text: String, cuts: [Int] = [], expectsBody: Bool = true,
    capture: HeaderCapture = .none
) -> (ResponseParser, ResponseParser.Progress) {
    var parser = ResponseParser()
    parser.reset(expectsBody: expectsBody, keepsBody: true, capture: capture)
    let bytes = Array(text.utf8)
    var progress = ResponseParser.Progress.needsMore
    var start = 0
    for end in cuts.filter({ $0 > 0 && $0 < bytes.count }).sorted() + [bytes.count] {
        progress = bytes[start..<end].withUnsafeBytes { parser.feed($0) }
        start = end
        if progress != .needsMore { break }
    }
    return (parser, progress)
}

@Suite struct ResponseParserTests {
    static let lengthResponse =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n"
        + "ETag: \"v1\"\r\n\r\nhello world"
    static let chunkedResponse =
        "HTTP/1.1 201 Created\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
        + "5;name=value\r\nhello\r\n1\r\n \r\nB \r\nchunked out\r\n0\r\nX-Trailer: 1\r\n\r\n"

    @Test func aResponseCutAnywhereParsesAsWhole() {
        var random = SeededRandom(seed: 42)
        for text in [Self.lengthResponse, Self.chunkedResponse] {
            let (whole, wholeProgress) = parse(text)
            #expect(wholeProgress == .complete(leftover: 0))
            for _ in 0..<300 {
                let cuts = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                    Int.random(in: 1..<text.utf8.count, using: &random)
                }
                let (parser, progress) = parse(text, cuts: cuts)
                #expect(progress == .complete(leftover: 0), "cuts \(cuts)")
                #expect(parser.body == whole.body)
                #expect(parser.status == whole.status)
            }
        }
        #expect(
            String(decoding: parse(Self.chunkedResponse).0.body, as: UTF8.self)
                == "hello chunked out")
        #expect(parse(Self.chunkedResponse).0.status == 201)
    }

    @Test func everyByteCutIsHandled() {
        let text = Self.chunkedResponse
        for cut in 1..<text.utf8.count {
            let (parser, progress) = parse(text, cuts: [cut])
            #expect(progress == .complete(leftover: 0), "cut at \(cut)")
            #expect(parser.body == Array("hello chunked out".utf8))
        }
    }

    @Test func bytesAfterTheResponseAreLeftOver() {
        let (_, progress) = parse(Self.lengthResponse + "HTTP/1.1 200 OK\r\n")
        #expect(progress == .complete(leftover: 17))
    }

    @Test func capturedHeadersAreKeptByName() {
        let (parser, _) = parse(Self.lengthResponse, capture: .named(["etag"]))
        #expect(parser.headers == [HTTPHeader(name: "ETag", value: "\"v1\"")])
        #expect(parse(Self.lengthResponse).0.headers.isEmpty)
    }

    @Test func responsesWithoutABodyEndWithTheirHead() {
        let head = "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n"
        #expect(parse(head, expectsBody: false).1 == .complete(leftover: 0))
        #expect(parse("HTTP/1.1 204 No Content\r\n\r\n").1 == .complete(leftover: 0))
        #expect(
            parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n").1
                == .complete(leftover: 0))
    }

    @Test func interimResponsesAreSkipped() {
        let (parser, progress) = parse(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        #expect(progress == .complete(leftover: 0))
        #expect(parser.status == 200)
        #expect(parser.body == Array("ok".utf8))
    }

    @Test func aBodyWithoutLengthEndsWithTheConnection() {
        var (parser, progress) = parse("HTTP/1.0 200 OK\r\n\r\nuntil the end")
        #expect(progress == .needsMore)
        #expect(parser.endOfStream() == .complete)
        #expect(parser.body == Array("until the end".utf8))
        #expect(parser.closesConnection)
        #expect(parser.version == .http1_0)
    }

    @Test func theConnectionEndingEarlyIsTruncationOrNothing() {
        var (parser, _) = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
        #expect(parser.endOfStream() == .truncated)
        var fresh = ResponseParser()
        fresh.reset(expectsBody: true, keepsBody: false, capture: .none)
        #expect(fresh.endOfStream() == .nothingReceived)
    }

    @Test func connectionHeadersDecideReuse() {
        let close = "HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n"
        #expect(parse(close).0.closesConnection)
        let keepAlive = "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n"
        #expect(!parse(keepAlive).0.closesConnection)
        #expect(!parse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").0.closesConnection)
    }

    @Test(arguments: [
        "this is not http at all\r\n\r\n",
        "HTTP/2 200\r\n\r\n",
        "HTTP/1.1 2x0 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
    ])
    func malformedResponsesAreInvalid(text: String) {
        guard case .invalid = parse(text).1 else {
            Issue.record("accepted: \(text.debugDescription)")
            return
        }
    }

    @Test func garbageIsInvalidWithoutWaitingForALineEnd() {
        var (parser, progress) = parse("HTTP/1")
        #expect(progress == .needsMore)
        #expect(parser.endOfStream() == .truncated)
        guard case .invalid = parse("\u{0}\u{1}\u{2}junk").1 else {
            Issue.record("garbage without a line end was not refused at once")
            return
        }
        var fresh = ResponseParser()
        fresh.reset(expectsBody: true, keepsBody: false, capture: .none)
        _ = Array("HTX".utf8).withUnsafeBytes { fresh.feed($0) }
        guard case .invalid = fresh.endOfStream() else {
            Issue.record("garbage before the end of the connection was not invalid")
            return
        }
    }

    @Test func anEndlessLineIsRefused() {
        let text = "HTTP/1.1 200 OK\r\nX-Long: " + String(repeating: "a", count: 70_000)
        guard case .invalid = parse(text, cuts: [1000, 30_000, 60_000]).1 else {
            Issue.record("a 70 kB header line was accepted")
            return
        }
    }
}

import Foundation
import Testing

@Suite struct CommandLineProcessTests {
    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func helpTeachesAndExitsZero(arguments: [String]) throws {
        let result = try BuiltExecutable.run(arguments)
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("USAGE: sartor-load <command> [options]"))
        #expect(result.standardOutput.contains("sartor-load help <command>"))
        #expect(result.standardError.isEmpty)
    }

    @Test func versionIsPrinted() throws {
        let result = try BuiltExecutable.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("sartor-load "))
        #expect(result.standardOutput.split(separator: " ").count == 2)
    }

    @Test func badFlagExits64NamingIt() throws {
        let result = try BuiltExecutable.run(["--no-such-flag"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("sartor-load: "))
        #expect(result.standardError.contains("--no-such-flag"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func unknownCommandExits64() throws {
        let result = try BuiltExecutable.run(["help", "frobnicate"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("\"frobnicate\" is not a command"))
    }
}

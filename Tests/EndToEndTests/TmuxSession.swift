import Foundation

/// A detached tmux session running one command in a terminal of a chosen size, for driving the
/// dashboard like a user: send keys, read the screen, resize. Killed on `close()`.
final class TmuxSession {
    let name: String
    private let configuration: URL

    /// Starts `command` (a shell line) in a new session of `width`×`height`.
    init(command: String, width: Int, height: Int, directory: URL) throws {
        let process = ProcessInfo.processInfo.processIdentifier
        name = "sartor-e2e-\(process)-\(UInt32.random(in: 0...UInt32.max))"
        configuration = directory.appendingPathComponent("tmux.conf")
        try "set -g default-terminal tmux-256color\nset -g status off\n"
            .write(to: configuration, atomically: true, encoding: .utf8)
        try Self.tmux([
            "-f", configuration.path, "new-session", "-d", "-s", name, "-x", "\(width)", "-y",
            "\(height)", command,
        ])
    }

    func close() { _ = try? Self.tmux(["kill-session", "-t", name]) }

    /// The screen as text, one line per row.
    func screen() throws -> String { try Self.tmux(["capture-pane", "-p", "-t", name]) }

    /// Sends tmux key names (`Down`, `Space`, `PPage`) or literal characters.
    func send(_ keys: String...) throws { try Self.tmux(["send-keys", "-t", name] + keys) }

    func resize(width: Int, height: Int) throws {
        try Self.tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen every 100 ms until `condition` holds; throws with the last screen after
    /// `timeout`.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = .seconds(30), _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while ContinuousClock.now < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxTimeout(what: what, screen: last)
    }

    func waitFor(text: String, timeout: Duration = .seconds(30)) throws -> String {
        try waitFor("'\(text)' on screen", timeout: timeout) { $0.contains(text) }
    }

    static var isInstalled: Bool {
        (try? tmux(["-V"]))?.hasPrefix("tmux") ?? false
    }

    /// Runs tmux and returns its output.
    ///
    /// `new-session` may fork the tmux server, which lives on and would hold every descriptor
    /// it inherited (the test runner's pipes, Foundation's own), so that readers of those never
    /// see their end: it starts through bash (dash cannot close descriptors above 9), which
    /// closes every descriptor above 2 first.
    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux"] + arguments
        process.standardError = FileHandle.nullDevice
        var data = Data()
        if arguments.contains("new-session") {
            let closeAndStart =
                "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done; "
                + "exec tmux \"$@\""
            process.arguments = ["bash", "-c", closeAndStart, "bash"] + arguments
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
        } else {
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            data = output.fileHandleForReading.readDataToEndOfFile()
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TmuxTimeout(
                what: "tmux \(arguments.joined(separator: " ")) to succeed", screen: "")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    let what: String
    let screen: String
    var description: String { "timed out waiting for \(what); screen was:\n\(screen)" }
}

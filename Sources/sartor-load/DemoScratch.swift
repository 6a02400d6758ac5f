import Foundation
import SartorCommandLine
import SartorDashboard
import SartorEngine
import SartorMetrics

struct SleepWorkload: Workload {
    let operations = [
        OperationSpec(name: "direct_message", weight: 30), OperationSpec(name: "broadcast", weight: 10),
        OperationSpec(name: "task_create", weight: 15), OperationSpec(name: "task_claim", weight: 15),
        OperationSpec(name: "knowledge_add", weight: 20), OperationSpec(name: "status_query", weight: 10),
    ]
    func makeAgent(index: Int) -> any VirtualAgent { SleepAgent() }
}

struct SleepAgent: VirtualAgent {
    mutating func connect(_ context: inout OperationContext) async -> Outcome { .success }
    mutating func run(operation: Int, _ context: inout OperationContext) async -> Outcome {
        let base = [3.0, 1.0, 1.0, 40.0, 1.0, 8.0][operation]
        let ms = base * Double.random(in: 0.5...3, using: &context.random)
        try? await Task.sleep(for: .milliseconds(ms))
        if Double.random(in: 0...1, using: &context.random) < 0.01 { return .failure(.httpStatus(503), message: "Service Unavailable") }
        return .success
    }
    mutating func disconnect(_ context: inout OperationContext) async -> Outcome { .success }
}

enum DemoCommand: Subcommand {
    static var spec: CommandSpec {
        CommandSpec(name: "sartor-load demo", abstract: "scratch", options: [
            OptionSpec("duration", kind: .duration, default: "60s", help: "d"),
            OptionSpec("agents", kind: .integer(1...1000), default: "20", help: "a"),
            OptionSpec("no-tui", kind: .flag, help: "x"),
        ] + DashboardFlags.options)
    }
    static func run(_ parsed: ParsedCommand) async throws -> ExitCode {
        let options = try DashboardFlags.dashboardOptions(parsed)
        let configuration = RunConfiguration(
            model: .closed(agents: parsed.integer("agents") ?? 20, think: ThinkTime(.milliseconds(50), .milliseconds(150))),
            duration: parsed.duration("duration"))
        let controller = RunController(workload: SleepWorkload(), configuration: configuration)
        let runTask = Task { await controller.run() }
        if parsed.flag("no-tui") {
            let final = await runTask.value
            print("done", final.completedOperations)
            return .success
        }
        let exit = try await Dashboard.run(EngineControl(controller: controller, target: "http://127.0.0.1:0", root: "demo"), options: options)
        let final = await runTask.value
        print("dashboard exit \(exit); completed \(final.completedOperations)")
        return .success
    }
}

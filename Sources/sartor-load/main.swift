import Foundation

MemoryTuning.apply()
let code = await Tool.main(Array(CommandLine.arguments.dropFirst()))
exit(code.rawValue)

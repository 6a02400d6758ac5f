if CommandLine.arguments.dropFirst().first == "rtdb" {
    RTDBBenchmark.run()
} else {
    print("bench")
}

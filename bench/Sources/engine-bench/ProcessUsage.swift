import Glibc

/// The CPU time and memory this process has used, read from the kernel (Linux only).
struct ProcessUsage {
    /// User plus system CPU time since the process started.
    var cpuTime: Duration
    /// The resident set size now, in bytes.
    var residentBytes: Int
    /// The peak resident set size, in bytes.
    var peakResidentBytes: Int

    static func now() -> ProcessUsage {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let cpu =
            Duration.seconds(Int64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec))
            + .microseconds(Int64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec))
        let peak = Int(usage.ru_maxrss) * 1_024
        return ProcessUsage(
            cpuTime: cpu, residentBytes: currentResident() ?? peak, peakResidentBytes: peak)
    }

    /// The second field of `/proc/self/statm` (resident pages), in bytes.
    private static func currentResident() -> Int? {
        guard let file = fopen("/proc/self/statm", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = fread(&buffer, 1, buffer.count, file)
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        let fields = text.split(separator: " ").compactMap { Int($0) }
        guard fields.count >= 2 else { return nil }
        return fields[1] * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

#if canImport(Glibc)
    import Glibc
#endif

/// How the process asks the C allocator to behave, set once before anything else runs.
enum MemoryTuning {
    /// Blocks at least this large get a mapping of their own, returned to the system on free.
    static let mmapThresholdBytes: Int32 = 1 << 20
    /// `M_MMAP_THRESHOLD` of glibc's `<malloc.h>`, which the Glibc module does not import.
    static let mallocOptionMmapThreshold: Int32 = -3

    /// Fixes glibc's mmap threshold at `mmapThresholdBytes`.
    ///
    /// By default glibc raises the threshold to the size of each large block freed (up to
    /// 32 MiB), so that later blocks of that size come from the heap and stay resident after
    /// they are freed. The reads of a long run grow with the data (a shallow read of a
    /// collection of 250,000 records is about 12 MB), so each one left the heap bigger than
    /// the last and resident memory climbed with the data although nothing was kept. With a
    /// fixed threshold, such buffers are mapped and unmapped and memory stays flat; blocks
    /// below it, histograms included (about 184 KiB), are reused from the heap as before.
    /// Does nothing where the C library has no `mallopt` (it is looked up by name, since the
    /// Glibc module does not import `<malloc.h>`).
    static func apply() {
        #if canImport(Glibc)
            typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else {
                return
            }
            let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
            _ = mallopt(mallocOptionMmapThreshold, mmapThresholdBytes)
        #endif
    }
}

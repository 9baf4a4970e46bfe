#if canImport(Glibc)
    import CMalloc
#endif

/// Tunes the C allocator for a long-running server.
///
/// glibc gives freed memory back to the system as soon as an arena's top grows past 128 KiB
/// (`madvise`), and every request then faults it in again. Under load that was one `madvise` per
/// few requests and about 5 % of the issue route's CPU. A server keeps its working set instead:
/// trim only above 128 MiB, and grow arenas 16 MiB at a time.
public enum AllocatorTuning {
    public static func keepFreedMemory() {
        #if canImport(Glibc)
            _ = mallopt(M_TRIM_THRESHOLD, 128 << 20)
            _ = mallopt(M_TOP_PAD, 16 << 20)
        #endif
    }
}

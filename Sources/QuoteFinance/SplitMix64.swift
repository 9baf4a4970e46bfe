/// A small, fast, reproducible pseudo-random generator (Steele, Lea & Flood's SplitMix64). The same
/// seed gives the same sequence on every platform and Swift version, unlike `SystemRandomNumberGenerator`.
///
/// `SplitMix64(seed: 1).next()` is `0x910a2dec89025cc1`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for item `index` of a run seeded with `seed`: items can be drawn independently,
    /// in any order or in parallel, and still reproduce the run byte for byte.
    public init(seed: UInt64, index: UInt64) {
        var mixer = SplitMix64(seed: seed ^ 0x6A09_E667_F3BC_C909)
        state = mixer.next() &+ index &* 0x9E37_79B9_7F4A_7C15
        _ = next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `percent`/100 (whole percents keep draws free of floating point).
    public mutating func chance(_ percent: Int) -> Bool { Int(next() % 100) < percent }

    /// True with probability `partsPerMillion`/1,000,000.
    public mutating func chance(perMillion partsPerMillion: Int) -> Bool {
        Int(next() % 1_000_000) < partsPerMillion
    }

    /// A uniformly chosen element (the collection must not be empty).
    public mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element {
        let offset = Int(next() % UInt64(elements.count))
        return elements[elements.index(elements.startIndex, offsetBy: offset)]
    }

    /// A whole number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}

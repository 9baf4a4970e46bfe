import QuoteCore

/// Byte-level comparison of JSON values with the text `JSONWriter` writes (see `JSONBytes+Match`):
/// `check` tests a recomputed quote against the stored bytes in place, without parsing them.
public enum JSONBytes {}

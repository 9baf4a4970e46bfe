extension CheckSummary {
    /// `summary: 10 lines read, 7 matched, 2 differing (3 differences), 1 invalid`, counting the
    /// `noun` given (`quote` from the store), in the singular for one:
    /// `summary: 1 quote read, 0 matched, 1 differing (1 difference), 0 invalid`.
    public func line(counting noun: String) -> String {
        func counted(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "summary: \(counted(read, noun)) read, \(matched) matched, \(differing) differing "
            + "(\(counted(differences, "difference"))), \(invalid) invalid"
    }
}

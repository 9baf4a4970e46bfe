extension Quote {
    /// The quote as issued on `day`: the engine dates a quote from its case's request date (the
    /// intake), but a quote the service issues is dated the day it is issued, and its validity and
    /// expected completion run from then. Amounts and coverage do not change.
    ///
    /// Requested 2026-03-02, valid 14 days, issued 2026-03-05: `issueDate` 2026-03-05,
    /// `validUntil` 2026-03-19.
    public func issued(on day: CivilDate) -> Quote {
        let shift = day.dayNumber - issueDate.dayNumber
        guard shift != 0 else { return self }
        var copy = self
        copy.issueDate = day
        copy.validUntil = validUntil.adding(days: shift)
        copy.expectedCompletion = expectedCompletion?.adding(days: shift)
        return copy
    }
}

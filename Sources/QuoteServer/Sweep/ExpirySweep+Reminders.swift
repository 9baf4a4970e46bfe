import Foundation
import QuoteCore
import QuoteJSON
import QuoteMailer
import QuoteStore

extension ExpirySweep {
    /// Queues the reminders due now; returns how many. A quote is due when its market sets
    /// `reminderDaysBeforeExpiry: N` (N > 0) and its market's today is from `validUntil − N` to
    /// `validUntil`: with N = 3 and `validUntil` 16 March, from 13 March on, so a sweep that was
    /// down on the 13th still reminds on the 14th. Only quotes whose case has a customer e-mail
    /// address get one, in the customer's language, with a new customer link and the PDF (the
    /// outbox's `.reminder` e-mail). Nothing is queued while no mailer is configured: a reminder
    /// recorded but never sent would tell the history a lie.
    @discardableResult
    public func remindOnce() async throws -> Int {
        let byMarket = reminderDays()
        guard services.mailerConfigured, let longest = byMarket.values.max() else { return 0 }
        let now = services.webhooks.now()
        let utc = services.today(MarketCode(""))
        // No time zone is more than a day from UTC: a due quote's validUntil lies in this range.
        let (first, end) = (utc.adding(days: -1), utc.adding(days: longest + 2))
        var queued = 0
        var cursor: Int64 = 0
        while true {
            let page = try await repo.reminderCandidates(
                validUntilFrom: first, before: end, after: cursor, limit: batchSize)
            guard let last = page.last else { break }
            cursor = last.id
            for candidate in page {
                guard let days = byMarket[candidate.market],
                    let request = reminder(candidate, days: days, at: now)
                else { continue }
                if try await repo.recordReminder(request, validUntil: candidate.validUntil) != nil {
                    queued += 1
                }
            }
        }
        return queued
    }

    /// The reminder e-mail of a candidate due on its market's today, or nil: not due, no customer
    /// e-mail address, or one the mailer could never send to.
    func reminder(_ candidate: SweepCandidate, days: Int, at now: Date) -> EmailRequest? {
        let today = services.today(candidate.market)
        guard candidate.validUntil.adding(days: -days) <= today, today <= candidate.validUntil,
            let caseJSON = candidate.caseJSON,
            let customer = try? CaseDecoder.decode(caseJSON, today: services.today).customer,
            let email = customer.email, MailAddress.problem(email) == nil
        else { return nil }
        return EmailRequest(
            number: candidate.number, recipient: email, language: customer.language, kind: .reminder, now: now
        )
    }

    /// `reminderDaysBeforeExpiry` of each market that sets it, from the price list in force on
    /// the market's today (none without a catalog).
    func reminderDays() -> [MarketCode: Int] {
        guard let catalog = services.catalog else { return [:] }
        var days: [MarketCode: Int] = [:]
        for market in catalog.markets {
            guard let list = try? catalog.priceList(for: market, on: services.today(market)) else { continue }
            if list.settings.reminderDaysBeforeExpiry > 0 {
                days[market] = list.settings.reminderDaysBeforeExpiry
            }
        }
        return days
    }
}

"""An integrator's journey through a client generated from docs/openapi.yaml.

scripts/api/run.sh generates the client with openapi-python-client into a temporary folder and
runs this against a throw-away server with the sample keys. It previews, issues (and replays),
reads, lists and decides a quote through the generated functions and models only, asserting the
values: the quote number, the totals, the decision. It prints one line per check and closes with
`N passed, N failed`; the exit status is 1 when any check failed.

Usage: client_test.py --client DIR --base-url URL --key KEY --case FILE
"""

import argparse
import datetime
import json
import re
import sys
import traceback
from decimal import Decimal
from importlib import import_module

results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok    " if condition else "FAIL  ") + name + ("" if condition else f": {detail}"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--client", required=True, help="the folder that holds the generated package")
    parser.add_argument("--package", default="repairquote_client")
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--key", required=True, help="a service-center key")
    parser.add_argument("--case", required=True, help="a case JSON of the NL market")
    args = parser.parse_args()
    sys.path.insert(0, args.client)
    try:
        journey(args)
    except Exception:  # a crash of the journey is a failed check, never a silent pass
        traceback.print_exc()
        check("the journey ran to its end", False, "it raised (traceback above)")
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    return 0 if results and all(results) else 1


def journey(args):
    client_module = import_module(args.package + ".client")
    models = import_module(args.package + ".models")
    types = import_module(args.package + ".types")

    def op(name):
        return import_module(f"{args.package}.api.default.{name}")

    client = client_module.AuthenticatedClient(base_url=args.base_url, token=args.key)
    anonymous = client_module.Client(base_url=args.base_url)
    with open(args.case, encoding="utf-8") as f:
        case_json = json.load(f)
    case_json.pop("requestDate", None)  # the service issues on its own today
    case = models.Case.from_dict(case_json)
    check("the case reads into the generated Case model", case.market == models.Market.NL, case.market)

    # Preview: a quote without a number, nothing stored.
    preview = op("preview_quote").sync_detailed(client=client, body=case)
    check("preview answers 200", preview.status_code == 200, preview.status_code)
    quote = preview.parsed
    check("preview parses as a Quote", isinstance(quote, models.Quote), type(quote))
    check("a preview has no number", quote.number is None, quote.number)
    totals = quote.totals
    check(
        "preview totals: consumer pays 247.90 net + 52.06 VAT = 299.96",
        (totals.consumer.net, totals.consumer.vat, totals.consumer.gross) == ("247.90", "52.06", "299.96"),
        totals.consumer.to_dict(),
    )
    payers = sum(Decimal(getattr(totals, p).gross) for p in ("consumer", "manufacturer", "retailer"))
    check("the payers add up to all", payers == Decimal(totals.all_.gross), f"{payers} vs {totals.all_.gross}")
    check("preview coverage is out of warranty", quote.coverage.status.value == "out-of-warranty", quote.coverage.status)

    # Issue, then the same request again with the same Idempotency-Key: the same quote.
    issue = op("issue_quote")
    issued = issue.sync_detailed(client=client, body=case, idempotency_key="client-test-1")
    check("issue answers 201", issued.status_code == 201, f"{issued.status_code} {issued.content[:300]!r}")
    record = issued.parsed
    check("issue parses as a Record", isinstance(record, models.Record), type(record))
    year = record.issue_date.year
    check("the first quote of the run is NL-<year>-000001", record.number == f"NL-{year}-000001", record.number)
    check("issued on the market's today", abs((record.issue_date - datetime.date.today()).days) <= 1, record.issue_date)
    check("the issued quote carries its number", record.quote.number == record.number, record.quote.number)
    check(
        "issued totals are the preview's",
        record.quote.totals.to_dict() == totals.to_dict(),
        record.quote.totals.to_dict(),
    )
    check("state issued, no decision", (record.state.value, record.decision) == ("issued", None), record.state)
    link = record.customer_link
    check(
        "the answer holds the customer link",
        isinstance(link, str) and re.fullmatch(re.escape(args.base_url) + r"/q/[A-Za-z0-9_-]{43}", link),
        link,
    )
    replay = issue.sync_detailed(client=client, body=case, idempotency_key="client-test-1")
    check(
        "a retry with the same key answers 200 with the same quote",
        replay.status_code == 200 and replay.parsed.number == record.number,
        f"{replay.status_code} {getattr(replay.parsed, 'number', None)}",
    )
    check("the replay says so", replay.headers.get("idempotent-replayed") == "true", dict(replay.headers))

    # Read it back.
    read = op("get_quote").sync_detailed(record.number, client=client)
    check("read answers 200", read.status_code == 200, read.status_code)
    stored = read.parsed
    check("read: the same number", stored.number == record.number, stored.number)
    check("read: the customer's name from the case", stored.case.customer.name == "Anna de Vries", stored.case.customer.name)
    check("read: the totals", stored.quote.totals.all_.gross == "299.96", stored.quote.totals.all_.gross)
    check("read: no customer link is shown again", isinstance(stored.customer_link, types.Unset), stored.customer_link)
    missing = op("get_quote").sync_detailed("NL-2000-999999", client=client)
    check(
        "an unknown number is 404 with the JSON error",
        missing.status_code == 404 and isinstance(missing.parsed, models.Error) and missing.parsed.error,
        f"{missing.status_code} {missing.content!r}",
    )
    unauthorized = op("get_quote").sync_detailed(record.number, client=anonymous)
    check(
        "without a key: 401 with WWW-Authenticate",
        unauthorized.status_code == 401 and isinstance(unauthorized.parsed, models.Error)
        and unauthorized.headers.get("www-authenticate", "").startswith('Bearer realm="repairquote"'),
        f"{unauthorized.status_code} {dict(unauthorized.headers)}",
    )

    # List: the market filter, and an empty `to` that counts as absent.
    listing = op("list_quotes").sync_detailed(client=client, market="NL", to="")
    check("list answers 200", listing.status_code == 200, f"{listing.status_code} {listing.content!r}")
    numbers = [summary.number for summary in listing.parsed.quotes]
    check("list: the issued quote, once", numbers == [record.number], numbers)
    check("list: the last page", listing.parsed.next_cursor is None, listing.parsed.next_cursor)
    none = op("list_quotes").sync_detailed(client=client, market="BE")
    check("list: another market has none", none.status_code == 200 and none.parsed.quotes == [], none.content)
    bad = op("list_quotes").sync_detailed(client=client, limit=0)
    check(
        "list: limit 0 is 422 naming limit",
        bad.status_code == 422 and bad.parsed.field == "limit",
        f"{bad.status_code} {bad.content!r}",
    )

    # Decide: accepted by phone; the charges it fixes; another answer is 409.
    decide = op("decide_quote")
    body = models.DecideQuoteBody(
        decision=models.DecideQuoteBodyDecision.ACCEPTED,
        channel=models.DecideQuoteBodyChannel.PHONE,
        note="agreed on the phone",
    )
    decided = decide.sync_detailed(record.number, client=client, body=body)
    check("decide answers 200", decided.status_code == 200, f"{decided.status_code} {decided.content[:300]!r}")
    decision = decided.parsed.decision
    check("decision: accepted", decision.decision.value == "accepted", decision.decision)
    check("decision: by phone, with the note", (decision.channel.value, decision.note) == ("phone", "agreed on the phone"), decision.to_dict())
    check("decision: by the key's name and role", (decision.decided_by.name, decision.decided_by.role.value) == ("service-desk-1", "service-center"), decision.decided_by.to_dict())
    check("decision: the accepted charges are the quote's", decision.charges.totals.all_.gross == "299.96", decision.charges.totals.all_.gross)
    check("state accepted", decided.parsed.state.value == "accepted", decided.parsed.state)
    again = decide.sync_detailed(
        record.number,
        client=client,
        body=models.DecideQuoteBody(
            decision=models.DecideQuoteBodyDecision.REJECTED, channel=models.DecideQuoteBodyChannel.EMAIL
        ),
    )
    check(
        "another answer is 409",
        again.status_code == 409 and isinstance(again.parsed, models.Error),
        f"{again.status_code} {again.content!r}",
    )
    after = op("list_quotes").sync_detailed(client=client, state=models.ListQuotesState.ACCEPTED)
    check("list by state: the accepted quote", [s.number for s in after.parsed.quotes] == [record.number], after.content)


if __name__ == "__main__":
    sys.exit(main())

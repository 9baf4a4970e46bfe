#!/usr/bin/env python3
"""Writes Tests/QuoteCoreTests/Golden/*.json: one or more golden cases per rule ID.

Each golden file holds a case (an example with a patch applied) and the expected quote fields,
reasoned from docs/rules.md and the shipped sample prices (amounts computed here with
Python's Decimal, independently of the Swift engine). Run once after changing examples or prices;
review the diff like code.
"""
import copy, json, os
from decimal import Decimal as D, ROUND_HALF_UP, ROUND_HALF_EVEN

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests/QuoteCoreTests/Golden")

def example(name):
    return json.load(open(os.path.join(ROOT, "Examples", name + ".json")))

def patch(case, changes):
    case = copy.deepcopy(case)
    for path, value in changes.items():
        target = case
        keys = path.split(".")
        for k in keys[:-1]:
            target = target[k]
        if value == "<delete>":
            target.pop(keys[-1], None)
        else:
            target[keys[-1]] = value
    return case

def luhn(body):
    s = 0
    for i, ch in enumerate(body):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            d = d - 9 if d > 9 else d
        s += d
    return body + str((10 - s % 10) % 10)

def vat(net, rate, mode=ROUND_HALF_UP):
    return (D(net) * D(rate) / 100).quantize(D("0.01"), rounding=mode)

golden = []
def g(rule, title, case, expect=None, error=None, rules=(), not_rules=()):
    golden.append({"rule": rule, "title": title, "case": case, "expect": expect or {},
                   "rulesInclude": list(rules), "rulesExclude": list(not_rules), "error": error})

NL_OOW = example("nl-out-of-warranty")
NL_IW = example("nl-in-warranty")

# ---- General rules -------------------------------------------------------------------------
# G-1: exact money; NL accepted: 9.50 + 9.50 + 39.00 + 189.90 = 247.90 net; VAT 21 % of 247.90 = 52.059 → 52.06.
g("G-1", "amounts are exact decimals to the cent", patch(NL_OOW, {"decision": "accepted"}),
  {"totals.consumer.net": "247.90", "totals.consumer.vat": "52.06", "totals.consumer.gross": "299.96",
   "lines[3].unitPrice": "189.90", "ifRejected": None})
# G-1: an amount is checked in the market's currency for every case, used by a rule or not.
g("G-1", "an amount with more decimals than the currency is refused, even on a repair that does not use it",
  patch(NL_OOW, {"decision": "accepted", "purchase.amounts": {"price": "0.001"}}),
  error='purchase.amounts.price: "0.001" has more than 2 decimals (EUR has 2 decimals)')
# G-2: document rounding (NL) vs line rounding (BE) differ by one cent on the same lines.
line_vat = vat("9.50", 21) * 2 + vat("39.00", 21) + vat("189.90", 21)   # 2.00+2.00+8.19+39.88 = 52.07
g("G-2", "VAT per document (NL): 21 % of the summed net, rounded once", patch(NL_OOW, {"decision": "accepted"}),
  {"settings.vatRounding": "document", "totals.consumer.vat": "52.06", "lines[0].vat": "2.00", "lines[1].vat": "1.99"})
g("G-2", "VAT per line (BE): the same lines give one cent more", patch(NL_OOW, {"market": "BE", "decision": "accepted"}),
  {"settings.vatRounding": "line", "totals.consumer.vat": str(line_vat), "lines[0].vat": "2.00", "lines[1].vat": "2.00"})
# LU 17 % half-even per line: 9.50 → 1.615 → 1.62 (even), 12.50 → 2.125 → 2.12 (even).
g("G-2", "half-even per line (LU 17 %): 1.615 → 1.62 and 2.125 → 2.12", example("lu-out-of-warranty-rejected"),
  {"settings.roundingMode": "half-even", "lines[0].vat": "1.62", "lines[2].vat": "2.12", "totals.consumer.gross": "36.86"})
# G-3: ES month 13–24: labor by the retailer, logistics by the manufacturer (ES-3), nothing for the consumer.
g("G-3", "every line has a payer; per-payer totals add up", example("es-in-warranty-year-two"),
  {"totals.consumer.gross": "0.00", "totals.manufacturer.net": "13.90", "totals.manufacturer.vat": "0.00",
   "totals.retailer.net": "39.00", "totals.all.net": "52.90", "lines[0].payer": "retailer", "lines[0].vatRate": "0"})
# G-4: 24 months from 2024-01-31 end on 2026-01-31; the anniversary day is still covered.
month_end = patch(NL_IW, {"purchase.date": "2024-01-31", "purchase.deliveryDate": "2024-02-02", "requestDate": "2026-01-31"})
g("G-4", "month end: 24 months from 2024-01-31 run through 2026-01-31, which is covered", month_end,
  {"coverage.status": "in-warranty", "coverage.warrantyEnds": "2026-01-31"})
g("G-4", "the day after the anniversary is out of warranty", patch(month_end, {"requestDate": "2026-02-01"}),
  {"coverage.status": "out-of-warranty", "coverage.warrantyEnds": "2026-01-31"})
g("G-4", "1 month from 2024-01-31 ends on 2024-02-29 (US band cable)",
  patch(example("us-remorse-refund"), {"kind": "repair", "item": "cable", "purchase.date": "2024-01-30", "purchase.deliveryDate": "2024-01-31",
        "requestDate": "2024-02-29", "repair": {"labor": "L1", "parts": []}}),
  {"coverage.status": "in-warranty", "coverage.warrantyEnds": "2024-02-29"}, rules=["US-1"])
doa = example("nl-doa-accepted")
g("G-4", "15 days from 2024-03-12 run through 2024-03-27 (DOA accepted on the last day)",
  patch(doa, {"purchase.date": "2024-03-10", "purchase.deliveryDate": "2024-03-12", "requestDate": "2024-03-27"}),
  {"coverage.status": "doa"}, rules=["BX-5"])
g("G-4", "a DOA claim on day 16 is quoted as a repair",
  patch(doa, {"purchase.date": "2024-03-10", "purchase.deliveryDate": "2024-03-12", "requestDate": "2024-03-28"}),
  {"coverage.status": "in-warranty"}, rules=["BX-5", "BX-7"])
# G-5: validation, and an unlisted model quoted with category defaults.
g("G-5", "a bad IMEI check digit names the field", patch(NL_OOW, {"device.imei": "490154203237519"}),
  error="device.imei: check digit should be 8")
g("G-5", "a part that does not fit the model is refused", patch(NL_OOW, {"device.model": "Xiaomi 14"}),
  error="repair.parts[0].sku: X12P-DISPLAY (Display assembly Xiaomi 12 Pro) does not fit Xiaomi 14")
g("G-5", "an unknown SKU is refused", patch(NL_OOW, {"repair": {"labor": "L2", "parts": [{"sku": "NOPE-1", "quantity": 1}]}}),
  error="repair.parts[0].sku: unknown SKU \"NOPE-1\" in the NL parts list")
g("G-5", "an unknown labor code is refused", patch(NL_OOW, {"repair": {"labor": "L9", "parts": []}}),
  error="repair.labor: unknown labor code \"L9\" for a phone in NL (known: L1, L2, L3)")
g("G-5", "dates must be ordered", patch(NL_OOW, {"purchase.deliveryDate": "2025-01-09"}),
  error="purchase.deliveryDate: 2025-01-09 is before the purchase date 2025-01-10")
g("G-5", "an impossible date is refused", patch(NL_OOW, {"requestDate": "2026-02-30"}),
  error="requestDate: \"2026-02-30\" is not a date of the form YYYY-MM-DD that exists")
g("G-5", "a zero quantity is refused", patch(NL_OOW, {"repair": {"labor": "L2", "parts": [{"sku": "X12P-DISPLAY", "quantity": 0}]}}),
  error="repair.parts[0].quantity: must be a positive whole number, got 0")
g("G-5", "a model the policy does not list is quoted with its category's defaults",
  patch(NL_IW, {"device.model": "Xiaomi 99 Concept", "repair": {"labor": "L1", "parts": []}}),
  {"coverage.status": "in-warranty", "coverage.warrantyEnds": "2027-06-01"}, rules=["G-5", "BX-1"])
# G-6: both outcomes while pending; none once answered.
g("G-6", "a pending out-of-warranty quote states the rejection charges", NL_OOW,
  {"ifRejected.totals.consumer.net": "31.50", "ifRejected.lines[2].kind": "handling"}, rules=["G-6", "BX-8", "BX-9"])
g("G-6", "an accepted quote has no rejection alternative", patch(NL_OOW, {"decision": "accepted"}),
  {"ifRejected": None}, not_rules=["G-6", "BX-9"])
# G-7: the version in force on the request date is used and recorded.
g("G-7", "a 2025 request uses the 2025.1 price list", patch(NL_OOW, {"requestDate": "2025-06-02", "decision": "accepted"}),
  {"priceListVersion": "2025.1", "validUntil": "2025-06-16", "lines[2].unitPrice": "35.00"})
g("G-7", "a 2026 request uses the 2026.1 price list", patch(NL_OOW, {"decision": "accepted"}),
  {"priceListVersion": "2026.1", "validUntil": "2026-03-16", "issueDate": "2026-03-02", "lines[2].unitPrice": "39.00"})
# G-8 (with HK-12): end of service.
g("G-8", "after the end-of-service date a device is not repairable", example("hk-end-of-service"),
  {"coverage.status": "not-repairable", "lines[0].kind": "inspection", "totals.consumer.gross": "150.00",
   "coverage.advice[0]": "inspection-only"}, rules=["HK-12", "G-8"])
# G-9: a replaced device keeps the original warranty end.
g("G-9", "a replacement device inherits the original warranty end",
  patch(NL_IW, {"history": {"benefitsUsed": [], "previousRepair": {"completed": "2026-02-01", "fault": "display", "replacedParts": [], "deviceReplaced": True}}}),
  {"coverage.warrantyEnds": "2027-06-01", "coverage.status": "in-warranty"}, rules=["G-9"])
# G-10: a used benefit is not granted again.
g("G-10", "PK-3 already used: labor is charged", example("pk-benefit-used"),
  {"coverage.benefitsGranted": [], "lines[0].kind": "labor", "lines[0].payer": "consumer"}, rules=["G-10", "PK-3"])

# ---- Benelux -------------------------------------------------------------------------------
g("BX-1", "24 months from the invoice date", NL_IW,
  {"coverage.status": "in-warranty", "coverage.warrantyEnds": "2027-06-01"}, rules=["BX-1"])
g("BX-2", "no proof of purchase: out of warranty", patch(NL_IW, {"purchase.proofOfPurchase": False}),
  {"coverage.status": "out-of-warranty"}, rules=["BX-2", "BX-8"])
g("BX-3", "liquid damage is out of warranty whatever the date", NL_OOW,
  {"coverage.status": "out-of-warranty", "coverage.warrantyEnds": "2027-01-10"}, rules=["BX-3"])
g("BX-4", "a grey import is refused; the retailer pays handling and the return",
  example("nl-grey-import-refused"),
  {"coverage.status": "refused", "lines[0].kind": "handling", "lines[0].payer": "retailer", "lines[1].kind": "logistics-return",
   "totals.retailer.net": "22.00", "totals.consumer.gross": "0.00", "coverage.advice[0]": "contact-seller"}, rules=["BX-4"])
g("BX-5", "DOA within 15 days at the point of sale: manufacturer pays transport and screening", doa,
  {"coverage.status": "doa", "totals.manufacturer.net": "29.50", "totals.consumer.gross": "0.00"}, rules=["BX-5"])
g("BX-5", "a DOA raised at a service center is rejected and quoted as a repair",
  patch(doa, {"raisedVia": "service-center", "repair": {"labor": "L1", "parts": []}}),
  {"coverage.status": "in-warranty"}, rules=["BX-5", "BX-7"])
g("BX-5", "a DOA with missing box contents is quoted as a repair",
  patch(doa, {"findings": ["missing-box-contents"]}), {"coverage.status": "in-warranty"}, rules=["BX-5"])
g("BX-6", "remorse via mi.com: consumer pays the shipping in, manufacturer the screening", example("nl-remorse"),
  {"coverage.status": "remorse", "lines[0].kind": "logistics-outbound", "lines[0].payer": "consumer", "lines[0].gross": "11.50",
   "lines[1].kind": "screening", "lines[1].payer": "manufacturer"}, rules=["BX-6"])
g("BX-6", "remorse for a retailer purchase is refused", patch(example("nl-remorse"), {"purchase.channel": "retailer"}),
  {"coverage.status": "refused"}, rules=["BX-6"])
g("BX-7", "in warranty the manufacturer pays logistics, labor and parts", NL_IW,
  {"totals.consumer.gross": "0.00", "totals.manufacturer.net": str(D("9.50") * 2 + D("39.00") + D("199.90")),
   "lines[0].payer": "manufacturer", "lines[0].vat": "0.00"}, rules=["BX-7"])
g("BX-8", "accepted out-of-warranty quote: logistics, labor and parts plus VAT", patch(NL_OOW, {"decision": "accepted"}),
  {"lines[0].kind": "logistics-outbound", "lines[1].kind": "logistics-return", "lines[2].kind": "labor", "lines[3].kind": "part",
   "totals.consumer.gross": "299.96"}, rules=["BX-8"])
g("BX-9", "rejected: two-way logistics and handling plus VAT", patch(NL_OOW, {"decision": "rejected"}),
  {"lines[2].kind": "handling", "totals.consumer.net": "31.50", "totals.consumer.vat": str(vat("31.50", 21)), "ifRejected": None},
  rules=["BX-9"], not_rules=["BX-8"])
tv = example("nl-tv-on-site-in-warranty")
g("BX-10", "a TV over 32\" in warranty on site: manufacturer pays travel and the call", tv,
  {"lines[2].kind": "travel", "lines[2].payer": "manufacturer", "lines[3].kind": "call", "totals.consumer.gross": "0.00"}, rules=["BX-10"])
g("BX-10", "out of warranty the consumer pays the travel fee instead of logistics",
  patch(tv, {"purchase.date": "2023-05-10", "purchase.deliveryDate": "2023-05-12", "decision": "accepted"}),
  {"coverage.status": "out-of-warranty", "lines[0].kind": "travel", "lines[0].payer": "consumer", "lines[0].gross": "59.29",
   "lines[1].kind": "call", "lines[1].payer": "manufacturer"}, rules=["BX-10", "BX-8"])
g("BX-10", "on-site service for a 32\" TV is bad input", patch(tv, {"device.screenInches": 32}),
  error="serviceMode: on-site service is only for screens over 32\" (BX-10); carry it in or have it picked up")
g("BX-11", "a panel defect in warranty swaps the whole TV", example("be-tv-panel-swap"),
  {"coverage.status": "in-warranty", "lines[0].kind": "swap-unit", "lines[0].reference": "TV32-SWAP", "lines[0].payer": "manufacturer",
   "lines[3].kind": "empty-box"}, rules=["BX-11"])
g("BX-11", "a panel defect out of warranty is not repairable", example("nl-tv-panel-not-repairable"),
  {"coverage.status": "not-repairable", "coverage.advice[0]": "consider-new-device", "ifRejected": None}, rules=["BX-11"])
g("BX-12", "installation is refused, never priced", example("nl-installation-refused"),
  {"coverage.status": "refused", "lines": [], "coverage.advice[0]": "use-installer"}, rules=["BX-12"])
g("BX-13", "expected completion is 5 days after issue", NL_IW, {"expectedCompletion": "2026-03-07"}, rules=["BX-13"])

# ---- Pakistan ------------------------------------------------------------------------------
pk = example("pk-free-labor")
g("PK-1", "the promotion applies to an official Xiaomi 12 Pro", pk, {"coverage.benefitsGranted": ["PK-3"]}, rules=["PK-1"])
g("PK-1", "another model gets no promotion", patch(pk, {"device.model": "Xiaomi 14", "repair": {"labor": "L3", "parts": []}}),
  {"coverage.benefitsGranted": [], "coverage.warrantyEnds": "2026-05-10"}, not_rules=["PK-1", "PK-3"])
g("PK-2", "24 months from purchase for the Xiaomi 12 Pro", patch(pk, {"findings": []}),
  {"coverage.status": "in-warranty", "coverage.warrantyEnds": "2027-05-10"}, rules=["PK-2"])
pk_labor = D("17700.00"); pk_part = D("12000.00")
g("PK-3", "out-of-warranty repair within 12 months: labor shown and waived", pk,
  {"lines[0].kind": "labor", "lines[0].net": str(pk_labor), "lines[2].kind": "waiver", "lines[2].net": str(-pk_labor),
   "lines[2].vat": str(-vat(pk_labor, 18)), "totals.consumer.gross": str(pk_part + vat(pk_part, 18))}, rules=["PK-3", "G-10"])
g("PK-3", "after 12 months the labor is charged", patch(pk, {"requestDate": "2026-05-11"}),
  {"coverage.benefitsGranted": []}, not_rules=["PK-3"])
pks = example("pk-free-screen")
g("PK-4", "a cracked screen within 6 months is repaired free (parts and labor)", pks,
  {"coverage.benefitsGranted": ["PK-4"], "totals.consumer.net": "1000.00", "lines[4].kind": "waiver"}, rules=["PK-4"])
g("PK-4", "cosmetic scratches only do not qualify", patch(pks, {"findings": ["cosmetic-scratches"]}),
  {"coverage.benefitsGranted": ["PK-3"]}, not_rules=["PK-4"])
g("PK-5", "a cracked screen is outside the 24-month warranty", patch(pks, {"requestDate": "2026-05-01"}),
  {"coverage.status": "out-of-warranty"}, rules=["PK-5"])
g("PK-6", "a tampered IMEI loses the promotion", patch(pk, {"findings": ["imei-tampered"]}),
  {"coverage.benefitsGranted": [], "coverage.warrantyEnds": "2026-05-10"}, rules=["PK-6"], not_rules=["PK-1"])
g("PK-6", "a counterfeit is refused", example("pk-counterfeit-refused"), {"coverage.status": "refused", "lines": []}, rules=["PK-6"])
g("PK-7", "carry-in declined: the customer pays the inspection fee", patch(pk, {"decision": "rejected"}),
  {"lines[0].kind": "inspection", "totals.consumer.net": "2000.00", "coverage.benefitsGranted": []}, rules=["PK-7"])
g("PK-7", "mail-in declined: inspection plus two-way logistics", patch(pks, {"decision": "rejected"}),
  {"lines[0].kind": "inspection", "lines[1].kind": "logistics-outbound", "totals.consumer.net": "3000.00"}, rules=["PK-7"])

# ---- Hong Kong -----------------------------------------------------------------------------
g("HK-1", "within 14 days a faulty phone is replaced free", example("hk-doa-swap"),
  {"coverage.status": "doa", "lines[0].kind": "swap-unit", "lines[0].payer": "manufacturer"}, rules=["HK-1"])
hk_iw = example("hk-in-warranty-model-table")
g("HK-2", "12 months from receipt for a model without its own period",
  patch(hk_iw, {"device.model": "Redmi Note 13", "repair": {"labor": "L2", "parts": [{"sku": "RN13-DISPLAY", "quantity": 1}]}}),
  {"coverage.warrantyEnds": "2025-08-02", "coverage.status": "out-of-warranty"}, rules=["HK-2"])
g("HK-3", "a removable battery is covered 6 months",
  patch(hk_iw, {"item": "removable-battery", "device.model": "Redmi Note 13", "requestDate": "2025-01-20", "repair": {"labor": None, "parts": [{"sku": "RBAT-GENERIC", "quantity": 1}]}}),
  {"coverage.warrantyEnds": "2025-02-02", "coverage.status": "in-warranty"}, rules=["HK-3"])
g("HK-4", "the Xiaomi 13 Pro has 24 months", hk_iw, {"coverage.warrantyEnds": "2026-08-02", "coverage.status": "in-warranty"}, rules=["HK-4"])
g("HK-4", "the Redmi Note 7 has 18 months (before its end of service)",
  patch(hk_iw, {"device.model": "Redmi Note 7", "purchase.date": "2021-01-01", "purchase.deliveryDate": "2021-01-02",
                "requestDate": "2022-07-02", "repair": {"labor": "L1", "parts": []}}),
  {"coverage.warrantyEnds": "2022-07-02", "coverage.status": "in-warranty"}, rules=["HK-4"])
g("HK-12", "the Redmi Note 7 is on the end-of-service list from 2022-11-29",
  patch(hk_iw, {"device.model": "REDMI Note7", "repair": {"labor": "L1", "parts": []}}),
  {"coverage.status": "not-repairable"}, rules=["HK-12", "G-8"])
g("HK-5", "a replaced part is covered 30 days for the same fault", example("hk-replaced-part"),
  {"coverage.status": "in-warranty", "coverage.warrantyEnds": "2025-01-06"}, rules=["HK-5"])
g("HK-5", "a different fault after the warranty is not covered", patch(example("hk-replaced-part"), {"fault": "camera"}),
  {"coverage.status": "out-of-warranty"}, not_rules=["HK-5"])
g("HK-6", "after a repair the original warranty end stays", example("hk-replaced-part"), {"coverage.warrantyEnds": "2025-01-06"}, rules=["HK-6"])
g("HK-7", "a fault caused by an official OTA update stays covered", patch(hk_iw, {"findings": ["ota-update-fault"]}),
  {"coverage.status": "in-warranty"}, rules=["HK-7"])
g("HK-8", "mail-in postage is at the customer's cost when not covered",
  patch(example("hk-international-warranty"), {"findings": ["liquid-damage"], "decision": "accepted"}),
  {"lines[0].kind": "logistics-outbound", "lines[0].payer": "consumer", "lines[0].net": "40.00"}, rules=["HK-8", "HK-9"])
g("HK-9", "water damage is quoted per fault", patch(hk_iw, {"findings": ["liquid-damage"]}),
  {"coverage.status": "out-of-warranty", "ifRejected.totals.consumer.gross": "0.00"}, rules=["HK-9"])
g("HK-10", "without a Hong Kong invoice warranty is refused", patch(hk_iw, {"purchase.proofOfPurchase": False}),
  {"coverage.status": "out-of-warranty"}, rules=["HK-10"])
g("HK-11", "a resold device is out of warranty", patch(hk_iw, {"purchase.firstOwner": False}),
  {"coverage.status": "out-of-warranty"}, rules=["HK-11"])
g("HK-12", "Mi 11 service ended on 2025-08-29", example("hk-end-of-service"), {"coverage.status": "not-repairable"}, rules=["HK-12"])
g("HK-12", "the day before the end-of-service date a repair is still quoted", patch(example("hk-end-of-service"), {"requestDate": "2025-08-28"}),
  {"coverage.status": "out-of-warranty"}, not_rules=["HK-12"])
g("HK-13", "an internationally warranted model bought abroad is serviced", example("hk-international-warranty"),
  {"coverage.status": "in-warranty"}, rules=["HK-13"])
g("HK-13", "another model bought abroad is out of warranty", patch(example("hk-international-warranty"), {"device.model": "Xiaomi 14", "repair": {"labor": "L1", "parts": []}}),
  {"coverage.status": "out-of-warranty"}, rules=["HK-9"], not_rules=["HK-13"])
g("HK-14", "no VAT in Hong Kong", patch(hk_iw, {"findings": ["liquid-damage"], "decision": "accepted"}),
  {"totals.consumer.vat": "0.00", "settings.vatRate": "0", "lines[0].vatRate": "0"}, rules=["HK-14"])

hk_doa = example("hk-doa-swap")
g("HK-1", "a resold device gets no free replacement: quoted as an out-of-warranty repair",
  patch(hk_doa, {"purchase.firstOwner": False, "repair": {"labor": "L1", "parts": []}}),
  {"coverage.status": "out-of-warranty"}, rules=["HK-1", "HK-11"])
g("HK-1", "a grey import without international warranty gets no free replacement",
  patch(hk_doa, {"device.model": "Xiaomi 14", "purchase.official": False, "repair": {"labor": "L1", "parts": []}}),
  {"coverage.status": "out-of-warranty"}, rules=["HK-1", "HK-9"])
g("HK-1", "a model without a swap unit in the parts list is repaired free instead",
  patch(hk_doa, {"device.model": "Redmi Note 13", "repair": {"labor": "L1", "parts": []}}),
  {"coverage.status": "in-warranty", "totals.consumer.gross": "0.00"}, rules=["HK-1", "HK-2"])
g("HK-1", "without a swap unit in the parts list, a claim with no repair lines is still a free exchange",
  patch(hk_doa, {"device.model": "Redmi Note 13"}),
  {"coverage.status": "doa", "lines[0].kind": "swap-unit", "lines[0].payer": "manufacturer",
   "lines[0].unitPrice": "0.00", "totals.consumer.gross": "0.00", "totals.all.gross": "0.00"},
  rules=["HK-1"])
g("HK-12", "a repair on the end-of-service date itself is still quoted (service stops after it)",
  patch(example("hk-end-of-service"), {"requestDate": "2025-08-29"}),
  {"coverage.status": "out-of-warranty"}, not_rules=["HK-12"])
g("HK-8", "a mail-in device past its end of service: inspection and postage both ways",
  patch(example("hk-end-of-service"), {"serviceMode": "mail-in"}),
  {"coverage.status": "not-repairable", "lines[1].kind": "logistics-outbound", "lines[2].kind": "logistics-return",
   "totals.consumer.gross": "230.00"}, rules=["HK-12"])
g("BX-6", "a remorse return with abuse found (wrong voltage) is refused",
  patch(example("nl-remorse"), {"findings": ["wrong-voltage"]}), {"coverage.status": "refused"}, rules=["BX-6"])
g("PK-6", "without proof of purchase: out of warranty and no promotion benefit",
  patch(example("pk-free-screen"), {"purchase.proofOfPurchase": False}),
  {"coverage.status": "out-of-warranty", "coverage.benefitsGranted": []}, rules=["PK-6"], not_rules=["PK-4", "PK-1"])

# ---- United States -------------------------------------------------------------------------
us_rem = example("us-remorse-refund")
g("US-1", "a Mi Band sensor is covered 12 months", patch(us_rem, {"kind": "repair", "requestDate": "2026-03-02", "repair": {"labor": "L1", "parts": []}}),
  {"coverage.warrantyEnds": "2027-02-14", "coverage.status": "in-warranty"}, rules=["US-1"])
g("US-2", "a mi.com purchase returned within 30 days is refunded", us_rem,
  {"coverage.status": "remorse", "lines[1].kind": "refund", "lines[1].net": "-49.99"}, rules=["US-2"])
g("US-2", "a return on day 31 is refused", patch(us_rem, {"requestDate": "2026-03-17"}), {"coverage.status": "refused"}, rules=["US-2"])
us_doa = example("us-doa-late-order-refund")
g("US-3", "a November order can be returned until January 31", us_doa, {"coverage.status": "doa"}, rules=["US-3"])
g("US-3", "without an order date, a November purchase date extends the window too",
  patch(us_doa, {"purchase.orderedOn": None}), {"coverage.status": "doa"}, rules=["US-3"])
g("US-3", "a September order returned in January is past its window",
  patch(us_doa, {"purchase.orderedOn": "2025-09-28", "purchase.date": "2025-09-28", "purchase.deliveryDate": "2025-10-02", "repair": {"labor": "L1", "parts": []}}),
  {"coverage.status": "in-warranty"}, not_rules=["US-3"])
g("US-4", "return shipping is the customer's without a defect", us_rem,
  {"lines[0].kind": "logistics-outbound", "lines[0].payer": "consumer"}, rules=["US-4"])
g("US-4", "return shipping is the manufacturer's for a product failure", us_doa,
  {"lines[0].kind": "logistics-outbound", "lines[0].payer": "manufacturer"}, rules=["US-4"])
g("US-5", "a defect refunds price, shipping and taxes", us_doa,
  {"totals.consumer.gross": str(-(D("59.99") + D("6.99") + D("5.32")))}, rules=["US-5"])
g("US-5", "a partial return refunds no shipping", patch(us_doa, {"purchase.partialReturn": True}),
  {"totals.consumer.gross": str(-(D("59.99") + D("5.32")))}, rules=["US-5"])
g("US-6", "a damaged return is refused", patch(us_rem, {"findings": ["physical-damage"]}),
  {"coverage.status": "refused", "lines": []}, rules=["US-6"])
g("US-7", "in warranty the repair is free", example("us-replacement-in-warranty"),
  {"coverage.status": "in-warranty", "totals.consumer.gross": "0.00"}, rules=["US-7"])
g("US-8", "a replacement is warranted at least 30 days", example("us-replacement-in-warranty"),
  {"coverage.warrantyEnds": "2026-03-22"}, rules=["US-8"])
g("US-9", "physical damage is not covered", example("us-out-of-warranty-sales-tax"), {"coverage.status": "out-of-warranty"}, rules=["US-9"])
g("US-10", "the case's sales-tax rate applies to consumer lines", patch(example("us-out-of-warranty-sales-tax"), {"decision": "accepted"}),
  {"settings.vatRate": "8.875", "lines[0].vatRate": "8.875", "lines[0].vat": str(vat("9.99", D("8.875"), ROUND_HALF_EVEN))}, rules=["US-10"])
g("US-10", "a per-case rate is refused where VAT is fixed", patch(NL_OOW, {"salesTaxRate": "8.875"}),
  error="salesTaxRate: NL has a single VAT rate of 21%; a per-case rate is not accepted")

# ---- Spain ---------------------------------------------------------------------------------
es2 = example("es-in-warranty-year-two")
g("ES-1", "months 1–12: the manufacturer pays", patch(es2, {"requestDate": "2025-09-15"}),
  {"lines[0].payer": "manufacturer", "totals.retailer.net": "0.00"}, rules=["ES-1"])
g("ES-1", "months 13–24: the store pays the repair", es2, {"lines[0].payer": "retailer"}, rules=["ES-1"])
g("ES-2", "a marketplace purchase is paid by the retailer", example("es-marketplace-retailer-pays"),
  {"lines[0].payer": "retailer", "lines[1].payer": "retailer"}, rules=["ES-2"])
g("ES-3", "in-warranty shipping is paid by the manufacturer", es2,
  {"lines[1].kind": "logistics-outbound", "lines[1].payer": "manufacturer"}, rules=["ES-3"])
g("ES-4", "the posting deadline is 30 days after the RMA", es2,
  {"coverage.windows[1].name": "posting-deadline", "coverage.windows[1].ends": "2026-04-01"}, rules=["ES-4"])
g("ES-5", "an ES phone without IMEI is bad input", patch(es2, {"device.imei": None, "device.serial": "SN123"}),
  error="device.imei: is required in ES for a phone (ES-5)")

os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT):
    if f.endswith(".json"):
        os.remove(os.path.join(OUT, f))
counts = {}
for entry in golden:
    counts[entry["rule"]] = counts.get(entry["rule"], 0) + 1
    name = f"{entry['rule']}-{counts[entry['rule']]}.json"
    with open(os.path.join(OUT, name), "w") as fh:
        json.dump(entry, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
print(f"{len(golden)} golden cases for {len(counts)} rules")

#!/usr/bin/env python3
"""Rewrites docs/rules.md: for each rule ID, the golden cases that test it and the policy notes.

The rules themselves (ID, section, text) are read from docs/rules.md: edit them there."""
import json, os, re, yaml
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
golden = {}
gdir = os.path.join(ROOT, "Tests/QuoteCoreTests/Golden")
for name in sorted(os.listdir(gdir)):
    g = json.load(open(os.path.join(gdir, name)))
    golden.setdefault(g["rule"], []).append((name, g["title"]))
# The rule texts and their sections are the repository's own: read back from docs/rules.md, so
# that only the golden-case lists and the policy notes are rewritten.
DOC = os.path.join(ROOT, "docs/rules.md")
rules_md = open(DOC).read()
body = rules_md.split("\n## Choices where the sources are silent", 1)[0]
rows, sections = [], {}
section = None
for block in re.split(r"\n(?=#{1,2} )", body):
    heading, _, rest = block.partition("\n")
    if heading.startswith("# "):
        section = heading[2:].strip()
        continue
    match = re.fullmatch(r"## ([A-Z]+-\d+)", heading.strip())
    if not match:
        continue
    paragraphs = [p.strip() for p in rest.strip().split("\n\n")]
    text = "\n\n".join(p for p in paragraphs if p and not p.startswith("- `"))
    rows.append((match.group(1), text))
    sections[match.group(1)] = section
if not rows:
    raise SystemExit(f"{DOC}: no rule sections (## G-1 …) found")
out = ["# Rules: what each says, where it is applied and tested", "",
       "Every rule the engine applies has an ID; a quote names the IDs it applied, with one sentence each.",
       "Below, each rule in full, then the golden cases that test it (`Tests/QuoteCoreTests/Golden/`).",
       "The rule texts are edited here; `scripts/dev/make_rules_doc.py` rewrites the lists of golden",
       "cases and the closing notes (from the policies). The sentence a quote shows for a rule is in the",
       "market's `policy.yaml` (`rules:`) or in `PriceLists/rules.yaml` for the general rules, in English;",
       "in `rules.<lang>.yaml` beside them in the market's other languages (`docs/price-lists.md`).", ""]
section = None
for rid, text in rows:
    if sections.get(rid) != section:
        section = sections.get(rid)
        out.append(f"# {section}")
        out.append("")
    out.append(f"## {rid}")
    out.append("")
    out.append(text)
    out.append("")
    for name, title in golden.get(rid, []):
        out.append(f"- `{name}`: {title}")
    out.append("")
out.append("## Choices where the sources are silent")
for market in sorted(os.listdir(os.path.join(ROOT, "PriceLists"))):
    path = os.path.join(ROOT, "PriceLists", market, "policy.yaml")
    if not os.path.exists(path) or market in ("BE", "LU"):
        continue
    notes = yaml.safe_load(open(path)).get("notes", [])
    label = "NL, BE, LU" if market == "NL" else market
    for note in notes:
        out.append(f"- {label}: {note}")
open(os.path.join(ROOT, "docs/rules.md"), "w").write("\n".join(out) + "\n")

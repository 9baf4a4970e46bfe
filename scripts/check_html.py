#!/usr/bin/env python3
"""Parses HTML documents with html5lib in strict mode; exits 1 if any has a parse error.

Usage: scripts/check_html.py FILE.html [FILE.html ...]
Needs html5lib (scripts/setup.sh installs it: python3 -m pip install -q html5lib).
Also fails a document that loads external resources or contains scripts: quotes are self-contained
(a link to a path of the same service, `<a href="/…">`, loads nothing and passes).
"""
import sys

try:
    import html5lib
except ImportError:
    sys.stderr.write("check_html.py: html5lib is not installed (python3 -m pip install html5lib)\n")
    sys.exit(3)


def problems(path):
    with open(path, "rb") as handle:
        data = handle.read()
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    tree = parser.parse(data, override_encoding="utf-8")
    found = []
    for (line, column), code, details in parser.errors:
        found.append(f"{path}:{line}:{column}: {code} {details or ''}".rstrip())
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "script":
            found.append(f"{path}: contains a <script> element")
        for attribute in ("src", "href"):
            value = element.get(attribute)
            # A link to a page of the same service (the accessibility statement) loads nothing.
            if tag == "a" and attribute == "href" and value and value.startswith("/") and not value.startswith("//"):
                continue
            if value and not value.startswith(("#", "data:", "mailto:")):
                found.append(f"{path}: <{tag} {attribute}=\"{value}\"> loads an external resource")
        if any(name.lower().startswith("on") for name in element.keys()):
            found.append(f"{path}: <{tag}> has an event-handler attribute")
    if tree.find(".//title") is None:
        found.append(f"{path}: no <title>")
    return found


def main(paths):
    if not paths:
        sys.stderr.write(__doc__)
        return 2
    failures = [problem for path in paths for problem in problems(path)]
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

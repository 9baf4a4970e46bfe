#!/usr/bin/env bash
# Installs the test prerequisites (idempotent) and runs the whole test suite. Each step first says
# in one line what it does.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
step() { printf '\n== %s\n' "$*"; }

step "Checking that no file reads or names a folder outside the repository"
bash scripts/test_check_no_shared.sh
bash scripts/check_no_shared.sh
step "Installing what the tests need (scripts/setup.sh, log in .build/setup.log)"
bash scripts/setup.sh
bash scripts/test_setup.sh
step "Checking the code's format (swift format lint --strict, the rules of .swift-format)"
swift format lint --strict -r Sources Tests Package.swift
step "Building repairquote and its tests (swift build --build-tests)"
swift build --build-tests
# The socket tests time the server's own deadlines (1-s header, body and idle time-outs). Beside
# 670 tests in parallel on two cores the server under test can be starved past any fair bound, so
# they run in a pass of their own, one at a time, after the others.
timed='ConnectionTimeoutTests|RequestLimitTests'
step "Running the Swift tests, the PostgreSQL store's against a throw-away cluster"
bash scripts/with_postgres.sh swift test --skip-build --skip "$timed"
step "Running the socket deadline tests on their own, one at a time ($timed)"
swift test --skip-build --no-parallel --filter "$timed"
step "Checking the OpenAPI document: validated, a generated client, schemathesis (scripts/api/run.sh)"
bash scripts/api/run.sh
step "Running the web console's browser tests in headless Chromium (scripts/e2e/run.sh)"
bash scripts/e2e/run.sh

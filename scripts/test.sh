#!/usr/bin/env bash
# Installs the test prerequisites (idempotent) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
bash scripts/setup.sh
swift build --build-tests
# The PostgreSQL store is tested against a real PostgreSQL: a throw-away cluster for this run.
bash scripts/with_postgres.sh swift test --skip-build
bash scripts/api/run.sh  # the OpenAPI document: validated, a generated client, schemathesis (docs/service.md)
# The web console in a real browser (headless Chromium through Selenium).
bash scripts/e2e/run.sh

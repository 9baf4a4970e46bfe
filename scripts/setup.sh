#!/usr/bin/env bash
# Installs what the build and the tests need. Safe to run again: a step whose packages are all
# there says so and installs nothing. One line per step on stdout; the tools' own output goes to
# the log (.build/setup.log); a failing step shows the log's last 30 lines and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages, one group per need; add a package to the list of its need.
APT_PACKAGES=(
  libcurl4-openssl-dev openssl          # QuoteMailer links libcurl; its tests make a self-signed certificate
  libxlsxwriter-dev                     # export/reprice --xlsx (CXlsxWriter)
  chromium chromium-driver              # the console's browser tests (scripts/e2e/run.sh)
  python3-venv python3-pip              # the tests' Python helpers and virtual environments
  postgresql                            # the PostgreSQL store's tests (scripts/with_postgres.sh) and pgbench
  libpango1.0-dev libcairo2-dev         # PDF documents (CPangoCairo: Pango text on Cairo's PDF surface)
  fonts-liberation fonts-wqy-microhei   # the PDF fonts of Templates/pdf/fonts.yaml (Latin; Traditional Chinese)
  poppler-utils                         # the PDF tests read documents with pdftotext, pdffonts, pdfinfo, pdftoppm
)
# Python packages of the system python3, as PIP-NAME or PIP-NAME:MODULE when the import differs.
PIP_PACKAGES=(
  html5lib                              # rendering tests parse the HTML quotes (scripts/check_html.py)
  aiosmtpd                              # QuoteMailer's tests run an SMTP server on loopback
)
# Python packages of the tests' own virtual environment (.build/test-venv), same notation.
VENV_PACKAGES=(
  openpyxl                              # the --xlsx tests read the workbooks back (scripts/xlsx_cells.py)
  standardwebhooks                      # QuoteWebhooks tests: scripts/webhooks/receiver.py verifies deliveries with the reference verifier
)

LOG="${REPAIRQUOTE_SETUP_LOG:-.build/setup.log}"
mkdir -p "$(dirname "$LOG")"
echo "setup.sh $(date -u '+%Y-%m-%d %H:%M:%S UTC')" > "$LOG"

# step LABEL COMMAND...: prints "LABEL … done in Ns", the command's output going to the log.
step() {
  local label=$1 start=$SECONDS status=0
  shift
  printf '%s … ' "$label"
  echo "== $label" >> "$LOG"
  "$@" >> "$LOG" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    printf 'failed after %ds (exit %d)\n' $((SECONDS - start)) "$status"
    echo "setup: the last 30 lines of $LOG:" >&2
    tail -n 30 "$LOG" >&2
    exit "$status"
  fi
  printf 'done in %ds\n' $((SECONDS - start))
}

# missing_python PYTHON ENTRY...: the entries whose module PYTHON cannot import.
missing_python() {
  local python=$1 entry
  shift
  for entry in "$@"; do
    local module=${entry#*:}
    [ "$module" = "$entry" ] && module=${entry//-/_}
    "$python" -c "import $module" >/dev/null 2>&1 || echo "${entry%%:*}"
  done
}

apt_install() {
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "$@"
}

pip_install() {
  python3 -m pip install "$@" || python3 -m pip install --break-system-packages "$@"
}

# axe-core, the accessibility engine of the browser tests (scripts/e2e/a11y_test.py): taken from the
# wheel of axe-selenium-python (which wants Python >= 3.12, hence only the wheel), cached under .build/.
AXE_WHEEL=axe-selenium-python==3.0.0
AXE_SCRIPT=.build/axe/axe.min.js
axe_download() {
  local tmp
  tmp=$(mktemp -d)
  python3 -m pip download "$AXE_WHEEL" --no-deps --python-version 3.12 --only-binary=:all: -d "$tmp" \
    && python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); open(sys.argv[2] + ".new", "wb").write(z.read("axe_selenium_python/node_modules/axe-core/axe.min.js"))' \
      "$(ls "$tmp"/*.whl)" "$AXE_SCRIPT" \
    && mv "$AXE_SCRIPT.new" "$AXE_SCRIPT"
  local status=$?
  rm -rf "$tmp"
  return $status
}

venv_install() {
  { [ -x .build/test-venv/bin/python ] || python3 -m venv .build/test-venv; } && .build/test-venv/bin/pip install "$@"
}

if command -v swift >/dev/null 2>&1 || [ -x /opt/swift/usr/bin/swift ]; then
  echo "Swift toolchain: already there"
else
  echo "Swift toolchain: not found (expected Swift 6.3 at /opt/swift)" >&2
  exit 1
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "Debian packages: installing ${missing[*]}" apt_install "${missing[@]}"
else
  echo "Debian packages: already there (${#APT_PACKAGES[@]})"
fi

command -v python3 >/dev/null 2>&1 || { echo "python3: not found (install it with apt-get install python3)" >&2; exit 1; }
mapfile -t missing < <(missing_python python3 "${PIP_PACKAGES[@]}")
if [ ${#missing[@]} -gt 0 ]; then
  step "Python packages: installing ${missing[*]}" pip_install "${missing[@]}"
else
  echo "Python packages: already there (${#PIP_PACKAGES[@]})"
fi

venv_python=.build/test-venv/bin/python
missing=("${VENV_PACKAGES[@]%%:*}")
if [ -x "$venv_python" ]; then mapfile -t missing < <(missing_python "$venv_python" "${VENV_PACKAGES[@]}"); fi
if [ ${#missing[@]} -gt 0 ]; then
  step "Test virtual environment (.build/test-venv): installing ${missing[*]}" venv_install "${missing[@]}"
else
  echo "Test virtual environment (.build/test-venv): already there (${#VENV_PACKAGES[@]})"
fi

mkdir -p "$(dirname "$AXE_SCRIPT")"
if [ -s "$AXE_SCRIPT" ]; then
  echo "axe-core ($AXE_SCRIPT): already there"
else
  step "axe-core ($AXE_SCRIPT): taking it from the wheel of $AXE_WHEEL" axe_download
fi

#!/usr/bin/env bash
# The Debian packages the tests use, checked before `npm test` runs them (and so by .ci/run, which
# runs npm test). Each tool is looked for as the tests look for it: on PATH, and for Python, any
# python3 on PATH that can import the module.
#   chromium          the offline page and the chart in a real browser
#   libreoffice-calc  workbooks written and read by LibreOffice; the printed 公示表 as PDF
#   poppler-utils     pdftoppm: printed pages as pictures
#   python3-openpyxl  a second reader and writer of workbooks
#   python3-jsonschema a second JSON Schema validator
#   fonts-noto-cjk    a Chinese font, so the page and the workbooks render Chinese
#   openjdk-17-jdk-headless  Java programs: the service's client, the schema patterns in java.util.regex
#   nginx             the TLS-termination recipe of docs/service.md, run in front of the service
#   openssl           the self-signed certificate that recipe's test makes
# As root, the missing ones are installed (apt-get); otherwise the one line to run is printed and
# the tests stop here (exit 1). WUBI_WUPING_SKIP_PREREQUISITES=1 skips the check.
set -euo pipefail

[ "${WUBI_WUPING_SKIP_PREREQUISITES:-}" = "1" ] && exit 0

has() { command -v "$1" >/dev/null 2>&1; }

# The Python modules the tests import, each found in some python3 on PATH by find_python_modules.
declare -A python_module=()

# Looks for the modules $@ in each `python3` and `python3.N` on PATH (the names
# test/support/programs.ts tries; not python3-config, python3.N-gdb.py), one process per
# interpreter for all the modules still missing, and stops once every one is found. A user's
# pyenv puts a shim of each version before Debian's python3 (where apt installs the modules), and
# each shim costs a fraction of a second: looked for from the end of PATH, the search usually ends
# at its first interpreter.
find_python_modules() {
  local dir candidate module found
  local -a dirs=() missing=()
  local IFS=:
  read -r -a dirs <<<"$PATH"
  IFS=$' \t\n'
  local i
  for ((i = ${#dirs[@]} - 1; i >= 0; i--)); do
    dir=${dirs[i]}
    for candidate in "$dir"/python3 "$dir"/python3.[0-9] "$dir"/python3.[0-9][0-9]; do
      [ -x "$candidate" ] && [ ! -d "$candidate" ] || continue
      missing=()
      for module in "$@"; do [ -n "${python_module[$module]:-}" ] || missing+=("$module"); done
      [ "${#missing[@]}" -eq 0 ] && return 0
      # Prints each module of argv that imports, one a line.
      found=$("$candidate" -c 'import importlib, sys
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
        print(name)
    except Exception:
        pass' "${missing[@]}" 2>/dev/null) || true
      for module in $found; do python_module[$module]=1; done
    done
  done
}

# Whether any python3 on PATH imports the module $1 (after find_python_modules).
python_has() { [ -n "${python_module[$1]:-}" ]; }

find_python_modules openpyxl jsonschema

need=()
has chromium || need+=(chromium)
has soffice || need+=(libreoffice-calc)
has pdftoppm || need+=(poppler-utils)
python_has openpyxl || need+=(python3-openpyxl)
python_has jsonschema || need+=(python3-jsonschema)
{ has fc-list && fc-list :lang=zh | grep -q .; } || need+=(fonts-noto-cjk)
{ has java && has javac; } || need+=(openjdk-17-jdk-headless)
{ has nginx || [ -x /usr/sbin/nginx ]; } || need+=(nginx)
has openssl || need+=(openssl)

[ "${#need[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need Debian packages that are missing. Install them as root, then run npm test again:" >&2
  echo "  apt-get update && apt-get install -y ${need[*]}" >&2
  echo "测试所需的 Debian 软件包尚未安装。请以 root 身份运行上面这一行，然后再运行 npm test。" >&2
  exit 1
fi

echo "Installing the Debian packages the tests use: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q "${need[@]}"

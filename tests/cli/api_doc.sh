#!/bin/sh
# api_doc.sh SOURCE_DIR: docs/API.md names every function the public headers export
# (FSIM_API), so the manual cannot fall behind the API.
set -eu
cd "$1"
missing=""
for f in $(sed -n 's/^FSIM_API[^(]*[ *]\(fsim_[A-Za-z0-9_]*\)(.*/\1/p' include/frontsim/*.h \
             include/frontsim/version.h.in | sort -u); do
  grep -q "\`$f[(\`]" docs/API.md || missing="$missing $f"
done
if [ -n "$missing" ]; then
  echo "FAIL: docs/API.md does not document:$missing"
  exit 1
fi
echo "ok: docs/API.md documents every exported function"

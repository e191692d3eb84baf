#!/usr/bin/env bash
# Builds the installed app (PyInstaller onedir from build_installer.spec) and the Linux release archive:
#   dist/archive-viewer-<version>-linux-<arch>.tar.gz  = the app, a .desktop entry, icons, install.sh
# Run inside the project's venv (./run sets it up): .venv/bin/python -m pip install -e ".[test]" has PyInstaller.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
DIST=${DIST:-dist}
WORK=${WORK:-build/pyinstaller}
version=$("$PY" -c 'import desktop; print(desktop.__version__)')
arch=$(uname -m)

"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$WORK" build_installer.spec
app="$DIST/archive-viewer"
# A store built from the bundled seeds now, copied into place on the first run (instant, where building
# at first run took 2.4 s). Built by the frozen app itself, so code and schema match.
mkdir -p "$app/_internal/prebuilt"
rm -f "$app/_internal/prebuilt/archive.sqlite"
"$app/archive-viewer" build --db "$app/_internal/prebuilt/archive.sqlite" >/dev/null
"$PY" - "$app/_internal/prebuilt/archive.sqlite" <<'PYEOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
con.execute("VACUUM")
con.close()
PYEOF
before=$(du -sb "$app" | cut -f1)
# Strip debug symbols from shared libraries ourselves: PyInstaller's strip=True corrupts NumPy's OpenBLAS,
# so the libraries NumPy ships are left as they are.
if command -v strip >/dev/null 2>&1; then
  find "$app/_internal" -type f \( -name '*.so' -o -name '*.so.*' \) -not -path '*/numpy.libs/*' \
    -exec strip --strip-unneeded {} + 2>/dev/null || true
fi
after=$(du -sb "$app" | cut -f1)
echo "app: $app — $((before / 1048576)) MB before stripping, $((after / 1048576)) MB after"

release="$DIST/archive-viewer-$version-linux-$arch"
rm -rf "$release" "$release.tar.gz"
mkdir -p "$release"
cp -a "$app" "$release/archive-viewer"
cp packaging/archive-viewer.desktop packaging/install.sh "$release/"
cp README.md "$release/README.md"
tar -C "$DIST" -czf "$release.tar.gz" "$(basename "$release")"
echo "release: $release.tar.gz — $(( $(stat -c %s "$release.tar.gz") / 1048576 )) MB"
"$app/archive-viewer" --self-test

#!/bin/sh
# Installs Archive Viewer for the current user: no root, nothing outside your home folder.
#   ./install.sh            install (or upgrade) into ~/.local
#   ./install.sh --remove   remove it again (your archive and notes in ~/.local/share/archive-viewer stay)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
app_dir="$prefix/opt/archive-viewer"
bin="$prefix/bin/archive-viewer"
desktop="$prefix/share/applications/archive-viewer.desktop"
icons="$prefix/share/icons/hicolor"

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$app_dir" "$bin" "$desktop"
  for size in 16 32 48 64 128 256; do rm -f "$icons/${size}x${size}/apps/archive-viewer.png"; done
  echo "Archive Viewer removed (your data in ~/.local/share/archive-viewer is kept)."
  exit 0
fi

mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications"
rm -rf "$app_dir.new"
cp -a "$here/archive-viewer" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"
ln -sf "$app_dir/archive-viewer" "$bin"
sed "s|@EXEC@|$app_dir/archive-viewer|" "$here/archive-viewer.desktop" > "$desktop"
for size in 16 32 48 64 128 256; do
  mkdir -p "$icons/${size}x${size}/apps"
  cp "$app_dir/_internal/resources/icons/archive-viewer-$size.png" "$icons/${size}x${size}/apps/archive-viewer.png"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$prefix/share/applications" || true
echo "Archive Viewer installed: run 'archive-viewer' or open it from your applications menu."
"$app_dir/archive-viewer" --self-test >/dev/null 2>&1 && echo "Self-test passed." || echo "Self-test failed: run '$bin --self-test' to see why."

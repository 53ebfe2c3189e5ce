#!/usr/bin/env bash
# Builds dist/readerapp_<version>_<arch>.deb with plain dpkg-deb, from this checkout:
#   /opt/readerapp            the PyInstaller bundle (packaging/readerapp.spec)
#   /usr/bin/readerapp        a launcher
#   /usr/share/applications, metainfo, icons/hicolor (16..512 px + SVG), mime/packages
#   Depends                   what the bundle's binaries link from the system (deb_depends.py)
# Build output goes to build/deb/ and dist/ (both git-ignored).
#
# Needs: python3 (3.11+, with its shared libpython), dpkg-deb, readelf (binutils), ldd, and
# the system libraries the bundle links (the Qt xcb and Wayland ones: see packaging/README.md).
# desktop-file-validate and appstreamcli validate the desktop files when they are installed.
# PYTHON=python3.12 picks the interpreter.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-python3}
APP_ID=io.github.readerapp.readerapp
BUILD=$ROOT/build/deb
DIST=$ROOT/dist
VENV=$BUILD/venv
STAGE=$BUILD/root

step() { printf '\n== %s\n' "$*"; }
die() { echo "build-deb: $*" >&2; exit 1; }
for tool in dpkg-deb dpkg readelf ldd; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install dpkg binutils libc-bin)"
done

step "fresh build environment: pip install '.[packaging]' (not editable: the bundle gets the package data a wheel gets)"
"$PYTHON" -m venv --clear "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$ROOT[packaging]"
PY="$VENV/bin/python"
VERSION=$("$PY" -c 'import readerapp; print(readerapp.__version__)')
# Debian orders 1.0~rc1 before 1.0; Python writes 1.0rc1.
DEB_VERSION=$(echo "$VERSION" | sed -E 's/\.?(dev|a|b|rc)([0-9]*)$/~\1\2/')
ARCH=$(dpkg --print-architecture)
DEB=$DIST/readerapp_${DEB_VERSION}_${ARCH}.deb
echo "readerapp $VERSION -> $(basename "$DEB")"

step "desktop files"
grep -q "<release version=\"$VERSION\"" "resources/$APP_ID.metainfo.xml" \
  || die "resources/$APP_ID.metainfo.xml has no <release version=\"$VERSION\">: add one"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "resources/$APP_ID.desktop"
  echo "desktop-file-validate: ok"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "resources/$APP_ID.metainfo.xml"
fi

step "icons"
"$PY" packaging/render_icons.py "$BUILD/icons"

step "PyInstaller bundle"
READERAPP_ICONS="$BUILD/icons" "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$BUILD/pyinstaller-dist" --workpath "$BUILD/pyinstaller-work" \
  packaging/readerapp.spec
BUNDLE=$BUILD/pyinstaller-dist/readerapp
"$BUNDLE/readerapp" --version

step "Depends, from what the bundle links"
DEPENDS=$("$PY" packaging/linux/deb_depends.py "$BUNDLE")
echo "Depends: $DEPENDS"

step "package tree"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/metainfo" "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/doc/readerapp"
cp -a "$BUNDLE" "$STAGE/opt/readerapp"
install -m 755 packaging/linux/readerapp.sh "$STAGE/usr/bin/readerapp"
install -m 644 "resources/$APP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 644 "resources/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
install -m 644 "resources/$APP_ID.mime.xml" "$STAGE/usr/share/mime/packages/$APP_ID.xml"
install -m 644 packaging/linux/copyright "$STAGE/usr/share/doc/readerapp/copyright"
mkdir -p "$STAGE/usr/share/icons"
cp -a "$BUILD/icons/hicolor" "$STAGE/usr/share/icons/"
# Whatever the umask was: directories 755, files 644, executables 755.
chmod -R u=rwX,go=rX "$STAGE"
# The icon caches, the desktop database and the MIME database are refreshed by dpkg triggers
# of hicolor-icon-theme, desktop-file-utils and shared-mime-info: no maintainer scripts.
cat > "$STAGE/DEBIAN/control" <<EOF
Package: readerapp
Version: $DEB_VERSION
Architecture: $ARCH
Maintainer: readerapp developers <readerapp@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
Depends: $DEPENDS
Section: science
Priority: optional
Homepage: https://github.com/readerapp/readerapp
Description: reading lists for research papers, local and private
 readerapp turns paper dumps (Hugging Face Daily Papers pages, arXiv feeds,
 BibTeX, RIS, CSL-JSON and Markdown lists) into one library on your disk to
 search, triage, annotate and export as reading lists. No account, no server.
 .
 This package carries its own Python and Qt in /opt/readerapp.
EOF
(cd "$STAGE" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z \
  | xargs -0 md5sum > DEBIAN/md5sums)

step "dpkg-deb"
mkdir -p "$DIST"
rm -f "$DIST"/readerapp_*_"$ARCH".deb
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Description:/p'
echo "bundle: $(du -sh "$BUNDLE" | cut -f1)   package: $(du -h "$DEB" | cut -f1)   $DEB"

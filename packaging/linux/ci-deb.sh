#!/usr/bin/env bash
# CI for the Linux installer, run at the end of .ci/run: builds the .deb from a clean copy of
# the checkout, installs it with apt-get, runs the installed /usr/bin/readerapp (self-test
# offscreen, on a real X server, with each search engine; a headless import of every input
# format into the user's data folder), checks that nothing under /opt changed, then purges
# it. Exits non-zero on any failure. Needs root or sudo, apt-get and git. The .deb is left in
# dist/ (git-ignored) for inspection.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
STARTED=$SECONDS
step() { printf '\n== [%4ss] %s\n' $((SECONDS - STARTED)) "$*"; }
fail() { echo "ci-deb: $*" >&2; exit 1; }

step "tools, and the system libraries the bundle links (build-deb.sh resolves them)"
# binutils: readelf; xvfb/xauth: the real-X11 self-test; desktop-file-utils and appstream
# validate the desktop files. The Qt libraries are those .ci/run installs, plus Wayland's.
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends binutils git desktop-file-utils appstream \
  xvfb xauth libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 \
  libxcb-render-util0 libxcb-image0 libxcb-xkb1 libwayland-client0 libwayland-cursor0 \
  >/dev/null

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

step "clean copy of the checkout: tracked and new files, nothing ignored (no venvs, builds)"
mkdir -p "$WORK/src"
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard \
  | tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$WORK/src"

step "build"
"$WORK/src/packaging/linux/build-deb.sh"
mkdir -p "$ROOT/dist"
rm -f "$ROOT"/dist/readerapp_*.deb
cp "$WORK"/src/dist/readerapp_*.deb "$ROOT/dist/"

step "install with apt-get"
if dpkg -s readerapp >/dev/null 2>&1; then $SUDO apt-get purge -y -qq readerapp >/dev/null; fi
(cd "$ROOT/dist" && $SUDO apt-get install -y -qq ./readerapp_*.deb >/dev/null)
dpkg -s readerapp | grep -E '^(Version|Depends):'
[ "$(command -v readerapp)" = /usr/bin/readerapp ] || fail "readerapp is not /usr/bin/readerapp"
/usr/bin/readerapp --version
touch "$WORK/installed.stamp"

# As a user would run it: their own home, no Qt platform chosen, never as the packager.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" \
  XDG_CONFIG_HOME="$WORK/home/.config"
unset QT_QPA_PLATFORM READERAPP_LIBRARY READERAPP_ENGINE
mkdir -p "$HOME"
cd "$WORK"

step "self-test (offscreen), then with the tantivy engine, then on a real X server (xcb)"
/usr/bin/readerapp --self-test
READERAPP_ENGINE=tantivy /usr/bin/readerapp --self-test | tail -n 1
xvfb-run -a env QT_QPA_PLATFORM=xcb /usr/bin/readerapp --self-test | tail -n 2

step "headless import of every input format, into the default library"
CORPUS="$WORK/src/tests/data/corpus"
/usr/bin/readerapp import --json "$WORK/src/tests/data/hf_daily_papers_seed.txt" \
  "$CORPUS/arxiv-atom/sotawhat_arxiv_transformer_csLG_5.xml" \
  "$CORPUS/bibtex/bbt-1081_string_concat_space.bib" \
  "$CORPUS/csl-json/bbt_pandoc_schomd.csl.json" \
  "$CORPUS/hf-json/sotawhat_hf_daily_papers_30.json" \
  "$CORPUS/markdown-list/dair-ai_ML-Papers-of-the-Week_README.md" \
  "$CORPUS/ris/asreview_zotero.ris" \
  "$CORPUS/scholarly-api-json/sotawhat_semantic_scholar_search_transformer_5.json" \
  > imported.json
python3 - imported.json <<'EOF'
import json, sys
reports = json.load(open(sys.argv[1]))
for r in reports:
    print(f"  {r['format']:<17} {r.get('added', 0):>5} added  {r['source'].rsplit('/', 1)[-1]}")
bad = [r["source"] for r in reports if "error" in r or not r.get("added")]
formats = {r.get("format") for r in reports}
if bad or len(formats) != len(reports):
    sys.exit(f"ci-deb: imports failed or repeated a format: {bad}")
EOF
LIBRARY="$XDG_DATA_HOME/readerapp/library"
[ -f "$LIBRARY/library.sqlite" ] || fail "the default library is not in $LIBRARY"
hits=$(/usr/bin/readerapp search 'title:kronecker' | wc -l)
[ "$hits" -eq 1 ] || fail "search 'title:kronecker' listed $hits papers, not 1"
/usr/bin/readerapp check
/usr/bin/readerapp export --all --format bibtex -o export.bib
grep -q '^@' export.bib || fail "the BibTeX export is empty"

step "the installed files are unchanged (the library lives in the user's folder)"
$SUDO dpkg --verify readerapp || fail "files of the package changed"
[ -z "$(find /opt/readerapp -newer "$WORK/installed.stamp" -print -quit)" ] \
  || fail "something wrote under /opt/readerapp"

step "purge"
$SUDO apt-get purge -y -qq readerapp >/dev/null
for path in /opt/readerapp /usr/bin/readerapp \
    /usr/share/applications/io.github.readerapp.readerapp.desktop; do
  [ ! -e "$path" ] || fail "$path is still there after purge"
done

step "Linux installer CI passed: $(du -h "$ROOT"/dist/readerapp_*.deb | cut -f1) .deb"

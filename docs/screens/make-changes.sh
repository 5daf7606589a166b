#!/usr/bin/env bash
# Makes the screens of issue 17 (What changed, the "Updated" notice, the share screen) from a real update: the
# content as it was before issue 21's corrections (commit 18eee71^: no callable numbers on several emergency cards)
# published as version 1, and today's content as version 2, both signed with the development key; a fresh data
# folder starts from version 1 and installs version 2 from a folder (as from a USB stick). Nothing is made up: every
# change shown is one the editors made. Run after the README's build command:  docs/screens/make-changes.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=app/target/migrants-guide.jar
content=content/target/guide-content.jar
[ -f "$jar" ] && [ -f "$content" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
out=docs/screens
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
key=content/keys/development
git archive 18eee71^ content/guide | tar -x -C "$work"
java -jar "$content" build --sources "$work/content/guide" --key $key/private.key --out "$work/v1" --version 1 --brief >/dev/null 2>&1
java -jar "$content" build --key $key/private.key --out "$work/v2" --version 2 --brief >/dev/null 2>&1
java -cp "$jar" docs/screens/ChangesDemo.java "$work/data" "$work/v1" "$work/v2" $key/public.key

shot() { # SCREEN LANG [options…] → SCREEN-LANG[-dark][-200].png
  local screen=$1 lang=$2 suffix=""
  shift 2
  for o in "$@"; do case $o in --dark) suffix="$suffix-dark" ;; 2) suffix="$suffix-200" ;; esac; done
  java -jar "$jar" screenshot --screen "$screen" --lang "$lang" --data "$work/data" --out "$out/$screen-$lang$suffix.png" "$@" >/dev/null
}
for lang in tg ru en; do
  shot updated "$lang"
  shot changes "$lang"
  shot share "$lang"
done
for lang in tg ru; do
  shot changes "$lang" --dark
  shot changes "$lang" --font-scale 2
done
shot share tg --dark
# Settings with where the content came from ("… from a folder on …"), tall enough to show the Updates section.
java -jar "$jar" screenshot --screen settings --lang en --height 1400 --data "$work/data" --out "$out/settings-provenance-en.png" >/dev/null
if command -v convert >/dev/null 2>&1; then
  for f in "$out"/{updated,changes,share}-*.png "$out/settings-provenance-en.png"; do convert "$f" -colors 256 "PNG8:$f"; done
fi
ls "$out"/{updated,changes,share}-*.png | wc -l | xargs echo "issue 17 screenshots in $out:"

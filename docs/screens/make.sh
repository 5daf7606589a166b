#!/usr/bin/env bash
# Makes docs/screens/*.png with the app's own screenshot command (no display needed), from the content built into
# the jar. Run after the README's build command:  docs/screens/make.sh
#   every screen in Tajik and Russian: light, dark, and 200% text; every screen in English (light) once;
#   every screen in Tajik in high contrast at 200% (the projector setting).
# Names: <screen>-<lang>[-dark|-high-contrast][-200].png
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=app/target/migrants-guide.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
out=docs/screens
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

shoot() { # LANG QUERY [options…]
  local lang=$1 query=$2
  shift 2
  java -jar "$jar" screenshot --screen all --lang "$lang" --query "$query" --data "$data/$lang" --out "$out" "$@" >/dev/null
}

# The search screen shows what this query finds in the content of the day (a hotline's name).
for lang in tg ru; do
  case $lang in tg) query="телефони боварӣ" ;; ru) query="горячая линия" ;; esac
  shoot "$lang" "$query"
  shoot "$lang" "$query" --dark
  shoot "$lang" "$query" --font-scale 2
done
shoot en "hotline"
# Contacts and search at 200 % in English too (issue 22: all three languages at 200 %).
for screen in contacts search; do
  java -jar "$jar" screenshot --screen "$screen" --lang en --query "hotline" --data "$data/en" --font-scale 2 \
    --out "$out/$screen-en-200.png" >/dev/null
done
shoot tg "телефони боварӣ" --high-contrast --font-scale 2
# The report of a number that does not work (issue 20): its "About …" line is below a phone window's fold.
for lang in tg ru en; do
  java -jar "$jar" screenshot --screen ask-report --lang "$lang" --data "$data/$lang" --height 1700 \
    --out "$out/ask-report-$lang.png" >/dev/null
done
java -jar "$jar" screenshot --screen ask-report --lang tg --data "$data/tg" --font-scale 2 --height 3000 \
  --out "$out/ask-report-tg-200.png" >/dev/null
# Screens are flat colours and text: a 256-colour palette halves the files with no visible change.
if command -v convert >/dev/null 2>&1; then
  for f in "$out"/*.png; do convert "$f" -colors 256 "PNG8:$f"; done
fi
ls "$out"/*.png | wc -l | xargs echo "screenshots in $out:"
du -sh "$out" | cut -f1 | xargs echo "total size:"

#!/usr/bin/env bash
# Makes the trainers' pictures in docs/screens/ from the built jar (no display needed):
#   class mode's slides at 1920 × 1080 (a projector) and one at 1024 × 768 (an old one);
#   PNG previews of two handouts (first page), made from the PDFs the export command writes, with pdftoppm.
# Run after the README's build command:  docs/screens/make-trainers.sh   (needs poppler-utils for pdftoppm)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=app/target/migrants-guide.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: apt-get install poppler-utils" >&2; exit 1; }
out=docs/screens
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

slide() { # NAME LANG WIDTH HEIGHT [options…]
  local name=$1 lang=$2 width=$3 height=$4
  shift 4
  java -jar "$jar" screenshot --screen "$name" --lang "$lang" --country RU --width "$width" --height "$height" \
    --data "$work/data" --out "$out/$name-$lang-${width}x$height.png" "$@" >/dev/null
}
for name in class-opening class-article class-checklist class-contacts class-app; do
  slide "$name" tg 1920 1080
done
slide class-article ru 1920 1080
slide class-article tg 1024 768
slide class-contacts ru 1024 768

# Handouts: A4 at 60 dpi is about 500 × 700 px, enough to see the layout; the PDF itself is the real thing.
java -jar "$jar" export --checklist before-you-leave-ru --lang tg --out "$work/checklist.pdf" --data "$work/data" >/dev/null
java -jar "$jar" export --contacts RU --lang ru --out "$work/contacts.pdf" --data "$work/data" >/dev/null
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/checklist.pdf" "$out/handout-checklist-RU-tg"
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/contacts.pdf" "$out/handout-contacts-RU-ru"

if command -v convert >/dev/null 2>&1; then
  for f in "$out"/class-*.png "$out"/handout-*.png; do convert "$f" -colors 256 "PNG8:$f"; done
fi
ls "$out"/class-*.png "$out"/handout-*.png

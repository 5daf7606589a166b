#!/usr/bin/env bash
# AppCDS for the installer's app image (issue 19): a training start lists the classes the app loads, and a static
# class-data archive of them (the JDK's and the app's) is dumped next to the jar; the launcher's configuration then
# maps them in at every start instead of loading and verifying them one by one. Static, because the image's runtime
# has no bin/java (jlink --strip-native-commands), so jlink cannot make the base archive a dynamic one would need;
# both runs go through the image's own launcher. Usage: appcds.sh APP_IMAGE_DIR WORK_DIR
#
# The training run is the screenshot command on the home screen (no display needed at build time; it imports the
# built-in content into an empty folder first): Compose, Skiko, Material, our screens, SQLite and the import.
# A CDS archive records the jar's path and time: it serves the image where it was built (and a copy keeping the
# jar's time under the same path); elsewhere the JVM ignores it and starts as without it, only slower.
set -euo pipefail
image="$1"
work="$2"
archive="$image/lib/app/migrants-guide.jsa"
config="$image/lib/app/migrants-guide.cfg"
rm -rf "$work" "$archive"
mkdir -p "$work"
run() { "$image/bin/migrants-guide" "$@" >>"$work/training.log" 2>&1 || { cat "$work/training.log" >&2; exit 1; }; }
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/classes.lst" run screenshot --screen home --lang tg --country RU \
  --out "$work/home.png" --data "$work/data"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$work/classes.lst -XX:SharedArchiveFile=$archive" run info --data "$work/data"
if [ ! -s "$archive" ]; then
  echo "appcds.sh: no archive was written at $archive:" >&2
  cat "$work/training.log" >&2
  exit 1
fi
grep -q '^\[JavaOptions\]' "$config" || printf '[JavaOptions]\n' >>"$config"
# jpackage's launcher expands $APPDIR to the image's lib/app folder wherever the image is.
sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/migrants-guide.jsa' "$config"

#!/bin/sh
# The README's start command, copied by the build to app/target/migrants-guide (issue 19, docs/performance.md,
# "Start-up: the README's launcher"). It runs app/target/migrants-guide.jar with the two JVM options that make the
# installer's launcher open as fast as a bare window, which a jar cannot give itself from its manifest:
#  - class data sharing: the app's classes mapped from an archive (migrants-guide-N.jsa, next to the jar) instead of
#    read from the 68 MB jar and verified one by one. A build leaves none: the first start of the window writes it
#    when the window closes (-XX:ArchiveClassesAtExit, on top of the JDK's own archive; a second or two at exit)
#    and every later start maps it. A new jar or a new JDK makes it again: an archive serves only the jar and the
#    JVM it was made with (the JVM would ignore a stale one, and start as slowly as without it), so its name carries
#    a checksum of the JVM's real path (a JDK upgraded in place is newer than the archive; another JDK is another name).
#  - C1 only (-XX:TieredStopAtLevel=1): no C2 compiles competing with the start for the CPU.
# Arguments go to the app as they are (app/target/migrants-guide --help). JAVA_HOME chooses the JDK, as for Maven.
self=$(readlink -f "$0" 2>/dev/null || echo "$0")   # a link to the script (~/bin/guide) still finds the jar
here=$(cd "$(dirname "$self")" && pwd)
jar="$here/migrants-guide.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_binary=$(command -v "$java") || { echo "migrants-guide: no $java: install JDK 17 or set JAVA_HOME" >&2; exit 1; }
java_binary=$(readlink -f "$java_binary" 2>/dev/null || echo "$java_binary")
archive="$here/migrants-guide-$(printf %s "$java_binary" | cksum | cut -d ' ' -f 1).jsa"
[ -f "$jar" ] || { echo "migrants-guide: no $jar: build it with mvn -B -q package -DskipTests" >&2; exit 1; }

if [ -f "$archive" ] && [ "$archive" -nt "$jar" ] && [ "$archive" -nt "$java_binary" ]; then
  exec "$java" -XX:SharedArchiveFile="$archive" -XX:TieredStopAtLevel=1 -jar "$jar" "$@"
fi

# No archive that fits. Only the window trains one (no arguments, or only --data DIR): a command such as info or
# search loads few of the window's classes, and an archive of them would serve the window badly until the next build.
window=no
if [ $# -eq 0 ] || { [ $# -eq 2 ] && [ "$1" = "--data" ]; }; then window=yes; fi
if [ "$window" = no ] || [ ! -w "$here" ]; then
  exec "$java" -XX:TieredStopAtLevel=1 -jar "$jar" "$@"
fi

# Written to a file of this start's own and renamed when complete, so a second window closing at the same time, or
# one killed while writing, never leaves a half archive under the name the next start maps.
partial="$archive.$$"
rm -f "$here"/migrants-guide-*.jsa "$here"/migrants-guide-*.jsa.*
echo "migrants-guide: first start of this build; as the window closes it writes $archive for faster starts (a few seconds)" >&2
"$java" -XX:ArchiveClassesAtExit="$partial" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 \
  -jar "$jar" "$@" &
app=$!
# A signal to this script (Ctrl+C, a desktop's close, kill) goes to the app, which closes in order and writes the
# archive; the script waits for that instead of leaving it behind.
trap 'kill -TERM "$app" 2>/dev/null' INT TERM HUP
status=0
wait "$app" || status=$?
while kill -0 "$app" 2>/dev/null; do wait "$app" || status=$?; done
if [ -s "$partial" ]; then mv -f "$partial" "$archive"; else rm -f "$partial"; fi
exit "$status"

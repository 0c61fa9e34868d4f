#!/bin/sh
# Re-extracts PoliMorf (morfologik's Polish dictionary, BSD licence) from Debian's
# libmorfologik-stemming-java into resources/pl/polimorf/, where src/text/polimorf.ts reads it.
# Only whoever updates the dictionary runs this; users get the committed files.
#   scripts/update-morfologik-polimorf.sh            # the package apt-get download finds
#   scripts/update-morfologik-polimorf.sh some.deb   # a package file already downloaded
# Needs apt-get (unless a .deb is given), dpkg-deb, and unzip or python3.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
target="$here/resources/pl/polimorf"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -ge 1 ]; then
  cp "$1" "$work/"
else
  (cd "$work" && apt-get download libmorfologik-stemming-java)
fi
deb=$(ls "$work"/*.deb)
dpkg-deb -x "$deb" "$work/x"
jar=$(find "$work/x" -name 'morfologik-polish*.jar' -type f | head -n 1)
[ -n "$jar" ] || { echo "update-morfologik-polimorf: no morfologik-polish jar in $deb" >&2; exit 1; }
mkdir -p "$work/jar"
if command -v unzip >/dev/null 2>&1; then
  unzip -q -o "$jar" 'morfologik/dictionaries/*' -d "$work/jar"
else
  python3 -m zipfile -e "$jar" "$work/jar"
fi

mkdir -p "$target"
for f in pl.dict pl.info pl.README-en pl.README-pl; do
  cp "$work/jar/morfologik/dictionaries/$f" "$target/$f"
done
cp "$work/x/usr/share/doc/libmorfologik-stemming-java/copyright" "$target/debian-copyright"
version=$(dpkg-deb -f "$deb" Version)
printf '%s\n' "libmorfologik-stemming-java $version ($(basename "$jar"))" > "$target/SOURCE"
echo "update-morfologik-polimorf: $target updated from libmorfologik-stemming-java $version"
ls -l "$target"

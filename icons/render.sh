#!/usr/bin/env bash
# Renders the application icon to PNG in the sizes desktops ask for. The PNGs are committed; run this after
# changing netjourney.svg (needs rsvg-convert: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" netjourney.svg -o "netjourney-$size.png"
done

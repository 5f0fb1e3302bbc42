#!/usr/bin/env bash
# Times the README's first command on a fresh Debian 12: a minimal root made by
# debootstrap (nothing installed beyond --variant=minbase), this repository's
# committed HEAD cloned into it, and the command run there by chroot, so that apt
# fetches every package the build needs. Needs root, debootstrap and a Debian mirror.
#   sudo tools/measure_fresh_setup.sh [ROOT] [MIRROR]
set -euo pipefail
root=${1:-/tmp/congvan-fresh-root}
mirror=${2:-http://deb.debian.org/debian}
repo=$(cd "$(dirname "$0")/.." && pwd)
[ -e "$root" ] && { echo "measure_fresh_setup: $root exists; give a new folder" >&2; exit 2; }
debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
git clone -q "$repo" "$root/root/congvan"
cp /etc/resolv.conf "$root/etc/"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
trap 'umount "$root/proc" "$root/dev"' EXIT
# The README's first command, as it is written there.
command=$(sed -n '/^```sh$/{n;p;q}' "$repo/README.md")
echo "measuring: $command"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root /bin/bash -c \
    'cd /root/congvan && start=$(date +%s.%N) && { '"$command"' >/dev/null || [ $? = 1 ]; } &&
     awk -v s="$start" -v e="$(date +%s.%N)" '"'"'BEGIN { printf "the first command: %.0f s\n", e - s }'"'"''

#!/bin/sh
# Compiles every *.bpf.c beside this script into a CO-RE BPF object, as part of the Maven build
# (exec-maven-plugin, phase generate-resources):
#
#   build.sh <source dir> <generated-headers dir> <output dir>
#
# vmlinux.h is generated from the build host's kernel BTF (/sys/kernel/btf/vmlinux) with bpftool. The objects
# carry CO-RE relocations, so libbpf adapts them at load time to the BTF of whatever kernel runs them; the
# build host's kernel only fixes which types and fields exist to compile against. Output: <name>.bpf.o,
# compiled with clang -O2 -g -target bpf and stripped of DWARF by llvm-strip -g (BTF is kept). Architectures:
# x86-64 and arm64 (process and socket sensors); the DNS sensor's program is x86-64 only for now.
set -eu

src=$1
gen=$2
out=$3
packages="clang llvm libbpf-dev bpftool"

need() {
    echo "error: building the BPF programs needs $1, which was not found." >&2
    echo "       Install the build tools with: apt-get install -y $packages" >&2
    exit 1
}

PATH=$PATH:/usr/sbin:/sbin
command -v clang >/dev/null 2>&1 || need clang
command -v llvm-strip >/dev/null 2>&1 || need llvm-strip
command -v bpftool >/dev/null 2>&1 || need bpftool
[ -f /usr/include/bpf/bpf_helpers.h ] || need "libbpf's headers (/usr/include/bpf/bpf_helpers.h)"
[ -r /sys/kernel/btf/vmlinux ] || {
    echo "error: /sys/kernel/btf/vmlinux is missing: the build host's kernel has no BTF (CONFIG_DEBUG_INFO_BTF)" >&2
    exit 1
}

case $(uname -m) in
    x86_64) arch=x86 ;;
    aarch64) arch=arm64 ;;
    *) echo "error: unsupported build architecture $(uname -m)" >&2; exit 1 ;;
esac

mkdir -p "$gen" "$out"
if [ ! -s "$gen/vmlinux.h" ]; then
    bpftool btf dump file /sys/kernel/btf/vmlinux format c > "$gen/vmlinux.h.tmp"
    mv "$gen/vmlinux.h.tmp" "$gen/vmlinux.h"
fi

for c in "$src"/*.bpf.c; do
    name=$(basename "$c" .c)
    if [ "$name" = dns.bpf ] && [ "$arch" != x86 ]; then
        # It reads gethostbyname(2)_r's sixth and seventh arguments where the x86-64 ABI puts them; the sensor says
        # "unsupported" on other architectures.
        echo "skipped $name.o: the DNS sensor is built for x86-64 only for now"
        continue
    fi
    obj="$out/$name.o"
    if [ -f "$obj" ] && [ "$obj" -nt "$c" ] && [ -z "$(find "$src" -name '*.h' -newer "$obj")" ]; then
        continue
    fi
    clang -O2 -g -target bpf -D__TARGET_ARCH_$arch -Wall -Werror -Wno-unused-function \
        -I"$gen" -I"$src" -c "$c" -o "$obj.tmp"
    llvm-strip -g "$obj.tmp"
    mv "$obj.tmp" "$obj"
    echo "compiled $name.o"
done

"""Prints the Debian `Depends` of a PyInstaller bundle, and fails if the bundle cannot run.

    python packaging/linux/deb_depends.py BUNDLE_DIR

The bundle keeps Qt, ICU and Python, and leaves the libraries the distribution provides to
the system (packaging/readerapp.spec). This finds those: every library a bundled binary
links directly (its ELF NEEDED entries, from `readelf -d`), resolved the way the loader will
(`ldd`, with the bundle's library folder on the path as PyInstaller's bootloader sets it),
and mapped to the package that owns it (`dpkg -S`). It is what dpkg-shlibdeps does, without
a Debian source tree; libc6 gets the lowest version that has every GLIBC_2.x symbol version
the binaries ask for. A library that resolves nowhere fails the build, naming who needs it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[(.+?)\]")
LDD_LINE = re.compile(r"^\s*(\S+) => (not found|\S+)")
GLIBC_VERSION = re.compile(rb"GLIBC_2\.(\d+)")


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def needed(path: Path) -> list[str]:
    out = subprocess.run(
        ["readelf", "-d", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return NEEDED.findall(out)


def resolved(path: Path, env: dict[str, str]) -> dict[str, str]:
    """Library name -> where the loader finds it ("not found" if nowhere)."""
    result = subprocess.run(
        ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
    )
    return {m.group(1): m.group(2) for m in map(LDD_LINE.match, result.stdout.splitlines()) if m}


def owners(paths: set[str]) -> dict[str, str]:
    """Path -> owning package. dpkg knows a file by the path its package ships, which on a
    merged-/usr system may be the /lib or the /usr/lib spelling of the same file."""
    found: dict[str, str] = {}
    for path in sorted(paths):
        real = os.path.realpath(path)
        candidates = [path, real]
        for p in (path, real):
            candidates.append(p.removeprefix("/usr") if p.startswith("/usr/") else "/usr" + p)
        for candidate in dict.fromkeys(candidates):
            result = subprocess.run(
                ["dpkg", "-S", candidate], capture_output=True, text=True, check=False
            )
            if result.returncode == 0:
                # "libxcb1:amd64: /usr/lib/x86_64-linux-gnu/libxcb.so.1"
                package = result.stdout.splitlines()[0].split(": ", 1)[0].split(", ")[0]
                found[path] = package.split(":")[0]
                break
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    bundle = Path(argv[0]).resolve()
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing: list[str] = []
    system: dict[str, set[str]] = {}  # system library path -> bundled binaries that link it
    glibc_minor = 0
    for path in elf_files(bundle):
        where = resolved(path, env)
        rel = str(path.relative_to(bundle))
        missing += [f"{rel} needs {name}" for name, p in where.items() if p == "not found"]
        for name in needed(path):
            target = where.get(name)
            if target and target != "not found" and not target.startswith(str(bundle)):
                system.setdefault(target, set()).add(rel)
        glibc_minor = max(
            [glibc_minor, *(int(v) for v in GLIBC_VERSION.findall(path.read_bytes()))]
        )
    if missing:
        print(
            "deb_depends: libraries found nowhere (install them on the build machine, or "
            "the bundle lost them):\n  " + "\n  ".join(sorted(set(missing))),
            file=sys.stderr,
        )
        return 1
    packages = owners(set(system))
    unowned = sorted(set(system) - set(packages))
    if unowned:
        print("deb_depends: no package owns " + ", ".join(unowned), file=sys.stderr)
        return 1
    depends = set(packages.values())
    if "libc6" in depends and glibc_minor:
        depends.remove("libc6")
        depends.add(f"libc6 (>= 2.{glibc_minor})")
    print(", ".join(sorted(depends)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

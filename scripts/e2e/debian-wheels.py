"""Writes one wheel per Python distribution that Debian packages installed, into the directory given
as the only argument.

The e2e base image stands in for `python:3.X-slim` plus PyPI, offline: the Debian packages provide
the modules, and these wheels give pip something to find for the commands that fetch rather than
install (`pip wheel`, `pip install --target`), through PIP_FIND_LINKS. Each wheel holds the files of
its distribution's top-level modules, its metadata (requirements converted from egg-info when Debian
ships that format; taken from the first copy on sys.path, so that consistent-metadata.py's repairs
apply) and its entry points, so installing it works like installing PyPI's.

Run with the interpreter whose dist-packages directory is to be wheeled (inside the image's rootfs).
"""
import base64
import hashlib
import importlib.metadata
import os
import re
import sys
import sysconfig
import zipfile

DIST_PACKAGES = "/usr/lib/python3/dist-packages"


def safe(part: str) -> str:
    """A name or version as wheel file names and .dist-info directories spell it."""
    return re.sub(r"[^\w.+]+", "_", part)


def top_level_names(dist) -> list[str]:
    text = dist.read_text("top_level.txt")
    if text:
        # Some list nested packages too ("uvicorn/loops"): the top-level directory already holds them.
        return sorted({line.strip() for line in text.splitlines() if line.strip() and "/" not in line})
    return [re.sub(r"[-.]+", "_", dist.metadata["Name"]).lower()]


def module_files(name: str) -> list[str]:
    """Paths (relative to dist-packages) of the package directory or module files called `name`."""
    root = os.path.join(DIST_PACKAGES, name)
    if os.path.isdir(root):
        found = []
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            found += [os.path.relpath(os.path.join(folder, f), DIST_PACKAGES) for f in sorted(files) if not f.endswith(".pyc")]
        return found
    return sorted(
        entry for entry in os.listdir(DIST_PACKAGES)
        if entry == name + ".py" or (entry.startswith(name + ".") and entry.endswith(".so"))
    )


def metadata_text(dist) -> str:
    """METADATA for the wheel: Debian's own, with Requires-Dist added when it ships egg-info."""
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
    headers, _, body = text.partition("\n\n")
    lines = headers.splitlines()
    if not any(line.startswith("Requires-Dist:") for line in lines):
        extras = sorted({m.group(1) for r in dist.requires or [] for m in [re.search(r"extra == \"([^\"]+)\"", r)] if m})
        lines += [f"Provides-Extra: {e}" for e in extras if f"Provides-Extra: {e}" not in lines]
        lines += [f"Requires-Dist: {r}" for r in dist.requires or []]
    lines = [("Metadata-Version: 2.1" if line.startswith("Metadata-Version:") else line) for line in lines]
    return "\n".join(lines) + "\n\n" + body


def record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def write_wheel(dist, out_dir: str) -> str:
    name, version = dist.metadata["Name"], dist.version
    info = f"{safe(name)}-{safe(version)}.dist-info"
    wheel_path = os.path.join(out_dir, f"{safe(name)}-{safe(version)}-py3-none-any.whl")
    contents: list[tuple[str, bytes]] = []
    for top in top_level_names(dist):
        for rel in module_files(top):
            with open(os.path.join(DIST_PACKAGES, rel), "rb") as f:
                contents.append((rel, f.read()))
    contents.append((f"{info}/METADATA", metadata_text(importlib.metadata.distribution(name)).encode()))
    contents.append((f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: slipway-e2e\nRoot-Is-Purelib: true\nTag: py3-none-any\n"))
    for extra in ("entry_points.txt", "top_level.txt"):
        text = dist.read_text(extra)
        if text:
            contents.append((f"{info}/{extra}", text.encode()))
    record = "\n".join([record_line(p, d) for p, d in contents] + [f"{info}/RECORD,,"]) + "\n"
    contents.append((f"{info}/RECORD", record.encode()))
    with zipfile.ZipFile(wheel_path, "w", zipfile.ZIP_DEFLATED) as wheel:
        for path, data in contents:
            wheel.writestr(zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return wheel_path


def main() -> None:
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    seen = set()
    for dist in sorted(importlib.metadata.distributions(path=[DIST_PACKAGES]), key=lambda d: d.metadata["Name"].lower()):
        key = dist.metadata["Name"].lower()
        if key in seen:
            continue
        seen.add(key)
        write_wheel(dist, out_dir)
    print(f"{len(seen)} wheels in {out_dir} for Python {sysconfig.get_python_version()}")


if __name__ == "__main__":
    main()

"""Writes, into the directory given as the only argument, metadata-only copies of the Python
distributions whose declared requirements the system itself contradicts, with those requirements
relaxed to what the system runs them with. Put the directory first on sys.path (PYTHONPATH, or a
dist-packages directory that comes first) and pip resolves against a consistent set.

Why: Debian's metadata is not always self-consistent. bookworm's python3-fastapi 0.92 declares
`starlette<0.26.0,>=0.25.0` while Debian ships (and tests fastapi with) starlette 0.26.1, so an
offline `pip install -r requirements.txt` naming fastapi fails with "No matching distribution found
for starlette<0.26.0,>=0.25.0", whatever the project does. Only the version specifiers `pip check`
reports as unmet are dropped; the copies hold no code (imports still find the system's packages).

Run with the interpreter whose packages are meant (its pip must be importable).
"""
import importlib.metadata
import os
import re
import subprocess
import sys

CONFLICT = re.compile(r"^(\S+) (\S+) has requirement (.+), but you have (\S+) (\S+)\.$")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def relax(requirement: str, dependency: str) -> str:
    """`requirement` without its version specifier when it names `dependency`."""
    match = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(\(?[<>=!~][^;]*?\)?)?\s*(;.*)?$", requirement)
    if not match or normalize(match.group(1)) != normalize(dependency):
        return requirement
    name, extras, _, marker = match.groups()
    return name + (extras or "") + (" " + marker if marker else "")


def metadata_headers(dist) -> list[str]:
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
    headers = text.partition("\n\n")[0].splitlines()
    return [h for h in headers if not h.startswith(("Requires-Dist:", "Metadata-Version:"))]


def main() -> None:
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    check = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True, env={**os.environ, "PIP_CONFIG_FILE": os.devnull})
    conflicts: dict[str, list[str]] = {}
    for line in check.stdout.splitlines():
        match = CONFLICT.match(line.strip())
        if match:
            conflicts.setdefault(match.group(1), []).append(match.group(4))
    for name, dependencies in sorted(conflicts.items()):
        dist = importlib.metadata.distribution(name)
        requires = list(dist.requires or [])
        for dependency in dependencies:
            requires = [relax(r, dependency) for r in requires]
        info = os.path.join(out_dir, f"{re.sub(r'[^A-Za-z0-9.]+', '_', dist.metadata['Name'])}-{dist.version}.dist-info")
        os.makedirs(info, exist_ok=True)
        headers = metadata_headers(dist)
        extras = sorted({m.group(1) for r in requires for m in [re.search(r"extra == ['\"]([^'\"]+)['\"]", r)] if m})
        headers += [f"Provides-Extra: {e}" for e in extras if f"Provides-Extra: {e}" not in headers]
        lines = ["Metadata-Version: 2.1", *headers, *[f"Requires-Dist: {r}" for r in requires]]
        with open(os.path.join(info, "METADATA"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        with open(os.path.join(info, "INSTALLER"), "w", encoding="utf-8") as f:
            f.write("slipway-e2e\n")
        print(f"{name} {dist.version}: relaxed its requirement on {', '.join(dependencies)}")


if __name__ == "__main__":
    main()

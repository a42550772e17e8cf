"""The floor for `adrtool list`: walk the decision folders, read every file, print a JSON list of paths.

    python bench/read_floor.py [FOLDER ...]     # default: `dirs` and `design-dirs` of ./.adrtool.toml

Plain Python, no adrtool import: what any tool that reads every file, every
time, must at least pay.  `bench/floors.py` runs it beside `adrtool list
--json` on the same repository, in the same run, and prints the ratio.
"""

from __future__ import annotations

import json
import os
import sys
import tomllib


def folders(argv: list[str]) -> list[str]:
    if argv:
        return argv
    with open(".adrtool.toml", "rb") as fh:
        config = tomllib.load(fh)
    return list(config.get("dirs", [])) + list(config.get("design-dirs", []))


def main(argv: list[str]) -> int:
    paths = []
    for top in folders(argv):
        for folder, subfolders, names in os.walk(top):
            subfolders.sort()
            for name in sorted(names):
                if name.endswith((".md", ".rst")):  # (the two kinds adrtool reads)
                    path = os.path.join(folder, name)
                    with open(path, "rb") as fh:
                        fh.read()
                    paths.append(path)
    sys.stdout.write(json.dumps(paths) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

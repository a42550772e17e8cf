"""A long-lived adrtool process for the concurrency tests: runs one CLI command per line of input.

Each input line is JSON `{"cwd": ..., "args": [...]}`; the command runs
through `adrtool.cli.main` exactly as `adrtool ARGS` would (argument
parsing, loading, planning, the write path, the printed lines), and one JSON
line `{"code": ..., "out": ..., "err": ...}` answers it.  Starting Python
once per writer instead of once per command keeps 8 writers x 200 rounds
inside a few seconds, while every writer is still its own process.
"""

from __future__ import annotations

import io
import json
import os
import sys
from contextlib import redirect_stderr, redirect_stdout


def main() -> int:
    from adrtool.cli import main as adrtool_main

    for line in sys.stdin:
        request = json.loads(line)
        os.chdir(request["cwd"])
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = adrtool_main(request["args"])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
        sys.stdout.write(json.dumps({"code": code, "out": out.getvalue(), "err": err.getvalue()}) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

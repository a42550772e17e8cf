"""`adrtool mcp [--allow-write]`: serve this repository's decisions to coding agents over MCP (stdio).

Standard output is the protocol; nothing else is printed there.  The SDK is
imported here only, when the command runs (`pip install 'adrtool[mcp]'`).
"""

from __future__ import annotations

from pathlib import Path


def add_arguments(p) -> None:
    p.add_argument("--allow-write", action="store_true",
                   help="also offer new_decision and tag_decision (the same planned, atomic writes as the CLI)")


def run(args) -> int:
    from adrtool.cli import UsageError

    try:
        from adrtool.agents.server import serve
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] == "mcp":
            raise UsageError("the MCP server needs the mcp package", hint="pip install 'adrtool[mcp]'") from None
        raise
    serve(Path.cwd(), args.dir or None, allow_write=args.allow_write)
    return 0

"""`adrtool init [DIR] [--agents]`: adopt an existing decision folder (config only), or start one.

With `--agents`, also write (or bring up to date, between its markers) the
section of AGENTS.md that tells coding agents to ask adrtool first.
"""

from __future__ import annotations

from pathlib import Path


def add_arguments(parser) -> None:
    parser.add_argument("folder", nargs="?", metavar="DIR", help="the decision folder (default: the one found, else decisions/)")
    parser.add_argument("--agents", action="store_true",
                        help="also write the AGENTS.md section for coding agents (between markers; your text stays)")
    parser.add_argument("--dry-run", action="store_true", help="print what would be written; write nothing")


def run(args) -> int:
    from adrtool import store
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.project import init, project_root
    from adrtool.config import Config

    folder = args.folder or (args.dir[0] if args.dir else None)
    changes = init(Path.cwd(), folder)
    root = project_root(Path.cwd())
    if args.agents:
        changes += _agents_section(root, changes)
    if not changes:
        print("already set up: adrtool finds its settings here" + (" and AGENTS.md is current" if args.agents else "")
              + "; nothing to change")
        return 0
    repo = store.Repository(config=Config(root=root, dirs=[]))
    apply_or_show(repo, changes, dry_run=args.dry_run)
    return 0


def _agents_section(root: Path, planned) -> list:
    """The AGENTS.md change, naming the folders this repository uses (as configured, or as init plans them)."""
    import tomllib

    from adrtool.agents import instructions
    from adrtool.config import discover
    from adrtool.store import StoreError, read_text

    created = next((c for c in planned if c.path == ".adrtool.toml" and c.before is None), None)
    if created is not None:
        dirs, design = tomllib.loads(created.after).get("dirs", []), []
    else:
        cfg = discover(root)
        dirs, design = [cfg.rel(d) for d in cfg.dirs], [cfg.rel(d) for d in cfg.design_dirs]
    path = root / instructions.FILE
    try:
        before = read_text(path)
    except FileNotFoundError:
        before = None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"{instructions.FILE}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    if before is not None and before.startswith("\ufeff"):
        before = before[1:]  # the write path keeps a byte-order mark that is on disk
    return instructions.plan(before, dirs, design)

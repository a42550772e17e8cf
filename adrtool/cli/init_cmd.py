"""`adrtool init [DIR]`: adopt an existing decision folder (config only), or start one."""

from __future__ import annotations

from pathlib import Path


def add_arguments(parser) -> None:
    parser.add_argument("folder", nargs="?", metavar="DIR", help="the decision folder (default: the one found, else decisions/)")
    parser.add_argument("--dry-run", action="store_true", help="print what would be written; write nothing")


def run(args) -> int:
    from adrtool import store
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.operations import init, project_root
    from adrtool.config import Config

    folder = args.folder or (args.dir[0] if args.dir else None)
    changes = init(Path.cwd(), folder)
    if not changes:
        print("already set up: adrtool finds its settings here; nothing to change")
        return 0
    root = project_root(Path.cwd())
    repo = store.Repository(config=Config(root=root, dirs=[]))
    apply_or_show(repo, changes, dry_run=args.dry_run)
    return 0

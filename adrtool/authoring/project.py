"""Setting a repository up: `init` adopts the decision folder that exists or starts one.

Kept apart from the everyday operations (operations.py) since it plans a configuration file and a
first record, not edits of existing records.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from adrtool import dialects, record_names
from adrtool.authoring import numbering, templates
from adrtool.authoring.changes import Change
from adrtool.config import Config, discover, git_root
from adrtool.model import Choice, Door, Status
from adrtool.store import StoreError

CONFIG_NAME = ".adrtool.toml"
FIRST_RECORD_TITLE = "Record design decisions with adrtool"


def project_root(start: Path) -> Path:
    """Where `init` writes the configuration: the git root, else the folder itself."""
    start = Path(start).resolve()
    return git_root(start) or start


def _config_text(dirs: list[str]) -> str:
    listed = ", ".join(f'"{d}"' for d in dirs)
    return (
        "# adrtool settings: where this repository keeps its design decisions.\n"
        f"dirs = [{listed}]\n"
    )


def init(start: Path, folder: str | None = None, *, today: str | None = None) -> list[Change]:
    """Adopt the decision folder that exists (config only), or start one (folder, config, record 0001).

    Paths are relative to `project_root(start)`.
    """
    from adrtool import store

    root = project_root(start)
    found = discover(Path(start))
    configured = found.found and found.config_file is not None and found.root == root
    if configured and folder is not None:
        raise StoreError(f"{found.config_file.name} already configures adrtool here; edit its `dirs` instead")
    if folder is not None:
        wanted = (Path(start).resolve() / folder).resolve()
        try:
            wanted.relative_to(root)
        except ValueError:
            raise StoreError(f"{folder}: outside the repository at {root}", code="outside-repository") from None
        dirs = [wanted]
    elif found.found and found.root == root:
        dirs = list(found.dirs)
    else:
        dirs = [root / "decisions"]
    cfg = Config(root=root, dirs=dirs, source=CONFIG_NAME, log4brains=found.log4brains)
    rel_dirs = [cfg.rel(d) for d in dirs]
    # Already configured: write no config, but a configured folder with no decisions still gets 0001.
    changes = [] if configured else [Change(CONFIG_NAME, None, _config_text(rel_dirs))]
    repo = store.load(config=found if configured else cfg)
    if repo.records or repo.files or repo.problems:
        return changes  # adopt: the records stay exactly as they are
    today = today or date.today().isoformat()
    text = templates.fill(templates.ours("first-record"),
                          {"title": FIRST_RECORD_TITLE, "date": today, "status": Status.ACCEPTED.value})
    text = dialects.native.set_field(text, "choice", Choice.DELIBERATE.value)
    text = dialects.native.set_field(text, "door", Door.TWO_WAY.value)
    rel = f"{rel_dirs[0]}/{numbering.file_name(repo, 1, record_names.slugify(FIRST_RECORD_TITLE))}"
    changes.append(Change(rel, None, text))
    return changes

"""Where the decisions are, and the repository's adrtool settings.

Search order, from the current directory upward to the git root (the first
level that answers wins):

1. `--dir` on the command line, then the `ADRTOOL_DIR` environment variable;
2. `[tool.adrtool]` in `pyproject.toml`, or `.adrtool.toml` (keys `dirs`, `design-dirs`);
3. `.adr-dir` (adr-tools);
4. `.adr.json` (phodal's `adr`: its `path`, default `docs/adr/`, and `language`);
5. `.log4brains.yml` (`project.adrFolder` and each package's `adrFolder`);
6. the first existing of `decisions/`, `docs/decisions/`, `docs/adr/`, `doc/adr/`,
   `docs/architecture/decisions/`, `doc/architecture/decisions/` (adr-tools' own example),
   `docs/adrs/`, `adr/`, `adrs/`, `architecture/decisions/` (each seen in real public folders);
7. else every folder a few levels under the top named like a decision folder (`docs/architecture/adr/`,
   `docs/ADR/`, `backend/docs/adr/`, ...) that holds numbered records, largest first (`folder_search`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from adrtool.errors import AdrtoolError

DEFAULT_DIRS = ("decisions", "docs/decisions", "docs/adr", "doc/adr", "docs/architecture/decisions",
                "doc/architecture/decisions", "docs/adrs", "adr", "adrs", "architecture/decisions")
ENV_DIR = "ADRTOOL_DIR"


class ConfigError(AdrtoolError):
    """A configuration file that cannot be used; the message names the file."""

    code = "config"


@dataclass
class Config:
    root: Path  # the folder paths are relative to (where the configuration was found)
    dirs: list[Path]  # decision folders, absolute
    design_dirs: list[Path] = field(default_factory=list)
    source: str = "default"  # what chose the folders, for `adrtool` to explain itself
    settings: dict = field(default_factory=dict)  # the whole [tool.adrtool] table
    config_file: Path | None = None  # where `init` wrote / would write settings
    log4brains: bool = False
    phodal_language: str | None = None  # the `language` of phodal's `.adr.json`, when it configures the folder
    found: bool = True  # False when nothing was found and `dirs` is only the default to create

    @property
    def ai(self) -> dict:
        return self.settings.get("ai", {}) if isinstance(self.settings.get("ai"), dict) else {}

    def rel(self, path: Path) -> str:
        """Repository-relative POSIX path; string work only, since it runs once per file."""
        text = str(path)
        root = str(self.root)
        if text.startswith(root + os.sep):
            return text[len(root) + 1 :].replace(os.sep, "/")
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def git_root(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return None


def _levels(start: Path) -> list[Path]:
    top = git_root(start)
    levels = []
    for folder in [start, *start.parents]:
        levels.append(folder)
        if top is not None and folder == top:
            break
    return levels


def _read_toml(path: Path, data: bytes | None = None) -> dict:
    """The file's TOML (`data`, when its bytes were read already)."""
    import tomllib

    try:
        if data is None:
            with open(path, "rb") as fh:
                data = fh.read()
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def _pyproject_table(path: Path):
    """`[tool.adrtool]` of a pyproject.toml, or None.  A pyproject.toml that never names adrtool is the project's
    business: it is not parsed, so that one the project's own tools tolerate and TOML does not (a key written
    twice, seen in a real public repository) stops nothing here; one that names adrtool must parse."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    return _read_toml(path, data).get("tool", {}).get("adrtool") if b"adrtool" in data else None


def _as_list(value, path: Path, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise ConfigError(f"{path}: '{key}' must be a folder or a list of folders")


def _from_table(table: dict, level: Path, path: Path, source: str) -> Config:
    dirs = _as_list(table.get("dirs"), path, "dirs") or [
        d for d in DEFAULT_DIRS if (level / d).is_dir()
    ][:1] or ["decisions"]
    design = _as_list(table.get("design-dirs"), path, "design-dirs")
    return Config(
        root=level,
        dirs=[(level / d).resolve() for d in dirs],
        design_dirs=[(level / d).resolve() for d in design],
        source=source,
        settings=table,
        config_file=path,
    )


def _log4brains(level: Path, path: Path) -> Config:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"{path}: cannot read log4brains settings: {str(exc).splitlines()[0]}") from None
    project = data.get("project", {}) if isinstance(data, dict) else {}
    dirs = []
    if isinstance(project, dict):
        if project.get("adrFolder"):
            dirs.append(str(project["adrFolder"]))
        for package in project.get("packages") or []:
            if isinstance(package, dict) and package.get("adrFolder"):
                dirs.append(str(package["adrFolder"]))
    if not dirs:
        dirs = ["docs/adr"]
    cfg = Config(root=level, dirs=[(level / d).resolve() for d in dirs], source=str(path.name))
    cfg.log4brains = True
    return cfg


def _phodal(level: Path, path: Path) -> Config:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read phodal adr settings: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: phodal adr settings must be a JSON object")
    folder = data.get("path") or "docs/adr/"
    if not isinstance(folder, str):
        raise ConfigError(f"{path}: 'path' must be a folder")
    language = data.get("language") if isinstance(data.get("language"), str) else "en"
    return Config(root=level, dirs=[(level / folder).resolve()], source=path.name, phodal_language=language)


def _phodal_language(level: Path) -> str | None:
    """The language of a `.adr.json` beside other settings (a phodal folder adopted by `init`, or `--dir`)."""
    path = level / ".adr.json"
    if not path.is_file():
        return None
    try:
        return _phodal(level, path).phodal_language
    except ConfigError:
        return None


def _overlay_settings(cfg: Config, level: Path) -> Config:
    """Settings ([tool.adrtool] / .adrtool.toml) apply even when folders came from elsewhere."""
    for name in (".adrtool.toml", "pyproject.toml"):
        path = level / name
        if path.is_file():
            if name == "pyproject.toml":
                table = _pyproject_table(path)
            else:
                data = _read_toml(path)
                table = data.get("tool", {}).get("adrtool", data)
            if isinstance(table, dict):
                cfg.settings = table
                cfg.config_file = path
                if table.get("design-dirs"):
                    cfg.design_dirs = [(level / d).resolve() for d in _as_list(table.get("design-dirs"), path, "design-dirs")]
                return cfg
    return cfg


def discover(start: Path | None = None, cli_dirs: list[str] | None = None) -> Config:
    """Find the decision folders for `start` (default: the current directory)."""
    start = (start or Path.cwd()).resolve()
    levels = _levels(start)
    if cli_dirs or os.environ.get(ENV_DIR):
        dirs = cli_dirs or os.environ[ENV_DIR].split(os.pathsep)
        base = git_root(start) or start
        cfg = Config(root=base, dirs=[(start / d).resolve() for d in dirs],
                     source="--dir" if cli_dirs else ENV_DIR)
        cfg.log4brains = (base / ".log4brains.yml").is_file()
        cfg.phodal_language = _phodal_language(base)
        return _overlay_settings(cfg, base)
    for level in levels:
        adrtool_toml = level / ".adrtool.toml"
        if adrtool_toml.is_file():
            data = _read_toml(adrtool_toml)
            table = data.get("tool", {}).get("adrtool", data)
            cfg = _from_table(table, level, adrtool_toml, ".adrtool.toml")
            cfg.log4brains = (level / ".log4brains.yml").is_file()  # a log4brains repository adopted by `init`
            cfg.phodal_language = _phodal_language(level)
            return cfg
        pyproject = level / "pyproject.toml"
        if pyproject.is_file():
            table = _pyproject_table(pyproject)
            if isinstance(table, dict):
                cfg = _from_table(table, level, pyproject, "pyproject.toml [tool.adrtool]")
                cfg.log4brains = (level / ".log4brains.yml").is_file()
                cfg.phodal_language = _phodal_language(level)
                return cfg
        adr_dir = level / ".adr-dir"
        if adr_dir.is_file():
            try:
                folder = adr_dir.read_text(encoding="utf-8").strip() or "doc/adr"
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{adr_dir}: cannot read: {exc}") from None
            return _overlay_settings(Config(root=level, dirs=[(level / folder).resolve()], source=".adr-dir"), level)
        phodal = level / ".adr.json"
        if phodal.is_file():
            return _overlay_settings(_phodal(level, phodal), level)
        l4b = level / ".log4brains.yml"
        if l4b.is_file():
            return _overlay_settings(_log4brains(level, l4b), level)
        for d in DEFAULT_DIRS:
            if (level / d).is_dir():
                return _overlay_settings(Config(root=level, dirs=[(level / d).resolve()], source=d + "/"), level)
    base = levels[-1] if levels and git_root(start) else start
    from adrtool import folder_search  # (only when every step above found nothing)

    looked = folder_search.find(base)
    if looked:
        cfg = Config(root=base, dirs=[d.resolve() for d in looked],
                     source="found " + ", ".join(d.relative_to(base).as_posix() + "/" for d in looked))
        return _overlay_settings(cfg, base)
    return Config(root=base, dirs=[(base / "decisions").resolve()], source="none", found=False)

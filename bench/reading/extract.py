#!/usr/bin/env python3
"""Materialize the decision folders of a hand-checked reading truth into bench/out/.

Each collection of the set's collections file (`truth`: collections.json, into
bench/out/reading/; `truth2`: collections2.json, into bench/out/reading2/; `truth3`:
collections3.json, into bench/out/reading3/; `truth4`: collections4.json, into
bench/out/reading4/; `truth5`: collections5.json, into bench/out/reading5/; `truth6`:
collections6.json, into bench/out/reading6/; `truth7`: collections7.json,
into bench/out/reading7/; `truth8`: collections8.json, into bench/out/reading8/;
`truth9` and `truth10`, the held-out sets: collections9.json and collections10.json, into
bench/out/reading9/ and reading10/; `truth11` and `truth12`: collections11.json and
collections12.json, into bench/out/reading11/ and reading12/; `truth13` and `truth14`:
collections13.json and collections14.json, into bench/out/reading13/ and reading14/; `truth15` and
`truth16`, the held-out sets: collections15.json and collections16.json, into bench/out/reading15/
and reading16/; `truth17` and `truth18`, the held-out sets: collections17.json and collections18.json, into
bench/out/reading17/ and reading18/; `truth19`: collections19.json, into bench/out/reading19/; `truth20`: collections20.json, into bench/out/reading20/;
`truth21` and `truth22`: collections21.json and collections22.json, into bench/out/reading21/
and reading22/; `truth23`: collections23.json, into bench/out/reading23/; `truth24`, the held-out set: collections24.json,
into bench/out/reading24/) is written, at its
recorded commit, to <out>/<owner>+<name>/<dir>/, together with the repository's own
configuration files that say where its decisions live (.adr-dir,
.adr.json, .log4brains.yml, .adrtool.toml, pyproject.toml) when the
repository has them at that commit. A folder is taken whole (every file under
it, images included), also when the collection has a "slice": the slice names
the files the truth labels (and `run.py` scores), while the records outside it
are still read, as a user's folder is, so that a link to one of them by number
(`superseded by ADR-0016` in anirbanbasu/ari 0005, the slice ending at 0014)
resolves to its file, as its label says (DEFINITIONS.md, links: "for a slice it
may lie outside the slice"). A collection whose dir is "." (decisions at the
repository root) takes the top-level files only.

Source: the search tool's mirror at /work/.mirror/<owner>+<name>/repo (read
with git, no work tree), else raw.githubusercontent.com at the commit (only
the files named in the truth and the configuration files, since there is no
listing without a mirror). Nothing here is committed: bench/out/ is ignored.

    python bench/reading/extract.py             # every collection of truth.jsonl
    python bench/reading/extract.py --check     # also check every truth path materialized
    python bench/reading/extract.py --truth truth2 --check   # the second development set
    python bench/reading/extract.py --truth truth3 --check   # the third set
    python bench/reading/extract.py --truth truth4 --check   # the fourth set
    python bench/reading/extract.py --truth truth5 --check   # the fifth set
    python bench/reading/extract.py --truth truth6 --check   # the sixth set
    python bench/reading/extract.py --truth truth7 --check   # the seventh set
    python bench/reading/extract.py --truth truth8 --check   # the eighth set
    python bench/reading/extract.py --truth truth9 --check   # a held-out set
    python bench/reading/extract.py --truth truth10 --check  # the other held-out set
    python bench/reading/extract.py --truth truth11 --check  # owners A-L
    python bench/reading/extract.py --truth truth12 --check  # owners M-Z
    python bench/reading/extract.py --truth truth13 --check  # owners A-L
    python bench/reading/extract.py --truth truth14 --check  # owners M-Z
    python bench/reading/extract.py --truth truth15 --check  # held out, owners A-I
    python bench/reading/extract.py --truth truth16 --check  # owners J-R
    python bench/reading/extract.py --truth truth17 --check  # owners A-L, held out
    python bench/reading/extract.py --truth truth16 --check  # owners J-R, held out
    python bench/reading/extract.py --truth truth18 --check  # owners M-Z and digits, held out (collections18.json -> bench/out/reading18/)
    python bench/reading/extract.py --truth truth19 --check  # owners A-H (collections19.json -> bench/out/reading19/)
    python bench/reading/extract.py --truth truth20 --check  # owners I-R (collections20.json -> bench/out/reading20/)
    python bench/reading/extract.py --truth truth21 --check  # owners A-H (collections21.json -> bench/out/reading21/)
    python bench/reading/extract.py --truth truth22 --check  # owners I-R (collections22.json -> bench/out/reading22/)
    python bench/reading/extract.py --truth truth23 --check  # owners A-L (collections23.json -> bench/out/reading23/)
    python bench/reading/extract.py --truth truth24 --check  # owners M-Z and digits, held out (collections24.json -> bench/out/reading24/)
    python bench/reading/extract.py --repo phodal/adr

Prints one line per collection and, at the end, every file it could not get;
exits 1 if anything is missing.
"""
from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tarfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from truths import resolve  # noqa: E402  (a sibling module of this script)

MIRRORS = Path("/work/.mirror")
CONFIG_FILES = (".adr-dir", ".adr.json", ".log4brains.yml", ".adrtool.toml", "pyproject.toml")
RAW = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"


def mirror_of(repo: str) -> Path | None:
    git_dir = MIRRORS / repo.replace("/", "+") / "repo"
    if (git_dir / ".git").is_dir():  # some snapshots arrive as a checkout (associacao-vagalume/vagalume.org.br)
        return git_dir / ".git"
    return git_dir if git_dir.is_dir() else None


def git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-c", "core.quotepath=off", f"--git-dir={git_dir}", *args],
                          check=True, capture_output=True).stdout


def listed(git_dir: Path, commit: str, coll: dict) -> list[str]:
    """Repository paths of the collection's files at the commit."""
    d = coll["dir"]
    if d in ("", "."):
        out = git(git_dir, "ls-tree", "--name-only", commit)
        names = [n for n in out.decode().splitlines()]
        kinds = git(git_dir, "ls-tree", commit).decode().splitlines()
        blobs = {line.split("\t", 1)[1] for line in kinds if " blob " in line}
        return [n for n in names if n in blobs]
    names = git(git_dir, "ls-tree", "-r", "--name-only", commit, "--", d + "/").decode().splitlines()
    if coll.get("slice"):
        lo, hi = coll["slice"]
        prefix = d + "/"
        names = [n for n in names if "/" not in n[len(prefix):] and lo <= n[len(prefix):] <= hi]
    return names


def write(dest_root: Path, path: str, data: bytes) -> None:
    target = dest_root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def from_mirror(git_dir: Path, coll: dict, dest_root: Path, missing: list[str]) -> int:
    commit = coll["commit"]
    paths = listed(git_dir, commit, coll)
    archived = False
    if coll["dir"] not in ("", "."):
        # Whole folder (a slice's too): one git archive keeps symlinks and modes as the repository has them.
        # A mirror missing a blob elsewhere in the tree (elifesciences/api-raml's dist/) makes git archive stop
        # with a cut tar and exit 0: the folder's files are then taken one by one.
        try:
            tar = git(git_dir, "archive", "--format=tar", commit, "--", coll["dir"])
            with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
                archive.extractall(dest_root, filter="data")
            archived = True
        except (subprocess.CalledProcessError, tarfile.TarError):
            pass
    if not archived:
        for p in paths:
            write(dest_root, p, git(git_dir, "show", f"{commit}:{p}"))
    top = set(git(git_dir, "ls-tree", "--name-only", commit).decode().splitlines())
    for cfg in CONFIG_FILES:
        if cfg in top:
            write(dest_root, cfg, git(git_dir, "show", f"{commit}:{cfg}"))
    for p in paths:
        if not (dest_root / p).exists() and not (dest_root / p).is_symlink():
            missing.append(f"{coll['repo']}@{commit[:10]}: {p}")
    return len(paths)


def from_raw(coll: dict, truth_paths: list[str], dest_root: Path, missing: list[str]) -> int:
    commit, got = coll["commit"], 0
    # Paths are quoted: real file names hold '#', '[', spaces and Chinese.
    for p in truth_paths:
        try:
            with urllib.request.urlopen(RAW.format(repo=coll["repo"], commit=commit, path=urllib.parse.quote(p)), timeout=30) as r:
                write(dest_root, p, r.read())
                got += 1
        except (urllib.error.URLError, OSError) as e:
            missing.append(f"{coll['repo']}@{commit[:10]}: {p} ({e})")
    for cfg in CONFIG_FILES:
        try:
            with urllib.request.urlopen(RAW.format(repo=coll["repo"], commit=commit, path=cfg), timeout=30) as r:
                write(dest_root, cfg, r.read())
        except (urllib.error.URLError, OSError):
            pass  # most repositories have none of these
    return got


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--truth", default="truth", help="truth (default), truth2 .. truth24, or a truth file")
    ap.add_argument("--collections", type=Path, help="default: the set's own collections file")
    ap.add_argument("--repo", help="only this owner/name")
    ap.add_argument("--out", type=Path, help="default: bench/out/reading<N> for truth<N>")
    ap.add_argument("--check", action="store_true", help="check every truth path materialized")
    args = ap.parse_args(argv)

    chosen = resolve(args.truth, args.collections, args.out)
    collections = json.loads(chosen.collections.read_text(encoding="utf-8"))
    truth = [json.loads(line) for line in chosen.truth.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"truth: {chosen.label}, {len(truth)} files in {len(collections)} folders -> {chosen.out}")
    missing: list[str] = []
    cleaned: set[Path] = set()
    for coll in collections:
        if args.repo and coll["repo"] != args.repo:
            continue
        dest_root = chosen.out / coll["repo"].replace("/", "+")
        if dest_root not in cleaned:  # one repository can hold several collections
            shutil.rmtree(dest_root, ignore_errors=True)
            cleaned.add(dest_root)
        truth_paths = [t["path"] for t in truth if t["repo"] == coll["repo"] and t["dir"] == coll["dir"]]
        git_dir = mirror_of(coll["repo"])
        if git_dir is not None:
            try:
                n, source = from_mirror(git_dir, coll, dest_root, missing), "mirror"
            except subprocess.CalledProcessError as e:
                missing.append(f"{coll['repo']}@{coll['commit'][:10]}: git failed: {e.stderr.decode().strip()}")
                n, source = 0, "mirror (failed)"
        else:
            n, source = from_raw(coll, truth_paths, dest_root, missing), "raw.githubusercontent.com"
        print(f"{coll['repo']:45} {coll['dir']:42} {n:4} files from {source}")
        if args.check:
            for p in truth_paths:
                if not (dest_root / p).is_file():
                    missing.append(f"{coll['repo']}: truth path not materialized: {p}")
    for m in missing:
        print("MISSING", m, file=sys.stderr)
    print(f"{len(missing)} missing; written under {chosen.out}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

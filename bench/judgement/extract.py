"""Materialize the hand-labelled decision records of bench/judgement/labels.jsonl.

Nothing fetched is committed to this repository: the labels name each record by
repository, commit and path, and this script brings the text back, from a local
mirror (/work/.mirror/<owner>+<name>, as the search tool's fetch leaves it) with
`git show COMMIT:PATH`, or else from raw.githubusercontent.com at that commit.

For every label it writes bench/out/judgement/records/<id><.md|.rst> and, beside
it, <id>.json holding the label, for the scorer. It first checks the labels
(keys, values, and that each choice and verdict follow from the essentials,
door and choice under DEFINITIONS.md), and it ends by naming every record it
could not get.

    python3 bench/judgement/extract.py [--mirror DIR] [--out DIR] [--check-only]

Exit status: 0 when every label is valid and every record was written,
1 when some record could not be got, 2 when a label is invalid.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
LABELS = HERE / "labels.jsonl"

KEYS = ("id", "repo", "commit", "path", "licence", "dialect", "language", "status",
        "door", "choice", "essentials", "verdict", "split", "why")
ESSENTIALS = ("decision", "alternatives", "reason", "cost")
ALLOWED = {
    "dialect": {"madr2", "madr3", "madr4", "nygard", "log4brains", "rst", "phodal", "other"},
    "status": {"accepted", "proposed", "rejected", "deprecated", "superseded", "unknown"},
    "door": {"one-way", "two-way"},
    "choice": {"deliberate", "arbitrary"},
    "verdict": {"adequate", "thin", "inadequate"},
    "split": {"dev", "test", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9",
              "holdout10", "holdout11", "holdout12", "holdout13", "holdout14", "holdout15", "holdout16", "holdout17", "holdout18", "holdout19", "holdout20"},
}
# A one-way arbitrary pick is inadequate unless the record says why an arbitrary
# pick is acceptable and what undoing it would cost (DEFINITIONS.md, "Verdict").
# The labels have no key for that, so a label that grants the exception says so
# in its `why` with this phrase (holdout2 holds the first such record).
JUSTIFIED_ARBITRARY = "Justified arbitrary pick:"
PRESENCE = {"found", "thin", "absent"}


def policy_verdict(label: dict) -> str:
    """The verdict DEFINITIONS.md derives from a label's door, choice and essentials."""
    found = label["essentials"]
    if label["door"] == "one-way":
        if label["choice"] == "arbitrary" and JUSTIFIED_ARBITRARY in label["why"]:
            # Owes what an arbitrary two-way pick owes: its decision stated.
            return "adequate" if found["decision"] == "found" else "thin"
        if label["choice"] == "arbitrary" or "absent" in found.values():
            return "inadequate"
        return "thin" if "thin" in found.values() else "adequate"
    if label["choice"] == "deliberate":
        return "adequate" if found["reason"] == "found" else "thin"
    return "adequate" if found["decision"] == "found" else "thin"


def policy_choice(label: dict) -> str:
    """The choice DEFINITIONS.md derives from the essentials: reasoning visible or not."""
    found = label["essentials"]
    visible = found["reason"] == "found" or found["alternatives"] in ("found", "thin")
    return "deliberate" if visible else "arbitrary"


def check(label: dict, line: int, name: str = "labels.jsonl") -> list[str]:
    """Problems with one label, each naming the file and line."""
    where = f"{name}:{line}"
    if tuple(label) != KEYS:
        return [f"{where}: keys must be exactly {', '.join(KEYS)}"]
    problems = []
    for key, allowed in ALLOWED.items():
        if label[key] not in allowed:
            problems.append(f"{where}: {key} {label[key]!r} is not one of {sorted(allowed)}")
    if len(label["commit"]) != 40 or any(c not in "0123456789abcdef" for c in label["commit"]):
        problems.append(f"{where}: commit must be 40 lowercase hex digits")
    essentials = label["essentials"]
    if tuple(essentials) != ESSENTIALS or not set(essentials.values()) <= PRESENCE:
        problems.append(f"{where}: essentials must map {', '.join(ESSENTIALS)} to found|thin|absent")
    elif label["verdict"] in ALLOWED["verdict"] and label["door"] in ALLOWED["door"] \
            and label["choice"] in ALLOWED["choice"] and policy_verdict(label) != label["verdict"]:
        problems.append(f"{where}: verdict {label['verdict']} but the policy gives {policy_verdict(label)}")
    if not problems and policy_choice(label) != label["choice"]:
        problems.append(f"{where}: choice {label['choice']} but the essentials give {policy_choice(label)}")
    if not label["why"].strip():
        problems.append(f"{where}: why is empty")
    return problems


def read_labels(path: Path = LABELS) -> tuple[list[dict], list[str]]:
    """The labels of a .jsonl file and the problems found in it, each naming file and line."""
    labels, problems, seen = [], [], set()
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip():
            continue
        try:
            label = json.loads(text)
        except json.JSONDecodeError as error:
            problems.append(f"{path.name}:{number}: not JSON ({error.msg})")
            continue
        problems += check(label, number, path.name)
        if label.get("id") in seen:
            problems.append(f"{path.name}:{number}: id {label.get('id')} is used twice")
        seen.add(label.get("id"))
        labels.append(label)
    return labels, problems


def git_dir(mirror: Path, repo: str) -> Path | None:
    """The git directory fetch left for owner/name, wherever it sits inside the mirror."""
    base = mirror / repo.replace("/", "+")
    if not base.is_dir():
        return None
    for candidate in [base, *sorted(base.iterdir())]:
        if candidate.is_dir() and (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
        if (candidate / ".git").is_dir():
            return candidate / ".git"
    return None


def from_mirror(mirror: Path, label: dict) -> bytes | None:
    directory = git_dir(mirror, label["repo"])
    if directory is None:
        return None
    shown = subprocess.run(["git", f"--git-dir={directory}", "show", f"{label['commit']}:{label['path']}"],
                           capture_output=True)
    return shown.stdout if shown.returncode == 0 else None


def from_github(label: dict) -> bytes | None:
    url = "https://raw.githubusercontent.com/{}/{}/{}".format(
        label["repo"], label["commit"], urllib.request.quote(label["path"]))
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except (urllib.error.URLError, OSError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"),
                        help="folder holding owner+name mirrors (default /work/.mirror)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "bench/out/judgement/records",
                        help="where to write the records (default bench/out/judgement/records)")
    parser.add_argument("--check-only", action="store_true", help="validate the labels and stop")
    args = parser.parse_args(argv)

    labels, problems = read_labels()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 2
    print(f"{len(labels)} labels valid")
    if args.check_only:
        return 0

    args.out.mkdir(parents=True, exist_ok=True)
    missing, sources = [], {"mirror": 0, "github": 0}
    for label in labels:
        text = from_mirror(args.mirror, label)
        source = "mirror"
        if text is None:
            text, source = from_github(label), "github"
        if text is None:
            missing.append(f"{label['id']}: {label['repo']}@{label['commit'][:12]}:{label['path']}")
            continue
        sources[source] += 1
        extension = Path(label["path"]).suffix or ".md"
        (args.out / f"{label['id']}{extension}").write_bytes(text)
        (args.out / f"{label['id']}.json").write_text(
            json.dumps(label, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(labels) - len(missing)} records to {args.out} "
          f"({sources['mirror']} from mirrors, {sources['github']} downloaded)")
    for line in missing:
        print(f"could not get {line}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

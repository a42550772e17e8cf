"""The realistic history repository: a code base with a few hundred decisions, few commits touching them.

`realistic-<N>` (made by `generate.py --variants realistic --sizes 300`): N
records in every dialect (the mixed plan) in `docs/decisions`, inline
decisions in `docs/design`, and a code tree of CODE_FILES files in
CODE_PACKAGES packages, grown through COMMITS commits of which about
DECISION_SHARE touch the decision or design folders (each record's creation,
some acceptances, a few edits and renames); every other commit changes one
to three code files.  This is the shape of real repositories (tens of
thousands of commits, a few hundred decisions, a few percent of commits on
them), next to the adversarial `history-10000`, where every commit changes
a 10,000-file folder.  Branch `bench-review` touches 20 decisions, as there.
"""

from __future__ import annotations

import random
from pathlib import Path

import generate as G  # noqa: N812  (a sibling script, not a package)

CODE_PACKAGES = 40
CODE_FILES = 1000
DECISION_SHARE = 0.02


def _code_text(path: str, lines: list[str]) -> str:
    return f'"""{path}: generated for the adrtool history benchmark."""\n\n' + "".join(lines)


def write_realistic(root: Path, n: int, commits: int, seed: int) -> dict:
    p = G.plan(n, seed)
    rng = random.Random(seed + 2)
    decision_commits = max(n, round(commits * DECISION_SHARE))
    # Records created with their final status, except some proposed first and accepted later.
    final = {r.index: r.status for r in p.records}
    accepted_later = [r for r in p.records if final[r.index] in ("accepted", "rejected", "superseded")]
    rng.shuffle(accepted_later)
    later = {r.index for r in accepted_later[: max(0, (decision_commits - n) * 4 // 5)]}
    for r in p.records:
        r.superseded_by = None
        r.status = "proposed" if r.index in later else ("accepted" if final[r.index] == "superseded" else final[r.index])
    events: list[tuple[int, int, str, G.Record]] = []  # (day offset, order, kind, record) in time order
    for r in p.records:
        day = (r.day - G.FIRST_DAY).days
        events.append((day, len(events), "create", r))
        if r.index in later:
            events.append((day + rng.randint(1, 30), len(events), "status", r))
    numbered = [r for r in p.records if r.number is not None]
    while len(events) < decision_commits:
        r = rng.choice(numbered)
        kind = rng.choices(["typo", "tag", "rename"], [70, 20, 10])[0]
        events.append(((r.day - G.FIRST_DAY).days + rng.randint(40, 600), len(events), kind, r))
    events.sort()
    # Decision commits at random places in the log, in time order; every other commit changes code.
    slots = sorted(rng.sample(range(1, commits), len(events)))
    at = dict(zip(slots, events))
    code_paths = [f"src/pkg{i % CODE_PACKAGES:02d}/module{i // CODE_PACKAGES:02d}.py" for i in range(CODE_FILES)]
    code_lines: dict[str, list[str]] = {path: [] for path in code_paths}
    base = {".adrtool.toml": f'dirs = ["{G.DECISION_DIR}"]\ndesign-dirs = ["{G.DESIGN_DIR}"]\n',
            "README.md": "# Bench project\n\nA code base with decisions, for the adrtool benchmarks.\n",
            f"{G.DECISION_DIR}/README.md": "# Decisions\n\nThe decision log of the benchmark project.\n"}
    base.update((d.path, G.render_design_doc(d)) for d in p.docs)
    base.update((path, _code_text(path, [])) for path in code_paths)
    G._fresh(root)
    fi = G.FastImport(root)
    start = G._epoch(G.FIRST_DAY)
    step = G.SPAN_DAYS * 86400 // commits
    fi.commit("main", "Bench", start, "Start the project", [("M", k, v) for k, v in sorted(base.items())])
    created: set[int] = set()
    for slot in range(1, commits):
        when = start + slot * step
        if slot not in at:
            changed = rng.sample(code_paths, rng.randint(1, 3))
            for path in changed:
                lines = code_lines[path]
                lines.append(f"value_{slot} = {rng.randint(0, 10**6)}\n")
                del lines[:-30]
            fi.commit("main", rng.choice(G.PEOPLE), when, f"code: change {len(changed)} file(s)",
                      [("M", path, _code_text(path, code_lines[path])) for path in changed])
            continue
        _, _, kind, r = at[slot]
        fi.commit("main", r.makers[0], when, *_decision_change(kind, r, final, created, rng))
    main_commits = fi.commits
    touched = G._review_branch(fi, p, rng)
    fi.close()
    return {"records": n, "inline": p.inline_count, "commits_main": main_commits, "decision_commits": len(events),
            "code_files": CODE_FILES, "review_branch": "bench-review", "review_touches": touched}


def _decision_change(kind: str, r: G.Record, final: dict, created: set[int], rng: random.Random):
    """(message, changes) of one commit on the decision folders."""
    changes: list[tuple] = []
    if kind == "create":
        created.add(r.index)
        for old in r.supersedes:
            old.status, old.superseded_by = "superseded", r
            changes.append(("M", old.path, G.render(old)))
        message = f"decisions: propose {r.ident} {r.title}"
    elif kind == "status" and r.status == "proposed":
        r.status = "accepted" if final[r.index] == "superseded" else final[r.index]
        message = f"decisions: {r.status} {r.ident}"
    elif kind == "rename" and r.index in created:
        old_path = r.path
        r.title += " (revised)"
        r.slug = G.slugify(r.title)
        changes.append(("R", old_path, r.path))
        message = f"decisions: retitle {r.ident}"
    elif kind == "tag" and r.dialect == "native":
        r.choice, r.door, r.revisit = G._tags(rng)
        message = f"decisions: tag {r.ident}"
    else:
        r.typo_fixes += 1
        message = f"decisions: fix a typo in {r.ident}"
    if r.index in created:
        changes.append(("M", r.path, G.render(r)))
    return message, changes

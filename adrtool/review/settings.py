"""`[tool.adrtool.review]` (or `[review]` in `.adrtool.toml`): how strict the workflow gate is.

    [tool.adrtool.review]
    accepted-edits = "correction"   # "correction" | "typo" | "any"
    correction-label = "correction"  # the pull-request label that marks a correction
    proposed-on-main = false         # true: a proposed decision may not reach a main branch
    main-branches = ["main", "master"]
    numbers-on-other-branches = true  # false: only the base branch's tip is checked for a taken number

`accepted-edits`: what may change in the body of a record that is accepted
on the base (status and link lines, and every other metadata line such as
the tags, may always change):
- "correction" (default): nothing, unless a commit of the branch that
  touches the file carries a `Correction:` trailer or the pull request has
  the correction label; even then the Decision and Rationale text may change
  only by typo-sized edits (a correction fixes, it does not decide again);
- "typo": typo-sized edits of the whole body pass without a trailer;
- "any": the rule is off.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACCEPTED_EDITS = ("correction", "typo", "any")


@dataclass(frozen=True)
class ReviewSettings:
    accepted_edits: str = "correction"
    correction_label: str = "correction"
    proposed_on_main: bool = False
    main_branches: tuple[str, ...] = ("main", "master")
    numbers_on_other_branches: bool = True
    labels: tuple[str, ...] = field(default_factory=tuple)  # the pull request's labels (`--label`)

    @property
    def corrected_by_label(self) -> bool:
        return self.correction_label.lower() in {label.lower() for label in self.labels}

    def is_main(self, ref: str | None) -> bool:
        if not ref:
            return False
        name = ref.split("/", 1)[1] if ref.startswith(("origin/", "upstream/")) else ref
        return name in self.main_branches


def read(config, labels=()) -> ReviewSettings:
    """The settings of the repository; a wrong value raises ValueError naming the file and key."""
    table = config.settings.get("review", {}) if isinstance(getattr(config, "settings", None), dict) else {}
    where = f"{config.config_file}: [review]" if getattr(config, "config_file", None) else "[review]"
    if not isinstance(table, dict):
        raise ValueError(f"{where} must be a table")
    edits = table.get("accepted-edits", "correction")
    if edits not in ACCEPTED_EDITS:
        raise ValueError(f"{where} accepted-edits must be one of {', '.join(ACCEPTED_EDITS)} (got {edits!r})")
    label = table.get("correction-label", "correction")
    mains = table.get("main-branches", ["main", "master"])
    for key, value, kind in (("correction-label", label, str), ("proposed-on-main", table.get("proposed-on-main", False), bool),
                             ("numbers-on-other-branches", table.get("numbers-on-other-branches", True), bool)):
        if not isinstance(value, kind):
            raise ValueError(f"{where} {key} must be a {'string' if kind is str else 'true or false'}")
    if not (isinstance(mains, list) and all(isinstance(m, str) for m in mains)):
        raise ValueError(f"{where} main-branches must be a list of branch names")
    unknown = set(table) - {"accepted-edits", "correction-label", "proposed-on-main", "main-branches",
                            "numbers-on-other-branches"}
    if unknown:
        raise ValueError(f"{where} has unknown key(s): {', '.join(sorted(unknown))}")
    return ReviewSettings(edits, label, bool(table.get("proposed-on-main", False)), tuple(mains),
                          bool(table.get("numbers-on-other-branches", True)), tuple(labels))

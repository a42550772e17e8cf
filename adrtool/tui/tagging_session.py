"""A tagging session's state: the untagged decisions in order, what was done to each, the writes to undo.

No Textual: the screen (screens/tagging.py) drives a Session and writes
through the app's one write path; tests call these directly.  Decisions are
held by (path, id), since each write reloads the repository and makes new
Decision objects.

- The order is the digest's: decisions in force before proposed ones, closed
  ones last; within each, by the digest's sections (its estimated quadrant:
  deliberate one-way doors, the "likely load-bearing", then arbitrary one-way,
  deliberate two-way, arbitrary two-way), and within a quadrant most
  consequential first (adrtool.digest.consequence: decisions linking to it +
  governs patterns + files they match; ties older first).  A folder that
  nothing links yet would otherwise be walked by number, its cheapest
  decisions as likely first as its load-bearing ones.
- A decision is "accepted" when every tag written for it is its estimate,
  "by hand" when one differs; "skipped" ones stay untagged.
- Undo is a real write through the same path: the file as it was before the
  tags were written when nothing else changed it since; when another writer
  did, only the tag lines are set back (records) or the one line restored
  (inline decisions), so their change is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from adrtool.model import Decision, Kind, Status

ACCEPTED, BY_HAND, SKIPPED = "accepted", "by hand", "skipped"
AXES = ("choice", "door")

Key = tuple[str, str]


def key_of(decision: Decision) -> Key:
    return (decision.path, decision.id)


def find(repo, key: Key) -> Decision | None:
    return next((d for d in repo.decisions if d.path == key[0] and d.id == key[1]), None)


# The digest's sections in its order: one-way doors first, the deliberate before the arbitrary.
QUADRANT_RANK = {"deliberate/one-way": 0, "arbitrary/one-way": 1, "deliberate/two-way": 2, "arbitrary/two-way": 3}


def order(repo, estimate_of=None) -> list[Decision]:
    """The decisions with a tag missing, most consequential first (the digest's ranking).

    `estimate_of(decision)` gives each one's estimate (adrtool.reasoning.estimate),
    whose quadrant, with the tag each already has, orders them by the digest's sections.
    """
    from adrtool.digest.consequence import Consequence, FileMatcher, inbound_links, ranked
    from adrtool.digest.content import in_force
    from adrtool.digest.links import LinkResolver

    untagged = [d for d in repo.decisions if not d.is_tagged]
    inbound = inbound_links(LinkResolver(repo), repo.decisions) if untagged else {}
    matcher = FileMatcher(repo.root)
    consequence = {id(d): Consequence(inbound.get(id(d), 0), len(d.governs), matcher.count(d.governs)) for d in untagged}
    rank = {}
    if estimate_of is not None:
        from adrtool.reasoning.estimate import judged_quadrant

        rank = {id(d): QUADRANT_RANK[judged_quadrant(d, estimate_of(d))] for d in untagged}
    # sorted() is stable: the digest's order within each group
    return sorted(ranked(untagged, consequence),
                  key=lambda d: (0 if in_force(d) else 1 if d.status is Status.PROPOSED else 2, rank.get(id(d), 0)))


@dataclass
class Written:
    """One write of the session, enough to reverse it."""

    position: int
    key: Key
    changes: list  # the Changes written (adrtool.authoring.changes.Change)
    values: dict[str, str]  # axis -> the value written
    outcome: str | None  # the decision's outcome after this write (None: a tag still missing)


@dataclass
class Session:
    keys: list[Key]
    estimates: dict[Key, object]  # key -> Estimate, made when the session started
    position: int = 0
    outcomes: dict[Key, str] = field(default_factory=dict)
    values: dict[Key, dict[str, str]] = field(default_factory=dict)  # what this session wrote, per decision
    undo: list[Written] = field(default_factory=list)

    @classmethod
    def start(cls, decisions: list[Decision], estimates: list) -> "Session":
        return cls([key_of(d) for d in decisions], {key_of(d): e for d, e in zip(decisions, estimates)})

    # ---- where we are -----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self.keys)

    @property
    def done(self) -> bool:
        return self.position >= self.total

    @property
    def current(self) -> Key | None:
        return None if self.done else self.keys[self.position]

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes.values() if o == outcome)

    def progress(self) -> str:
        """"12 of 69, 40 accepted as estimated, 3 by hand, 2 skipped"."""
        shown = min(self.position + 1, self.total)
        parts = [f"{shown} of {self.total}", f"{self.count(ACCEPTED)} accepted as estimated"]
        parts += [f"{n} {what}" for what in (BY_HAND, SKIPPED) if (n := self.count(what))]
        return ", ".join(parts)

    def step(self, offset: int = 1) -> None:
        self.position = max(0, min(self.total, self.position + offset))

    def skip(self) -> None:
        key = self.current
        if key is not None and key not in self.outcomes:
            self.outcomes[key] = SKIPPED
        self.step()

    # ---- what to write ----------------------------------------------------------------------------
    def missing(self, decision: Decision) -> list[str]:
        """The axes still to tag: no tag in the file, and none written by this session yet (the file
        may not have been read again since)."""
        written = self.values.get(key_of(decision), {})
        return [axis for axis in AXES if getattr(decision, axis) is None and axis not in written]

    def proposal(self, decision: Decision) -> dict[str, str]:
        """axis -> estimated value, for each axis still to tag."""
        est = self.estimates.get(key_of(decision))
        return {axis: getattr(est, axis).value for axis in self.missing(decision)} if est is not None else {}

    def wrote(self, decision: Decision, values: dict[str, str], changes: list) -> str | None:
        """Record a write; returns the decision's outcome once nothing is left to tag."""
        key = key_of(decision)
        self.values.setdefault(key, {}).update(values)
        outcome = None
        if not self.missing(decision):
            est = self.estimates.get(key)
            mine = self.values[key]
            same = est is not None and all(getattr(est, axis).value == value for axis, value in mine.items())
            outcome = self.outcomes[key] = ACCEPTED if same else BY_HAND
        self.undo.append(Written(self.keys.index(key) if key in self.keys else self.position, key, changes,
                                 dict(values), outcome))
        return outcome

    def undone(self) -> Written:
        """Forget the last write (once it has been reversed on disk) and go back to its decision."""
        last = self.undo.pop()
        mine = self.values.get(last.key, {})
        for axis in last.values:
            mine.pop(axis, None)
        self.outcomes.pop(last.key, None)
        self.position = last.position
        return last

    def commit_message(self) -> str:
        tagged = self.count(ACCEPTED) + self.count(BY_HAND)
        return (f"decisions: tag {tagged} decision{'s' if tagged != 1 else ''} "
                f"({self.count(ACCEPTED)} as estimated, {self.count(BY_HAND)} by hand)")


# ---- undo: a real write that reverses one ---------------------------------------------------------
def undo_plan(repo, written: Written) -> list:
    """The Changes that reverse `written`, planned on the repository as read now (also the re-plan)."""
    from adrtool import dialects
    from adrtool.authoring.changes import Change
    from adrtool.store import StoreError, read_text

    out = []
    for change in written.changes:
        text = repo.texts.get(change.path)
        if text is None:
            text = read_text(repo.root / change.path)  # (in the file's encoding, as the store reads it)
        if text == change.after:  # nothing else changed the file since: it is put back exactly
            out.append(Change(change.path, text, change.before))
            continue
        decision = find(repo, written.key)
        if decision is None:
            raise StoreError(f"{change.path}: {written.key[1]} is no longer there; not undone")
        if decision.kind is Kind.INLINE:
            out.append(Change(change.path, text, _restore_line(text, change, decision)))
        else:
            undone = text
            writer = dialects.writer_for(decision, text)
            for axis in written.values:
                undone = writer.set_field(undone, axis, None)  # the decision had no tag here before
            out.append(Change(change.path, text, undone))
    return out


def _restore_line(text: str, change, decision: Decision) -> str:
    """The document with the inline decision's line as it was before the session retagged it."""
    from adrtool.store import StoreError

    before = change.before.splitlines(keepends=True)
    after = change.after.splitlines(keepends=True)
    lines = text.splitlines(keepends=True)
    differ = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    row = (decision.line or 0) - 1
    if len(before) != len(after) or len(differ) != 1 or not 0 <= row < len(lines) or lines[row] != after[differ[0]]:
        raise StoreError(f"{change.path}:{decision.line}: the line changed since it was tagged; not undone (e edits it)")
    lines[row] = before[differ[0]]
    return "".join(lines)

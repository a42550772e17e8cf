"""The door's seventh round (decision 0095): the body read always by its cue words, and too little text one-way by
rule whatever the model is fitted to."""

from __future__ import annotations

from adrtool.reasoning import estimate_door, estimate_text
from adrtool.reasoning.estimate import ONE_WAY, TOO_LITTLE, TWO_WAY, estimate
from tests.test_estimates import load_one

# A title and a Decision that name a tool (two-way), and a Context of the author's own words.
LONG = ("# Run the linter in the editor\n\n## Context\n\n{}\n\n## Decision\n\nEvery developer runs the linter in the "
        "editor on save, with the settings kept beside the code, so that the review talks about the change itself "
        "and not about the spaces.\n")


def _read(tmp_path, text):
    repo, d = load_one(tmp_path, text)
    return repo, d, estimate_text.read(d, repo)


def _score(read) -> float:
    return estimate_door.model_score(estimate_door.totals(estimate_door.cues_by_place(read)), read.words, read.inline)


def test_a_short_record_is_decided_by_the_lean_rule_whatever_the_model_weighs(tmp_path, monkeypatch):
    """The model's weights set to call everything one-way: a long record follows them; a short one keeps the lean
    rule's door (here "only a title": a tool named in it, two-way), and one with nothing to go on still leans."""
    short = "# Run the linter in the editor\n\n## Decision\n\nWe run it on save.\n"
    repo, d, read = _read(tmp_path / "short", short)
    assert estimate_door.short(read)
    before = estimate(d, repo).door
    assert (before.value, before.reason) == (TWO_WAY, "internal tooling (little text)"), before
    repo_l, d_l, read_l = _read(tmp_path / "long", LONG.format("The team argues about formatting in every review."))
    assert not estimate_door.short(read_l) and estimate(d_l, repo_l).door.value == TWO_WAY
    repo_g, d_g = load_one(tmp_path / "graphs", "# Generate graphs\n\n## Decision\n\nTo be written.\n")
    monkeypatch.setattr(estimate_door, "_COEF", {k: -5.0 for k in estimate_door._COEF})
    monkeypatch.setattr(estimate_door.model, "BIAS", -5.0)
    assert estimate(d_l, repo_l).door.value == ONE_WAY
    after = estimate(d, repo).door
    assert (after.value, after.reason, after.lean, after.evidence) == \
        (before.value, before.reason, before.lean, before.evidence)
    graphs = estimate(d_g, repo_g).door
    assert (graphs.value, graphs.reason, graphs.lean) == (ONE_WAY, TOO_LITTLE, True), graphs


def test_the_body_is_read_always_and_quoted_only_when_it_decides(tmp_path):
    """A Context full of one-way words lowers the score of a record whose title and Decision already speak, and is
    not quoted; a record whose title and Decision are silent is decided by its Context, which is quoted."""
    _, _, plain = _read(tmp_path / "a", LONG.format("The team argues about formatting in every review, again."))
    repo, d, data = _read(tmp_path / "b", LONG.format("The database schema and its migration are shared."))
    assert _score(data) < _score(plain)
    door = estimate(d, repo).door
    assert door.evidence and all("database" not in e.text for e in door.evidence), door
    silent = ("# Thursday\n\n## Context\n\nThe database schema, the stored files and the migration of old rows are "
              "what the customers' reports read every night.\n\n## Decision\n\nWe agreed on it after a long talk on "
              "a sunny afternoon, and nobody had anything more to add.\n")
    repo, d, read = _read(tmp_path / "c", silent)
    assert [place for place, _, _ in estimate_door.cues_by_place(read)] and \
        {place for place, _, _ in estimate_door.cues_by_place(read)} == {"body"}
    door = estimate(d, repo).door
    assert door.value == ONE_WAY and not door.lean, door
    assert door.evidence and all(e.line == 5 for e in door.evidence), door


def test_the_body_is_read_by_its_cue_words_not_its_phrases(tmp_path):
    """The body's cues are single words (one intersection with the words the choice already found); the title's
    and the Decision's phrases are still read."""
    _, _, read = _read(tmp_path, LONG.format("Nobody outside the team reads the code style; the wire format and the "
                                             "database schema stay as they are."))
    body = [c.text for place, _, c in estimate_door.cues_by_place(read) if place == "body"]
    assert "database" in body and "schema" in body and not any(" " in c for c in body), body  # not "database schema"

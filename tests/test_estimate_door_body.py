"""The door's seventh and eighth rounds (decision 0095): the body (the Context's and the Consequences' words) read
always, too little text decided by the lean rule whatever the model is fitted to, and the body's look-up made cheap
(`Zone.among`, and `_settled`: the body left unread where it cannot change the door)."""

from __future__ import annotations

from adrtool.reasoning import estimate_cues, estimate_door, estimate_text
from adrtool.reasoning.estimate import ONE_WAY, TOO_LITTLE, TWO_WAY, estimate
from adrtool.reasoning.estimate_text import READ_CHARS, Zone
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


def test_among_finds_what_present_finds_whichever_reader_tokenized_first():
    """`Zone.among` gives `present & keys` on a zone nobody tokenized and on one already tokenized, for plain ASCII,
    an address, text beyond ASCII and a section longer than the part read; and the zone it tokenized gives the same
    `present` and phrases as a fresh one."""
    keys = estimate_cues.DOOR_WORD_KEYS
    texts = ["The database schema, its migration (and the public API) stay; the CLI's flags too.",
             "See [the API](https://example.com/database/schema) and <https://example.com/migration>: the cli stays.",
             "Die Datenbank und das öffentliche API — “schema” bleibt; Migration später.",
             "the linter " * (READ_CHARS // 11) + "the database schema and the public api"]
    for raw in texts:
        fresh, first, second = (Zone("context", [(3, raw)]) for _ in range(3))
        expected = fresh.present & keys
        assert first.among(keys) == expected, raw[:40]
        second.present  # noqa: B018  (tokenized by another reader first)
        assert second.among(keys) == expected
        assert first.present == fresh.present and first.padded == fresh.padded
    assert Zone("context", [(3, texts[0])]).among(keys) >= {"database", "schema", "migration", "api", "cli"}
    assert "database" not in Zone("context", [(3, texts[3])]).among(keys)  # past the part read, as `present`


def test_the_options_weighed_are_not_read_as_the_body(tmp_path):
    """The body is the Context and the Consequences (Positive and Negative ones too): the options weighed and the
    Rationale are not read for door words (they carried no better, and cost what the choice leaves untokenized)."""
    record = ("# Run the linter in the editor\n\n## Considered Options\n\n* A hosted service whose database schema "
              "and public API we would have to migrate\n\n## Decision\n\nEvery developer runs the linter in the editor "
              "on save, with the settings kept beside the code, so that the review talks about the change itself.\n\n"
              "## Consequences\n\nThe migration of old branches is left to their authors.\n")
    _, _, read = _read(tmp_path, record)
    body = {c.text for place, zone, c in estimate_door.cues_by_place(read) if place == "body"}
    assert "migration" in body and not body & {"database", "schema", "api"}, body


def test_the_body_left_unread_when_it_cannot_change_the_door_changes_nothing(tmp_path, monkeypatch):
    """`_settled` skips the body's look-up where the title and the Decision already decide beyond what the body can
    add: door, reason, lines and lean are the same as with the body read, for records settled so and for records
    near the line, whose body tips them (a looser bound would settle those wrongly)."""
    one_way = ("The database schema, the stored files, the persisted records, the public API, the wire format, the "
               "identifiers, the protocol, the migration of old rows and the customers' data are what the clients read.")
    two_way = ("The linter, the formatter, the test scripts, the refactoring of the parser module, the editor settings, "
               "the internal tooling, the dashboard, the logging and the tuning of the caches are ours alone.")
    silent = "We agreed on it after a long talk on a sunny afternoon, and nobody had anything more to add to what was said."
    records = [  # (title, Context, Decision, settled)
        ("Use pytest fixtures, the linter and the formatter in the test tooling", one_way,
         "We run the unit tests, the linter and the formatter in the editor and the CI script, as internal tooling "
         "only, a refactoring aid we can stop using any day.", True),
        ("Store the customer data in PostgreSQL", two_way,
         "The database schema, the persisted records, the public API and its wire format, the identifiers the clients "
         "keep: all in PostgreSQL, with a migration for every change.", True),
        ("Thursday", one_way, silent, False),  # nothing stated: the body decides
        ("Use a linter", one_way, silent, False),  # two-way by its title, one-way once the body is read
        ("Thursday", two_way, "We keep the database and the API as they are after a long talk on a sunny afternoon, "
         "nobody had more to add.", False),  # one-way by its Decision, leaning once the body is read
    ]
    reads = []
    for k, (title, context, decision, settled) in enumerate(records):
        repo, d, read = _read(tmp_path / str(k), f"# {title}\n\n## Context\n\n{context}\n\n## Decision\n\n{decision}\n")
        assert estimate_door._settled(estimate_door._stated(read), read) is settled, title
        reads.append((repo, d))
    before = [estimate(d, repo).door for repo, d in reads]
    monkeypatch.setattr(estimate_door, "_settled", lambda stated, text: False)
    assert [estimate(d, repo).door for repo, d in reads] == before
    assert [(e.value, e.lean) for e in before] == \
        [(TWO_WAY, False), (ONE_WAY, False), (ONE_WAY, False), (ONE_WAY, False), (ONE_WAY, True)], before

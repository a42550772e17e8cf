"""Key bindings live in one table with ids and groups; `[tool.adrtool.keys]` rebinds them by id."""

from __future__ import annotations

from adrtool.tui import keys


def test_ids_are_unique_per_screen_and_one_id_means_one_key_everywhere():
    seen: dict[str, tuple[str, str]] = {}
    for scope, group in keys.scopes().items():
        ids = [k.id for k in group]
        assert all(ids) and len(ids) == len(set(ids)), scope
        for k in group:
            assert seen.setdefault(k.id, (k.keys, k.description)) == (k.keys, k.description), k.id
            assert k.group in keys.GROUPS, k.id


def test_the_decision_keys_work_on_the_home_screen_and_in_the_reading_view():
    home = {k.id for k in keys.scopes()["home"]}
    reading = {k.id for k in keys.scopes()["reading"]}
    assert {"decision.choice", "decision.door", "decision.promote", "decision.edit"} <= home & reading


def test_keymap_from_settings_keeps_known_ids_and_warns_about_the_rest():
    keymap, warnings = keys.keymap_from_settings(
        {"keys": {"decision.new": "ctrl+n", "decision.nope": "x", "decision.edit": ""}})
    assert keymap == {"decision.new": "ctrl+n"}
    assert warnings == ["[tool.adrtool.keys]: unknown key id 'decision.nope'",
                        "[tool.adrtool.keys]: 'decision.edit' must be a key such as \"ctrl+n\""]
    assert keys.keymap_from_settings({}) == ({}, [])
    assert keys.keymap_from_settings({"keys": "not a table"}) == ({}, [])


def test_the_readme_key_map_is_the_table():
    table = keys.markdown_table()
    assert all(f"`{binding_id}`" in table for binding_id in keys.all_ids())
    readme = (keys.__file__.rsplit("/adrtool/", 1)[0] + "/README.md")
    assert table in open(readme, encoding="utf-8").read()  # regenerate with keys.markdown_table()

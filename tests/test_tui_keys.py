"""Key bindings live in one table with ids; `[tool.adrtool.keys]` rebinds them by id."""

from __future__ import annotations

from adrtool.tui import keys


def test_every_binding_has_a_unique_id():
    ids = [b.id for b in keys.all_bindings()]
    assert all(ids) and len(ids) == len(set(ids))


def test_keymap_from_settings_keeps_known_ids_and_warns_about_the_rest():
    keymap, warnings = keys.keymap_from_settings(
        {"keys": {"decision.new": "ctrl+n", "decision.nope": "x", "decision.edit": ""}})
    assert keymap == {"decision.new": "ctrl+n"}
    assert warnings == ["[tool.adrtool.keys]: unknown key id 'decision.nope'",
                        "[tool.adrtool.keys]: 'decision.edit' must be a key such as \"ctrl+n\""]
    assert keys.keymap_from_settings({}) == ({}, [])
    assert keys.keymap_from_settings({"keys": "not a table"}) == ({}, [])


def test_the_readme_key_map_lists_every_id():
    table = keys.markdown_table()
    assert all(f"`{binding_id}`" in table for binding_id in keys.all_ids())

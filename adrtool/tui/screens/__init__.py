"""One module per screen; each owns its keys (keys.py, by scope) and its actions.

home (the table, the 2x2, the detail pane), reading (one decision rendered),
documents (the design documents), design_editor (a design document with live
inline decisions), editor (a record), git (commit), dialogs (confirm, pick,
prompt), help (`?`).  A tagging screen (issue 15) goes here too, as its own module.
"""

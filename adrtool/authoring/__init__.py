"""Writing decisions: plan edits as Changes (changes.py), the operations (operations.py),
setting a repository up (project.py), numbers (numbering.py), templates (templates.py),
the status lifecycle (lifecycle.py), renumber and migrate."""

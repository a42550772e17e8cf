"""The terminal UI (Textual).  Only this package imports textual; the core never does."""

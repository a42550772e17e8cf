"""The widgets the screens are made of: the decision table, the 2x2, the detail pane."""

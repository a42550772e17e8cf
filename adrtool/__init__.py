"""adrtool: design decisions in git, tagged deliberate or arbitrary, one-way or two-way door."""

__version__ = "0.1.0"

"""Only the package list lives here; everything else is in pyproject.toml.

Every package under adrtool/, plus adrtool.templates, which is the top-level
templates/ folder (mapped in pyproject.toml's package-dir).
"""

from setuptools import find_packages, setup

setup(packages=find_packages(include=["adrtool", "adrtool.*"]) + ["adrtool.templates"])

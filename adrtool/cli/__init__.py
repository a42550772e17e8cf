"""The command line: parse arguments, call the core, print.  Nothing else lives here.

Each command is a module in this package with `add_arguments(parser)` and
`run(args) -> exit code`; heavy imports stay inside `run`, so `adrtool list`
never imports textual, anthropic or git.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys

from adrtool import __version__
from adrtool.errors import AdrtoolError, describe, one_line

# command -> (module, one-line help).  Order is the order of `adrtool --help`.
COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("adrtool.cli.list_cmd", "list decisions (table or --json)"),
    "show": ("adrtool.cli.show_cmd", "show one decision"),
    "lint": ("adrtool.cli.lint_cmd", "check links, references, ids, tags and parse errors"),
    # authoring (issue 3)
    "init": ("adrtool.cli.init_cmd", "adopt an existing decision folder, or start one"),
    "new": ("adrtool.cli.new_cmd", "create a decision record"),
    "tag": ("adrtool.cli.tag_cmd", "set choice, door and revisit of a decision"),
    "status": ("adrtool.cli.status_cmd", "change a decision's status (lifecycle enforced)"),
    "supersede": ("adrtool.cli.supersede_cmd", "mark OLD as superseded by NEW, in both files"),
    "link": ("adrtool.cli.link_cmd", "link two decisions (amends, relates-to), both ways"),
    "renumber": ("adrtool.cli.renumber_cmd", "give a record a new number and fix every link to it"),
    "migrate": ("adrtool.cli.migrate_cmd", "convert records to another dialect, losslessly"),
    "toc": ("adrtool.cli.toc_cmd", "print or update a Markdown index of decisions"),
    "graph": ("adrtool.cli.graph_cmd", "print the link graph (mermaid or dot)"),
    # git review (issue 4)
    "log": ("adrtool.cli.log_cmd", "a decision's history from git"),
    "review": ("adrtool.cli.review_cmd", "review the decisions changed on this branch"),
    # AI (issue 6), optional
    "ai": ("adrtool.cli.ai_cmd", "optional AI review, tags and summaries (opt-in)"),
    "paper": ("adrtool.cli.paper_cmd", "summarize a paper a decision rests on"),
    # digest (issue 7)
    "digest": ("adrtool.cli.digest_cmd", "the newcomer digest (Markdown or HTML)"),
    # coding agents and the shell (issue 13)
    "governs": ("adrtool.cli.governs_cmd", "which decisions govern these files, and what that means for a change"),
    "promote": ("adrtool.cli.promote_cmd", "turn an inline decision into a full record, keeping its id"),
    "mcp": ("adrtool.cli.mcp_cmd", "serve the decisions to coding agents (Model Context Protocol, stdio)"),
    "completion": ("adrtool.cli.completion_cmd", "print a shell completion script (bash, zsh, fish)"),
}

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
USAGE = "adrtool [--dir DIR] [COMMAND [ARGS ...]]"
DESCRIPTION = ("Design decisions in git: deliberate or arbitrary, one-way or two-way door.\n\n"
               "`adrtool` alone opens the terminal UI on the repository around the current folder;\n"
               "a COMMAND does one thing from the shell.")
EPILOG = ("`adrtool COMMAND --help` explains a command. With --json (or ADRTOOL_ERRORS=json), errors are\n"
          "JSON on stderr: "
          '{"error": CODE, "message": ..., "hint": ...} (the codes are listed in the README).')

# Set by `main` from the command line: whether errors are printed as JSON (a command's --json),
# and the command named, for the hint of an error the top-level parser reports.
_json_errors = False
_command = "adrtool"


class UsageError(AdrtoolError):
    """Bad arguments or environment: one line on stderr, exit code 2."""

    code = "usage"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own errors: one line (or the JSON contract), exit 2
        code = "unknown-command" if message.startswith("argument COMMAND: invalid choice") else "usage"
        prog = _command if self.prog == "adrtool" else self.prog
        report_error(UsageError(message, code=code, hint=f"run `{prog} --help`"), self._print_message_to_stderr)
        self.exit(EXIT_USAGE)

    def _print_message_to_stderr(self, text: str) -> None:
        self._print_message(text, sys.stderr)


def report_error(exc: BaseException, write=None) -> None:
    """Print an error the user can fix: `adrtool: error: ...` on one line, or JSON with --json."""
    code, message, hint = describe(exc)
    if _json_errors:
        text = json.dumps({"error": code, "message": message, "hint": hint}, ensure_ascii=False) + "\n"
    else:
        text = f"adrtool: error: {one_line(message, getattr(exc, 'hint', None))}\n"
    if write is None:
        sys.stderr.write(text)
    else:
        write(text)


def _wants_json(argv: list[str]) -> bool:
    """A command's --json, or ADRTOOL_ERRORS=json (for scripts and agents running commands that print no JSON)."""
    options = argv[: argv.index("--")] if "--" in argv else argv
    return "--json" in options or os.environ.get("ADRTOOL_ERRORS", "").lower() == "json"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (`only`) the top level plus that one command: start-up pays for what it runs.

    Adding every command's arguments imports every command module and builds
    two dozen parsers, about 4 ms, a large share of a short command's own work.
    """
    parser = _Parser(prog="adrtool", usage=USAGE, description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"adrtool {__version__}")
    parser.add_argument("--dir", action="append", metavar="DIR", help="decision folder (repeatable); overrides configuration")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser,
                                title="commands (none: open the terminal UI)")
    for name, (module_name, help_text) in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = _command_module(module_name)
        if module is None:
            continue  # a command whose module is not built yet
        p = sub.add_parser(name, help=help_text, description=help_text, prog=f"adrtool {name}")
        p.add_argument("--dir", action="append", metavar="DIR", dest="sub_dir", help=argparse.SUPPRESS)
        module.add_arguments(p)
        p.set_defaults(_module=module_name)
    return parser


def _command_named(argv: list[str]) -> str | None:
    """The command `argv` runs, when it is plain to see (the first word that is not a top-level option)."""
    words = iter(argv)
    for word in words:
        if word == "--dir":
            next(words, None)
        elif word.startswith("--dir="):
            continue
        elif word.startswith("-"):
            return None  # --help, --version, an unknown option: the whole parser answers
        else:
            return word if word in COMMANDS else None
    return None


def _command_module(name: str):
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise


def main(argv: list[str] | None = None) -> int:
    global _json_errors, _command
    argv = sys.argv[1:] if argv is None else argv
    _json_errors = _wants_json(argv)
    _command = "adrtool" + next((f" {a}" for a in argv if a in COMMANDS), "")
    parser = build_parser(_command_named(argv))
    args = parser.parse_args(argv)
    args.dir = (args.dir or []) + (getattr(args, "sub_dir", None) or [])
    if not args.command:
        return _open_tui(args)
    module = importlib.import_module(args._module)
    return _guarded(lambda: module.run(args))


def _open_tui(args) -> int:
    try:
        importlib.import_module("adrtool.tui.app")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("adrtool.tui"):
            build_parser().print_help()
            return EXIT_OK
        raise
    from adrtool.tui.app import run as run_tui

    return _guarded(lambda: run_tui(args))


def _guarded(fn) -> int:
    """Turn the errors a user can fix into one line and exit code 2; never a traceback for them."""
    try:
        return fn()
    except AdrtoolError as exc:
        report_error(exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("adrtool: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK

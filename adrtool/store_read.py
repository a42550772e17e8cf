"""One file read, decoded and parsed: its bytes (`_read_bytes`), its text (`decode_file`), its decisions
(`parse_text`), or the problem that says why it holds none; `store` reads every file through these."""

from __future__ import annotations

import os

from adrtool import dialects, file_encoding, frontmatter
from adrtool.model import Problem

MAX_BYTES = 4 * 1024 * 1024  # a decision record over 4 MB is not a decision record


def _decode(path_rel: str, data: bytes) -> tuple[str | None, Problem | None]:
    if data.find(b"\x00", 0, 8192) >= 0:  # (a slice would copy the bytes first)
        name = path_rel.rsplit("/", 1)[-1]
        kind = f"a .{name.rsplit('.', 1)[-1]} name" if "." in name else "no extension"
        return None, Problem(path_rel, f"binary file with {kind}; skipped", code="binary")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        text, encoding = file_encoding.decode_legacy(data)
        return text, file_encoding.finding(path_rel, data, encoding)


def load_file(rel: str, data: bytes, in_decision_dir: bool, log4brains: bool):
    """(text, record, inline decisions, problem) for one file's bytes; never raises."""
    text, problem = decode_file(rel, data)
    if text is None:
        return None, None, [], problem
    parsed = parse_text(rel, text, in_decision_dir, log4brains)
    return parsed if problem is None else with_encoding(parsed, problem)


def with_encoding(parsed: tuple, legacy: file_encoding.LegacyEncoding) -> tuple:
    """`parse_text`'s answer for a file read in a legacy encoding (`legacy`: its finding): the record
    carries the finding and its encoding; a file without a record has the finding as its problem, unless
    it has a problem of its own (a file has one problem: the one that says most)."""
    text, record, inline, problem = parsed
    if record is not None:
        record.encoding = legacy.encoding
        record.problems.append(legacy)
        return parsed
    return text, record, inline, problem or legacy


def decode_file(rel: str, data: bytes) -> tuple[str | None, Problem | None]:
    """The text of one file's bytes (no byte-order mark), or the problem that makes it unreadable; for a
    file that is not UTF-8, its text and its `legacy-encoding` finding (`file_encoding`, `with_encoding`)."""
    if len(data) > MAX_BYTES:
        mb = len(data) / 1024 / 1024
        return None, Problem(rel, f"file too large ({mb:.1f} MB; limit {MAX_BYTES // 1024 // 1024} MB); skipped", code="too-large")
    text, problem = _decode(rel, data)
    if text is None:
        return None, problem
    return (text[1:] if text.startswith("\ufeff") else text), problem


def parse_text(rel: str, text: str, in_decision_dir: bool, log4brains: bool):
    """(text, record, inline decisions, problem) for one file's decoded text; never raises."""
    try:
        record, inline = dialects.parse_file(rel, text, in_decision_dir, log4brains)
    except frontmatter.FrontMatterError as exc:
        return text, None, [], Problem(rel, str(exc), exc.line, "front-matter")
    except RecursionError:
        return text, None, [], Problem(rel, "file nests too deeply to read", code="parse-error")
    return text, record, inline, None


def _read_and_parse(items: list[tuple[str, str, bool]], log4brains: bool) -> list[tuple]:
    """(rel, text, record, inline, problem) for each file; never raises."""
    return list(read_and_parse_each(items, log4brains))


def read_and_parse_each(items: list[tuple[str, str, bool]], log4brains: bool):
    """(rel, text, record, inline, problem) for each file, one at a time; never raises."""
    for path, rel, is_decision_dir in items:
        try:
            data = _read_bytes(path)
        except OSError as exc:
            yield rel, None, None, [], Problem(rel, f"cannot read: {exc.strerror}", code="unreadable")
            continue
        # The common case without `load_file`'s three calls a file: not too large, not binary, UTF-8.
        if len(data) <= MAX_BYTES and data.find(b"\x00", 0, 8192) < 0:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                yield (rel, *parse_text(rel, text[1:] if text.startswith("\ufeff") else text, is_decision_dir,
                                        log4brains))
                continue
        yield (rel, *load_file(rel, data, is_decision_dir, log4brains))  # (which says what is wrong with it)


def _read_bytes(path: str) -> bytes:
    """The file's bytes, at most MAX_BYTES + 1 of them (enough to say it is too large).

    `os.open` and one `os.read` of 64 KiB: no file object, no buffer (a third of the cost of
    `open().read()` for 10,000 small files), and no `fstat` for the size (a quarter of what
    remained: a short read of a file is its end, as a read of the size `fstat` gave plus one
    was).  A file that fills the first read is read on to its end, up to the limit.
    """
    fd = os.open(path, os.O_RDONLY)
    try:
        data = os.read(fd, _FIRST_READ)
        if len(data) < _FIRST_READ:
            return data
        parts, total, limit = [data], len(data), MAX_BYTES + 1
        while total < limit:
            more = os.read(fd, min(limit - total, max(os.fstat(fd).st_size + 1 - total, _FIRST_READ)))
            if not more:
                break
            parts.append(more)
            total += len(more)
        return b"".join(parts)
    finally:
        os.close(fd)


_FIRST_READ = 1 << 16  # larger than almost every decision record

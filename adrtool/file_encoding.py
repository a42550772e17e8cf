"""How a decision file's bytes become text and back: UTF-8, else one legacy rule, written back in kind.

Some public folders hold a record saved by an editor that did not use UTF-8 (accented French,
German or Portuguese in Windows-1252 or Latin-1).  Such a file is read, never skipped: its bytes
are decoded as cp1252, or, when they hold one of the five bytes cp1252 leaves undefined, as
latin-1 (which decodes any byte), and the record carries a `legacy-encoding` finding.  Both
decodings give back the exact bytes when encoded again, so a write (`store_write`) encodes the
new text in the encoding of the bytes on disk, and refuses, naming the file, when the new text
holds a character that encoding cannot hold.  UTF-8 is always tried first, and only a
`UnicodeDecodeError` leads here: reading a UTF-8 folder costs nothing more (decision 0100).
"""

from __future__ import annotations

from dataclasses import dataclass

from adrtool.errors import StoreError
from adrtool.model import Problem

CODE = "legacy-encoding"  # the finding's stable code (`adrtool lint`)
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class LegacyEncoding(Problem):
    """The finding of a file read in a legacy encoding, which it names."""

    encoding: str = "cp1252"


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a file's bytes: UTF-8 when they are, else `decode_legacy`."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return decode_legacy(data)


def decode_legacy(data: bytes) -> tuple[str, str]:
    """(text, encoding) of bytes that are not UTF-8: cp1252, or latin-1 when cp1252 leaves a byte undefined.

    A UTF-8 byte-order mark opening them (an editor's "UTF-8 with BOM" on a file holding a cp1252 byte)
    is a mark, not the text's "ï»¿": it is left out, as the store leaves it out of a UTF-8 file's text,
    and a write puts it back (`store_write._on_disk`)."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # (0x81, 0x8d, 0x8f, 0x90 or 0x9d)
        return data.decode("latin-1"), "latin-1"


def finding(rel: str, data: bytes, encoding: str) -> LegacyEncoding:
    """The lint finding of a file read in a legacy `encoding`: the first byte that is not UTF-8, and the repair."""
    try:
        data.decode("utf-8")
        line, byte = None, ""
    except UnicodeDecodeError as exc:
        line, byte = data.count(b"\n", 0, exc.start) + 1, f" (byte 0x{data[exc.start]:02x})"
    return LegacyEncoding(rel, f"not UTF-8{byte}; read as {encoding} and written back in it; convert it to UTF-8 "
                               f"with `iconv -f {encoding} -t utf-8 {rel} > tmp && mv tmp {rel}`", line, CODE,
                          "warning", encoding)


def encode(text: str, current: bytes | None, name: str) -> bytes:
    """`text` as bytes in the encoding of `current` (the file on disk; UTF-8 for a new file or a UTF-8 one).

    Raises a one-line StoreError naming the file when the file is not UTF-8 and `text` holds a
    character its encoding cannot hold (nothing is written then)."""
    if current is None:
        return text.encode("utf-8")
    try:
        current.decode("utf-8")
        return text.encode("utf-8")
    except UnicodeDecodeError:
        pass
    _, encoding = decode_legacy(current)
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        ch = text[exc.start]
        raise StoreError(f"{name}: saved in {encoding}, which cannot hold {ch!r} (U+{ord(ch):04X}) of the new text; "
                         f"nothing written", hint=f"convert it to UTF-8 first: iconv -f {encoding} -t utf-8") from None

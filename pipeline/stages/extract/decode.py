"""Decoding the raw bytes of a document for extract: BOMs, UTF-8, a declared HTML charset,
then the configured fall-backs (Latin-1 last, which never fails). Stray NUL bytes are allowed
in small numbers (they become ``extract.nul_byte`` gaps); more make the file binary."""

from __future__ import annotations

import codecs
import re

from ...errors import InputError
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
ENCODING_BOM = declare("extract.encoding.bom", stage="extract", why="a byte-order mark names the encoding")
ENCODING_UTF8 = declare("extract.encoding.utf8", stage="extract", why="the bytes decode as UTF-8 without error")
ENCODING_DECLARED = declare("extract.encoding.declared", stage="extract",
        why="an HTML page's declared charset decodes the bytes")
ENCODING_FALLBACK = declare("extract.encoding.fallback", stage="extract",
        why="no better evidence: the configured fallback encodings, Latin-1 last",
        params=["fallback_encodings"])

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)


def decode(data: bytes, is_html: bool, fallbacks: list[str], nul_max: int = 0,
           nul_share: float = 0.0) -> tuple[str, str, str]:
    """Decode raw bytes: (text, encoding, rule). BOMs first, then UTF-8, then fall-backs.

    A file with NUL bytes is binary, unless they are a few strays in a text (at most
    ``nul_max`` and ``nul_share`` of the bytes): those stay in the decoded text, and the
    extractors leave them out as ``extract.nul_byte`` gaps."""
    if data.startswith(codecs.BOM_UTF8) and _utf8_ok(data):
        return data.decode("utf-8-sig"), "utf-8-sig", ENCODING_BOM
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", ENCODING_BOM
        except UnicodeDecodeError:
            raise InputError("invalid UTF-16 after a UTF-16 byte-order mark") from None
    nuls = data.count(b"\x00")
    if nuls and (nuls > nul_max or nuls > nul_share * len(data)):
        raise InputError("binary file (NUL bytes), not text or HTML")
    if _utf8_ok(data):
        return data.decode("utf-8"), "utf-8", ENCODING_UTF8
    if is_html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            enc = m.group(1).decode("ascii", "replace").lower()
            try:
                if codecs.lookup(enc).name not in ("utf-8",):
                    return data.decode(enc), enc, ENCODING_DECLARED
            except (LookupError, UnicodeDecodeError):
                pass
    text, enc = _fallback(data, fallbacks)
    return text, enc, ENCODING_FALLBACK


def _utf8_ok(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _fallback(data: bytes, fallbacks: list[str]) -> tuple[str, str]:
    for enc in fallbacks:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"  # never fails: every byte is a code point

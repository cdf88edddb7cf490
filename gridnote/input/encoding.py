"""What a text file's bytes are: the encodings gridnote reads, and naming the ones it does not.

Read: UTF-8 (with or without a BOM), UTF-16 (Excel's "Unicode text", with
or without a BOM) and GB18030 (a superset of GBK and GB2312: what Chinese
Excel writes by default). A file that is not strict UTF-8 is handed to
charset-normalizer, imported only then: it tells GB18030 from Big5 (whose
bytes GB18030 would also accept, as nonsense such as ﹎ ┦) and from other
encodings, which are refused with their name rather than read as nonsense.

Short files give a detector little to go on, so its answer is weighed with
what a Chinese roster is likely to be: UTF-16 only when the bytes hold the
NULs its ASCII (commas, line ends, digits) must have and read as lines of
text; a Chinese encoding when
the detector names one among its candidates at all, GB18030 before Big5 as
it ranks them.
"""

from __future__ import annotations

from gridnote.errors import FileError

READ = ("utf-8", "utf-8-sig", "utf-16", "gb18030")

_GB = {"gb18030", "gbk", "gb2312", "hz", "cp936"}
_BIG5 = {"big5", "big5hkscs", "cp950"}
_UTF16 = {"utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"}
# Names she may know an encoding by: message keys, else the codec's own name
_NAMED = {
    "big5": "encoding.big5",
    "big5hkscs": "encoding.big5",
    "cp950": "encoding.big5",
    "shift_jis": "encoding.shift_jis",
    "shift_jis_2004": "encoding.shift_jis",
    "cp932": "encoding.shift_jis",
    "euc_jp": "encoding.euc_jp",
    "euc_jis_2004": "encoding.euc_jp",
    "euc_kr": "encoding.korean",
    "cp949": "encoding.korean",
    "johab": "encoding.korean",
}


def decode(data: bytes, name: object) -> tuple[str, str]:
    """The text of a file's bytes and the encoding it was read in (one of :data:`READ`).

    ``name`` is how the file is named in an error (its path). Raises
    :class:`FileError` naming the encoding when it is one gridnote does not read.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    codec = _detect(data)
    if codec is None:
        raise FileError("import.unknown_encoding", file=name)
    if codec in _GB:
        return _strict(data, "gb18030", name), "gb18030"
    if codec in _UTF16:
        return _strict(data, codec.replace("_", "-"), name), "utf-16"
    raise FileError("import.unsupported_encoding", file=name, encoding=encoding_name(codec))


def encoding_name(codec: str) -> str:
    """An encoding as she may know it: ``Big5（繁体中文）``, ``Shift_JIS (Japanese)``, else the codec's name."""
    from gridnote.messages.i18n import t

    key = _NAMED.get(codec)
    return t(key) if key else codec.replace("_", "-").upper()


def _strict(data: bytes, codec: str, name: object) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise FileError("import.unknown_encoding", file=name) from exc


def _detect(data: bytes) -> str | None:
    """The codec charset-normalizer finds likeliest for a roster (see the module docstring); None if none."""
    try:
        import charset_normalizer
    except ImportError:  # not installed: GB18030, as before there was a detector
        return "gb18030" if _decodes(data, "gb18030") else None
    found = [match.encoding for match in charset_normalizer.from_bytes(data)]
    found = [codec for codec in found if codec not in _UTF16 or _looks_like_a_table(data, codec)]
    chinese = [codec for codec in found if (codec in _GB or codec in _BIG5) and _decodes(data, codec)]
    if chinese:
        return chinese[0]
    return found[0] if found else None


def _looks_like_a_table(data: bytes, codec: str) -> bool:
    """UTF-16 without a BOM only when the text it gives has lines and no control characters."""
    if b"\x00" not in data or not _decodes(data, codec):
        return False
    text = data.decode(codec)
    return "\n" in text and not any(ord(char) < 32 and char not in "\t\r\n" for char in text)


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True

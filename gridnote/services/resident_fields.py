"""Reading a resident's fields as typed on the command line or found in a spreadsheet.

``gridnote resident add``, ``edit`` and ``import`` share these, so a value is
accepted or refused the same way wherever it comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from gridnote.domain.vocab import GENDERS, normalize_tags, split_list
from gridnote.errors import InputError
from gridnote.input.address import Address, parse_address
from gridnote.input.text import normalize, one_line

_BIRTH = re.compile(r"^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?$")
_COMPACT_BIRTH = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_PHONE_ALLOWED = re.compile(r"^\+?[0-9][0-9\- ]{5,19}$")
# a mainland mobile behind the country code: +86, 0086 or a bare 86 (13 digits can be nothing else)
_CN_MOBILE_WITH_PREFIX = re.compile(r"(?:\+86|0086|86)(1[3-9]\d{9})")
_ID18 = re.compile(r"^\d{17}[\dX]$")
_ID15 = re.compile(r"^\d{15}$")
# the province (first two digits) of the address code, GB/T 2260, and 81-83 of the residence
# permits of Hong Kong, Macao and Taiwan residents; the county digits are not checked (thousands,
# and they change)
_ID_PROVINCES = frozenset(
    (*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55), *range(61, 66), 71, 81, 82, 83)
)
_MOBILE = re.compile(r"1[3-9]\d{9}")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass
class ContactInput:
    name: str
    relation: str | None = None
    phone: str | None = None
    nearby: bool = False


@dataclass
class ResidentInput:
    """Fields to write; ``None`` means "not given" (left as it is on edit)."""

    name: str | None = None
    alias: str | None = None
    address: Address | None = None
    gender: str | None = None
    birth: str | None = None
    phones: list[str] | None = None
    id_number: str | None = None
    note: str | None = None
    tags: list[str] = field(default_factory=list)
    contacts: list[ContactInput] = field(default_factory=list)


def clean_name(text: str) -> str:
    value = normalize(one_line(text))
    if not value:
        raise InputError("resident.name_empty")
    if len(value) > 40:
        raise InputError("resident.name_too_long", name=value[:20])
    return value


def clean_alias(text: str) -> str | None:
    value = normalize(one_line(text))
    return value or None


def clean_address(text: str) -> Address:
    address = parse_address(text)
    if address is None or not address.complete:
        raise InputError("resident.bad_address", text=text)
    return address


def clean_gender(text: str) -> str | None:
    if not text.strip():
        return None
    code = GENDERS.lookup(text)
    if code is None:
        raise InputError("resident.bad_gender", text=text)
    return code


def clean_birth(value: str | date | datetime, *, today: date | None = None) -> str | None:
    """``1948``, ``1948-03-02``, ``1948/3/2``, ``1948年3月2日``, ``19480302`` → ISO (year or date)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _check_birth(value.year, value.month, value.day, value.isoformat(), today)
    text = normalize(str(value)).replace(" ", "")
    if not text:
        return None
    if text.endswith(".0") and text[:-2].isdigit():  # a year read from a spreadsheet as a number
        text = text[:-2]
    if re.fullmatch(r"\d{4}年", text):
        text = text[:-1]
    if re.fullmatch(r"\d{5}", text) and 10_000 <= int(text) <= 60_000:
        # an Excel date serial number (days since 1899-12-30), as a CSV saves a date cell
        from datetime import timedelta

        serial = date(1899, 12, 30) + timedelta(days=int(text))
        return _check_birth(serial.year, serial.month, serial.day, serial.isoformat(), today, original=text)
    match = _BIRTH.match(text) or _COMPACT_BIRTH.match(text)
    if not match:
        raise InputError("resident.bad_birth", text=value)
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    if month is None:
        iso = f"{year:04d}"
    elif day is None:
        iso = f"{year:04d}-{month:02d}"
    else:
        iso = f"{year:04d}-{month:02d}-{day:02d}"
    return _check_birth(year, month, day, iso, today, original=str(value))


def _check_birth(
    year: int, month: int | None, day: int | None, iso: str, today: date | None, original: str | None = None
) -> str:
    from gridnote import clock

    today = today or clock.today()
    try:
        if month is not None:
            born = date(year, month, day or 1)
        else:
            born = date(year, 1, 1)
    except ValueError as exc:
        raise InputError("resident.bad_birth", text=original or iso) from exc
    if born > today or year < today.year - 120:
        raise InputError("resident.implausible_birth", text=original or iso)
    return iso


def clean_phone(text: str) -> str:
    """One phone as it is stored: a mainland mobile as its 11 digits, anything else as typed.

    ``+86 138 0000 2222``, ``0086-13800002222``, ``86-138-0000-2222`` and
    ``138 0000 2222`` all become ``13800002222``, so look-ups by number find
    them whatever way it was typed. A landline keeps its area-code form
    (``0571-88886666``); other countries keep their ``+`` prefix.
    """
    value = normalize(text).replace("（", "(").replace("）", ")")
    value = value.replace("(", "").replace(")", "").strip()
    if not _PHONE_ALLOWED.match(value):
        raise InputError("resident.bad_phone", text=text)
    digits = re.sub(r"\D", "", value)
    if len(digits) < 7 or len(digits) > 15:
        raise InputError("resident.bad_phone", text=text)
    mobile = _CN_MOBILE_WITH_PREFIX.fullmatch(value.replace(" ", "").replace("-", ""))
    if mobile:
        return mobile[1]
    if digits.startswith("1") and not value.startswith("+"):  # no area code starts with 1: a mobile
        if not _MOBILE.fullmatch(digits):
            raise InputError("resident.bad_mobile", text=text)
        return digits
    return value.replace(" ", "-")


def phone_spellings(term: str) -> tuple[str, ...]:
    """The ways a mobile looked up as ``13800002222`` may be written in a notebook.

    Phones stored before prefixes and separators were stripped on input read
    ``+86-138-0000-2222``, and notes say ``138 0000 2222``: a look-up of the
    11 digits also tries these spellings (no migration rewrites old rows).
    Anything but a whole mainland mobile is looked up as it is.
    """
    if not re.fullmatch(r"1[3-9]\d{9}", term):
        return (term,)
    groups = (term[:3], term[3:7], term[7:])
    return (term, "-".join(groups), " ".join(groups))


def clean_phones(texts: list[str]) -> list[str]:
    phones: list[str] = []
    for text in texts:
        for part in split_list(text.replace(" ", ",") if _looks_like_phone_list(text) else text):
            phone = clean_phone(part)
            if phone not in phones:
                phones.append(phone)
    return phones


def _looks_like_phone_list(text: str) -> bool:
    # "13800000001 13900000002": two mobiles separated by a space
    parts = text.split()
    return len(parts) > 1 and all(len(re.sub(r"\D", "", p)) >= 11 for p in parts)


def clean_id_number(text: str) -> str | None:
    """A resident identity card number: 18 characters (or the old 15) whose address code starts with a
    province, whose birth date is a day already past, and (18) whose check digit is right."""
    from gridnote import clock

    value = normalize(text).replace(" ", "").upper()
    if not value:
        return None
    if not (_ID18.match(value) or _ID15.match(value)):
        raise InputError("resident.bad_id_number", text=text)
    if int(value[:2]) not in _ID_PROVINCES:
        raise InputError("resident.bad_id_area", text=text, area=value[:2])
    birth = value[6:14] if len(value) == 18 else "19" + value[6:12]
    try:
        born = date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))
    except ValueError:
        born = None
    if born is None or born > clock.today() or born.year < 1890:
        raise InputError("resident.bad_id_birth", text=text, digits=birth)
    if len(value) == 15:
        return value
    total = sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS, strict=False))
    if _ID_CHECK[total % 11] != value[17]:
        raise InputError("resident.bad_id_checksum", text=text)
    return value


def check_id_number(id_number: str, birth: str | None, gender: str | None) -> None:
    """An ID number must agree with the birth date and gender typed beside it."""
    born = birth_from_id(id_number)
    if born and birth and not born.startswith(birth[:10]):
        raise InputError("resident.id_birth_mismatch", id=id_number, birth=birth, id_birth=born)
    if len(id_number) == 18 and gender:
        id_gender = "m" if int(id_number[16]) % 2 else "f"
        if id_gender != gender:
            raise InputError("resident.id_gender_mismatch", id=id_number)


def birth_from_id(number: str) -> str | None:
    """The birth date written in an 18-character ID number."""
    if len(number) == 18:
        try:
            return date(int(number[6:10]), int(number[10:12]), int(number[12:14])).isoformat()
        except ValueError:
            return None
    return None


def clean_tags(texts: list[str]) -> list[str]:
    tags = normalize_tags(texts)
    for tag in tags:
        if len(tag) > 30:
            raise InputError("resident.bad_tag", text=tag)
    return tags


def parse_contact(text: str) -> ContactInput:
    """``张明,儿子,13800000000,nearby`` (name, relation, phone, optional nearby/附近)."""
    parts = [p.strip() for p in re.split(r"[,，:：;；]", normalize(text))]
    if not parts or not parts[0]:
        raise InputError("resident.bad_contact", text=text)
    name = parts[0]
    relation = parts[1] if len(parts) > 1 and parts[1] else None
    phone = clean_phone(parts[2]) if len(parts) > 2 and parts[2] else None
    nearby = False
    if len(parts) > 3 and parts[3]:
        flag = parts[3].lower()
        if flag in {"nearby", "near", "yes", "y", "1", "附近", "住附近", "是", "近"}:
            nearby = True
        elif flag not in {"far", "no", "n", "0", "远", "外地", "否", "不在附近"}:
            raise InputError("resident.bad_contact", text=text)
    if len(parts) > 4:
        raise InputError("resident.bad_contact", text=text)
    return ContactInput(name, relation, phone, nearby)

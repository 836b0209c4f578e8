"""Paper sizes, and the default for a person: US Letter in the US and Canada, A4 elsewhere."""

from __future__ import annotations

import re
from enum import StrEnum

from bot.export.model import Header


class Paper(StrEnum):
    """The two paper sizes a resume is printed on."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def size_mm(self) -> tuple[float, float]:
        """Width and height in millimetres."""
        return (210.0, 297.0) if self is Paper.A4 else (215.9, 279.4)


# "+1 415…", "001 416…", "+1-(604)…": the North American Numbering Plan, and only it, is +1.
_NANP_PHONE = re.compile(r"^\s*(?:\+|00)\s*1(?:[\s\-.()/]|\d|$)")
# Country names, matched as whole words whatever the case.
_COUNTRY_WORDS = re.compile(
    r"\b(?:united\s+states(?:\s+of\s+america)?|canada|kanada|estados\s+unidos|"
    r"états-unis|etats-unis|usa|u\.s\.a\.?|u\.s\.)(?!\w)",
    re.IGNORECASE,
)
# "US" in capitals only: in lower case it is a word.
_US_CAPS = re.compile(r"\bUS\b")
_STATES = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii "
    "Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan "
    "Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico "
    "New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island "
    "South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington West_Virginia "
    "Wisconsin Wyoming District_of_Columbia "
    # Georgia is left out on purpose: "Tbilisi, Georgia" is the country.
    "Ontario Quebec Québec British_Columbia Alberta Manitoba Saskatchewan Nova_Scotia "
    "New_Brunswick Newfoundland Prince_Edward_Island Yukon Nunavut Northwest_Territories"
).split()
_STATE_NAMES = re.compile(
    r"\b(?:" + "|".join(s.replace("_", r"\s+") for s in _STATES) + r")\b", re.IGNORECASE
)
# Two-letter codes after a comma, in capitals: "Austin, TX", "Toronto, ON".
_CODES = set(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC "
    "AB BC MB NB NL NS NT NU ON PE QC SK YT".split()
)
# Codes that are also ISO country codes ("Berlin, DE", "Tel Aviv, IL", "Pune, IN") say the US
# or Canada only when the phone does not name another country.
_AMBIGUOUS = set(
    "AL AZ AR CA CO DE GA ID IL IN KY LA ME MD MA MN MS MO MT NE NC SC SD TN VA "
    "NL NU PE SK YT".split()
)
_CODE_AFTER_COMMA = re.compile(r",\s*([A-Z]{2})\b(?:\s+\d{5}(?:-\d{4})?)?")


def _location_says(location: str, phone_elsewhere: bool) -> bool:
    """Whether a location names the US or Canada (a state or province counts)."""
    if _COUNTRY_WORDS.search(location) or _US_CAPS.search(location):
        return True
    if _STATE_NAMES.search(location):
        return True
    for code in _CODE_AFTER_COMMA.findall(location):
        if code in _CODES and not (code in _AMBIGUOUS and phone_elsewhere):
            return True
    return False


def default_paper(header: Header) -> Paper:
    """US Letter for a +1 phone or a location in the US or Canada, A4 everywhere else.

    The location is read as written: country names ("USA", "United States", "Canada"), state
    and province names ("Ontario"), and "City, ST" codes ("New York, NY", "Toronto, ON"). A
    code that is also a country's ("Berlin, DE") counts only when the phone has no other
    country code.
    """
    phone = header.phone.strip()
    if _NANP_PHONE.match(phone):
        return Paper.LETTER
    phone_elsewhere = phone.startswith(("+", "00"))
    return Paper.LETTER if _location_says(header.location, phone_elsewhere) else Paper.A4

"""Chinese numerals (二十, 两千, 二〇二三) as integers, for the dates, figures and counts that several
stages read."""

from __future__ import annotations

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


CN_UNITS = {"十": 10, "百": 100, "千": 1000}


CN_SECTIONS = {"万": 10_000, "亿": 100_000_000}


def chinese_integer(text: str) -> int | None:
    """An integer written in ASCII or Chinese numerals: 二十 → 20, 两千 → 2000, 二〇二三 → 2023; None if not one."""
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if len(text) > 1 and all(ch in CN_DIGITS for ch in text):  # positional: 二〇二三
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
        elif ch in CN_SECTIONS:
            total = (total + section + (digit or 0)) * CN_SECTIONS[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)

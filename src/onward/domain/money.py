"""Reading salary ranges as people write them."""

from __future__ import annotations

import re

from onward.errors import InvalidInput

_MONEY = re.compile(r"(\d[\d,.\s]*)(k)?", re.IGNORECASE)


def parse_salary(text: str) -> tuple[int | None, int | None, str | None]:
    """``"80k-95k EUR"``, ``"$90,000"``, ``"70000 - 80000"`` → (low, high, currency)."""
    symbols = {"$": "USD", "€": "EUR", "£": "GBP"}
    currency = next((code for sym, code in symbols.items() if sym in text), None)
    code = re.search(r"\b([A-Za-z]{3})\b", text)
    if code and code.group(1).lower() != "k":
        currency = code.group(1).upper()
    amounts = []
    for number, thousands in _MONEY.findall(text):
        digits = re.sub(r"[,\s]", "", number).split(".")[0]
        if digits:
            amounts.append(int(digits) * (1000 if thousands else 1))
    if not amounts or len(amounts) > 2:
        raise InvalidInput(f"cannot read the salary {text!r}", hint="for example 80000-95000 EUR")
    return amounts[0], amounts[-1], currency

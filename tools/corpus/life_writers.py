"""Everyday writers of the voices corpus: friends, family, shops, banks, clubs, mailing
lists (``voice_life``'s kinds), each writing mail that is not about a job."""

from __future__ import annotations

import random

from tools.corpus import voice_life as L
from tools.corpus import voice_world as V
from tools.corpus.writer import GREETINGS, SIGNOFFS, Example, Writer, localise, pick


def life_example(rng: random.Random, w: Writer) -> Example:
    bulk = L.KINDS[w.kind][3]
    mine: list[str] = w.bank["sentences"]
    n = {0: 1, 1: 2, 2: 3, 3: 5}[w.length]
    chosen = pick(rng, mine, n)
    role = rng.choice(V.ROLES[rng.choice(list(V.ROLES))])
    values = {"role": role, "n": str(rng.randint(1000, 99999)), "s": w.bank["stem"]}
    body_lines = [s.format(**values) for s in chosen]
    greet = rng.choice(w.bank["greet"]).format(cand=rng.choice(V.CANDIDATES), last="")
    body = "\n".join(
        [greet, "", " ".join(body_lines) if w.tone != "bulk" else "\n\n".join(body_lines)]
    )
    if w.tone != "bulk":
        body += f"\n\n{rng.choice(w.bank['signoff'])}\n{w.me.split()[0]}"
    elif rng.random() < 0.5:
        body += "\n\nYou are receiving this email because you signed up. Unsubscribe."
    body = localise(body.strip(), w.country)
    out: Example = {
        "subject": rng.choice(w.bank["subjects"]).format(**values),
        "sender": w.sender,
        "body": body,
        "label": "other",
        "company": None,
        "role": None,
        "family": w.family,
    }
    if bulk and rng.random() < 0.6:
        out["headers"] = {"List-Unsubscribe": f"<https://{values['s']}.example/unsub>"}
    return out


def life_writer(rng: random.Random, kind: str, number: int) -> Writer:
    subjects, sentences, senders, bulk = L.KINDS[kind]
    first, last = rng.choice(V.FIRST), rng.choice(V.LAST)
    stem = rng.choice(["oak", "riverside", "hill", "marsh", "ash", "brook", "kite", "fern"])
    stem += rng.choice(["field", "ton", "well", "mere", "by", "wood"])
    address = rng.choice(senders).format(
        f=first.lower(), l=last.lower(), n=rng.randint(1, 99), s=stem
    )
    sender = address if rng.random() < 0.4 else f"{first} {last} <{address}>"
    if bulk:
        sender = f"{stem.capitalize()} <{address}>"
    tone = "bulk" if bulk else rng.choice(["warm", "casual"])
    w = Writer(
        f"{kind}:{number}",
        kind,
        None,
        sender,
        tone,
        rng.choice(["uk", "us"]),
        rng.choice([0, 1, 2, 3]),
        0.0,
        f"{first} {last}",
    )
    w.bank = {
        "sentences": pick(rng, sentences, max(3, len(sentences) * 2 // 3)),
        "subjects": pick(rng, subjects, 3),
        "greet": ["Hello,", "Hi all,", ""] if bulk else pick(rng, GREETINGS["casual"], 2),
        "signoff": pick(rng, SIGNOFFS["casual" if tone == "casual" else "warm"], 2),
        "stem": stem,
    }
    return w

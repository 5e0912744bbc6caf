"""Build the shipped skill vocabulary from the open taxonomies (a development step).

::

    python -m tools.skills.build /path/to/skills   # the folder with onet/, esco/, gazetteer/

reads, in this order of precedence (the first source to claim a name keeps it):

1. ``curated/synonyms.txt``: Onward's own canonical skills with their abbreviations and other
   names ("JS" → JavaScript, "EHR" → Electronic health records), for tech and non-tech roles;
2. O*NET technology skills (named tools and software), plus each name without its vendor
   ("Adobe Photoshop" → "photoshop") and its spelled-out acronym ("Structured query language
   SQL" → "sql");
3. O*NET's basic and cross-functional skills and knowledge areas;
4. ESCO preferred labels, then ESCO alternative labels (qualifiers in brackets dropped);
5. the job-posting gazetteer, the noisiest, last.

``curated/stoplist.txt`` and the English function words (from scikit-learn) remove names that
almost never mean a skill in running text ("responsibility", "actions", "word"); curated names
are never removed. The result, ``src/onward/skills/data/vocabulary.json.gz``, is written
deterministically (same input, same bytes) together with ``data/NOTICE.txt``, the attributions
the sources ask for. At run time Onward reads only these two files; this tool is not shipped.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from onward.skills.tokens import CAPITALISED, CAPITALS, LOWER, normalise, tokens
from tools import PACKAGE

CURATED = Path(__file__).parent / "curated"
DATA = PACKAGE / "skills" / "data"
FORMAT = 1
MAX_TOKENS = 6
VENDORS = frozenset(
    {
        "adobe", "amazon", "apache", "apple", "atlassian", "autodesk", "cisco", "google", "ibm",
        "intuit", "microsoft", "oracle", "salesforce", "sap",
    }
)  # fmt: skip
#: Products postings name without their vendor although the word is also English: without
#: the vendor, every other such word ("Analytics", "Access", "Drive", "Project", "Teams") is
#: a heading or the start of a sentence far more often than the product.
ALONE = frozenset(
    {
        "acrobat", "airflow", "autocad", "cognos", "dreamweaver", "excel", "illustrator",
        "informix", "maven", "mvs", "outlook", "photoshop", "sharepoint", "tomcat", "visio",
        "websphere", "windows",
    }
)  # fmt: skip
_BRACKETS = re.compile(r"\s*\([^)]*\)")


@dataclass
class _Skill:
    name: str
    kind: str
    source: str


@dataclass
class Builder:
    stop: frozenset[str]
    function_words: frozenset[str]
    skills: list[_Skill] = field(default_factory=list)
    aliases: dict[str, int] = field(default_factory=dict)
    shapes: dict[str, int] = field(default_factory=dict)
    #: Every word of the ESCO labels: a one-word name that is also an everyday English word
    #: ("records", "deal") needs a capital (O*NET) or is left out (the gazetteer).
    prose_words: set[str] = field(default_factory=set)
    dropped: int = 0

    def skill(self, name: str, kind: str, source: str) -> int:
        """The skill that ``name`` already names, or a new one."""
        key = normalise(name)
        if key in self.aliases:
            return self.aliases[key]
        self.skills.append(_Skill(name, kind, source))
        return len(self.skills) - 1

    def alias(self, index: int, phrase: str, *, curated: bool = False, shape: int = LOWER) -> None:
        key = normalise(phrase)
        if not key or key in self.aliases:
            return
        if not curated and not self.acceptable(key):
            self.dropped += 1
            return
        self.aliases[key] = index
        if len(key.replace(" ", "")) <= 2:
            shape = max(shape, CAPITALISED)
        if shape != LOWER:
            self.shapes[key] = shape

    def acceptable(self, key: str) -> bool:
        words = key.split()
        if len(words) > MAX_TOKENS or key in self.stop:
            return False
        if len(words) == 1 and (len(key) < 2 or key.isdigit()):
            return False
        return not all(w in self.function_words or w in self.stop for w in words)

    def new_skill(self, name: str, kind: str, source: str, *, shape: int = LOWER) -> None:
        """A skill from a taxonomy: merged into one that already has the name, if any."""
        key = normalise(name)
        if not key:
            return
        if key not in self.aliases and not self.acceptable(key):
            self.dropped += 1
            return
        index = self.skill(name, kind, source)
        self.alias(index, name, shape=shape)

    def to_json(self) -> dict[str, object]:
        used = sorted(set(self.aliases.values()))
        renumber = {old: new for new, old in enumerate(used)}
        return {
            "format": FORMAT,
            "skills": [
                [self.skills[i].name, self.skills[i].kind, self.skills[i].source] for i in used
            ],
            "aliases": {k: renumber[v] for k, v in sorted(self.aliases.items())},
            "shapes": dict(sorted(self.shapes.items())),
        }


def read_curated(builder: Builder) -> None:
    for line in (CURATED / "synonyms.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        names = [n.strip() for n in line.split("|") if n.strip()]
        marked = {normalise(n.lstrip("^")): _marker(n) for n in names}
        index = builder.skill(names[0], "skill", "onward")
        for name in names:
            plain = name.lstrip("^")
            builder.alias(index, plain, curated=True, shape=marked[normalise(plain)])


def _marker(name: str) -> int:
    if name.startswith("^^"):
        return CAPITALS
    return CAPITALISED if name.startswith("^") else LOWER


def read_onet(builder: Builder, folder: Path) -> None:
    with (folder / "technology_skills.tsv").open(encoding="utf-8", newline="") as handle:
        names = sorted({row["Example"].strip() for row in csv.DictReader(handle, delimiter="\t")})
    for name in names:
        key = normalise(name)
        if key in builder.aliases:
            index = builder.aliases[key]
        elif builder.acceptable(key):
            index = builder.skill(name, "tool", "onet")
            single = " " not in key and key in builder.prose_words
            builder.alias(index, name, shape=CAPITALISED if single else LOWER)
        else:
            builder.dropped += 1
            continue
        vendorless, acronyms = _onet_variants(name)
        for other in vendorless:
            other_key = normalise(other)
            single = " " not in other_key and other_key in builder.prose_words
            if single and other_key not in ALONE:
                builder.dropped += 1
                continue
            builder.alias(index, other, shape=CAPITALISED if single else LOWER)
        for acronym in acronyms:
            builder.alias(index, acronym, shape=CAPITALS)
    with (folder / "content_model_reference.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            code = row["Element ID"]
            if code.startswith(("2.A.", "2.B.", "2.C.")) and code.count(".") >= 2:
                kind = "knowledge" if code.startswith("2.C") else "skill"
                if code.count(".") == 3 or code in ("2.C.6", "2.C.10"):
                    builder.new_skill(row["Element Name"], kind, "onet")


def _onet_variants(name: str) -> tuple[list[str], list[str]]:
    """Other ways a posting writes an O*NET tool name: without the vendor (and without a
    spelled-out acronym), and the acronym itself (which counts only in capitals)."""
    words = name.split()
    plain, acronyms = [], []
    if len(words) > 1 and words[0].lower() in VENDORS:
        plain.append(" ".join(words[1:]))
    for i, word in enumerate(words):
        if len(word) >= 2 and word.isupper() and word.isalpha() and i >= len(word):
            initials = "".join(w[0] for w in words[i - len(word) : i]).upper()
            if initials == word:
                acronyms.append(word)
                plain.append(" ".join(words[:i]))
    return plain, acronyms


def read_esco(builder: Builder, folder: Path) -> None:
    preferred: dict[str, tuple[str, str]] = {}
    alternatives: dict[str, list[str]] = {}
    with (folder / "esco_v1.1.1_skills.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = _BRACKETS.sub("", row["description"]).strip()
            if row["type"] == "preferredLabel":
                preferred[row["id"]] = (label, _esco_kind(row["hierarchy_levels"]))
            else:
                alternatives.setdefault(row["id"], []).append(label)
    for _esco_id, (label, kind) in sorted(preferred.items(), key=lambda kv: kv[1][0]):
        builder.new_skill(label[:1].upper() + label[1:], kind, "esco")
    for esco_id, (label, _kind) in sorted(preferred.items(), key=lambda kv: kv[1][0]):
        key = normalise(label)
        if key in builder.aliases:
            for other in sorted(alternatives.get(esco_id, [])):
                other_key = normalise(other)
                if " " in other_key:
                    builder.alias(builder.aliases[key], other)
                elif other.isupper():  # an acronym: "CCTV", "COBIT"
                    builder.alias(builder.aliases[key], other, shape=CAPITALS)
                elif len(other_key) >= 9:  # a specific word ("paediatrics"), not "form"
                    builder.alias(builder.aliases[key], other)
                else:
                    builder.dropped += 1


def esco_words(folder: Path) -> set[str]:
    """Every word used in an ESCO label (English prose, unlike tool names)."""
    with (folder / "esco_v1.1.1_skills.csv").open(encoding="utf-8", newline="") as handle:
        return {w.text for row in csv.DictReader(handle) for w in tokens(row["description"])}


def _esco_kind(levels: str) -> str:
    first = levels[3:4]
    return {"K": "knowledge", "L": "language"}.get(first, "skill")


def read_gazetteer(builder: Builder, folder: Path) -> None:
    forms = json.loads((folder / "skills.json").read_text(encoding="utf-8"))
    for form in sorted(forms):
        key = normalise(form)
        if key not in builder.aliases and _everyday(builder, key):
            builder.dropped += 1
            continue
        # A short word there is mostly an acronym ("siem", "gnss"); in lower or title case it
        # is as likely a name or a word ("Tom", "Elm Road", "ran").
        short = " " not in key and len(key) <= 4 and key.isalpha()
        display = form.upper() if short else form[:1].upper() + form[1:]
        builder.new_skill(display, "skill", "gazetteer", shape=CAPITALS if short else LOWER)


def _everyday(builder: Builder, key: str) -> bool:
    """A gazetteer form that is one everyday word ("records"), or a known name plus one
    ("aws infrastructure", "ci cd pipelines"), which would hide the known name."""
    head, _, last = key.rpartition(" ")
    if not head:
        return key in builder.prose_words
    return head in builder.aliases and last in builder.prose_words


def build(source: Path) -> Builder:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    stop = frozenset(
        normalise(line)
        for line in (CURATED / "stoplist.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    builder = Builder(stop=stop, function_words=frozenset(ENGLISH_STOP_WORDS))
    builder.prose_words = esco_words(source / "esco")
    read_curated(builder)
    read_onet(builder, source / "onet")
    read_esco(builder, source / "esco")
    read_gazetteer(builder, source / "gazetteer")
    return builder


def write(builder: Builder, source: Path, out: Path = DATA) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(builder.to_json(), ensure_ascii=False, separators=(",", ":"))
    path = out / "vocabulary.json.gz"
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(payload.encode("utf-8"))
    tmp.replace(path)
    (out / "NOTICE.txt").write_text(notice(source), encoding="utf-8")
    return path


NOTICE = """\
Onward's skill vocabulary (vocabulary.json.gz) is derived from these sources.

O*NET
  This product includes information from the O*NET 29.3 Database by the U.S. Department of
  Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.
  O*NET® is a trademark of USDOL/ETA.
  Used: technology skills (tool and software names), the basic and cross-functional skills and
  the knowledge areas of the content model. Modified: names normalised, vendor-less and
  acronym forms added, merged with the sources below.
  Licence: https://creativecommons.org/licenses/by/4.0/

ESCO
  ESCO classification, © European Union, https://esco.ec.europa.eu, v1.1.1, used under the
  European Commission's reuse policy (CC BY 4.0).
  This vocabulary was modified from ESCO: only the skill labels (preferred and alternative)
  are kept, qualifiers in brackets are removed, labels are normalised, filtered with a
  stop-list and merged with the other sources. It is not an official ESCO product.
  The ESCO skills file was obtained through a package by Nesta, under this notice:

{esco_licence}
Skills gazetteer (skill surface forms mined from job postings)
  Filtered with a stop-list and merged with the sources above.

{gazetteer_licence}
Onward's own synonyms and stop-list (curated/ in the source tree) are part of Onward (MIT).
"""


def notice(source: Path) -> str:
    """The attributions, with the MIT notices copied word for word from the source folder."""

    def indented(path: Path) -> str:
        lines = path.read_text(encoding="utf-8").strip().splitlines()
        return "\n".join(("    " + line).rstrip() for line in lines)

    return NOTICE.format(
        esco_licence=indented(source / "esco" / "LICENSE_of_source_package"),
        gazetteer_licence=indented(source / "gazetteer" / "LICENSE"),
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not (Path(args[0]) / "onet").is_dir():
        print("usage: python -m tools.skills.build FOLDER  (with onet/, esco/, gazetteer/)")
        return 2
    builder = build(Path(args[0]))
    path = write(builder, Path(args[0]))
    data = builder.to_json()
    print(
        f"{len(data['skills']):,} skills, {len(data['aliases']):,} names "  # type: ignore[arg-type]
        f"({builder.dropped:,} dropped by the stop-list), {path.stat().st_size / 1e6:.2f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Labelled copy-check benchmark from real and hand-written plans, with known transformations.

Plans: corpora/seeds/001 (昆明市 plan, real) and plans/*.txt (hand-written plans of the genre, each a
different jurisdiction and topic; two topics twice, written independently), each given 4-8 of the
genre's standard formulations (formulations.txt) as real plans carry them, so that independent
plans share officialese. Cases:

- renamed: a full copy with the jurisdiction renamed (昆明市 → 嵩明县, 全市 → 全县, 市应急局 → 县应急局)
  and dates shifted by a few days; true share 1.
- partial: 10-90 % of the checked plan is the reference's paragraphs (renamed), the rest paragraphs
  of two other plans, interleaved; true share = copied characters / all characters.
- reworded: a renamed copy (full or about half) whose sentences are reordered inside paragraphs,
  neighbouring items swapped and words replaced by synonyms; the whole reworded sentence is copied.
- independent: two different plans of the genre; true share 0.
- background/: 40 stand-ins for the larger collection a boilerplate list is built from.

The true share is the copied share of the substantive text: copied standard formulations are
boilerplate and left out of the truth passages and of both counts (`true_share_all` keeps them).
- unrelated: a partial copy checked against a plan it took nothing from; true share 0.

Characters are counted as the copy check counts them: CJK ideographs, letters and digits.
Truth passages are pairs of source spans (checked, reference), PAN text-alignment style.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
PLAN_FILES = sorted((HERE / "plans").glob("*.txt")) + [ROOT / "corpora/seeds/001_610804f520c3391b.txt"]
COUNTIES = [
    "嵩明县", "富源县", "宾川县", "华宁县", "泸西县", "施甸县", "丘北县", "禄丰县", "镇雄县", "景东县",
    "永胜县", "凤庆县", "湄潭县", "石屏县", "罗平县", "祥云县", "宜良县", "通海县", "鹤庆县", "陆良县",
]  # fmt: skip
COUNTED = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")
SENTENCE = re.compile(r"[^。；！？]*[。；！？]|[^。；！？]+$")
DEPARTMENT_HEADS = (
    "级|委|政府|人民政府|安委|道安|应急|住房|住建|市场|商务|消防|公安|交通|自然|林草|文化|教育|民政|卫生|城管|"
    "工业|发展|财政|燃气|防汛|领导|长"
)
SYNONYMS = {
    "加强": "强化", "严格": "切实", "开展": "组织开展", "确保": "保证", "全面": "全方位", "及时": "迅速",
    "督促": "推动", "重点": "着重", "进一步": "", "切实": "", "依法": "依法依规", "建立": "健全", "组织": "安排",
    "排查": "摸排", "整改": "整治", "要求": "规定", "落实": "压实", "提高": "提升", "防范": "防控", "每月": "每个月",
}  # fmt: skip


@dataclass
class Piece:
    text: str
    origin: tuple[int, int] | None  # span in the reference's source text, None for other text
    formulation: bool = False  # one of the genre's standard formulations: boilerplate, not copying


@dataclass
class Case:
    name: str
    kind: str  # renamed, partial, reworded, independent, unrelated
    checked: str  # path, relative to the benchmark directory or the repository root
    reference: str
    true_share: float  # copied share of the substantive text (standard formulations left out)
    true_share_all: float  # copied share of all text
    passages: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # plans whose text is in the checked one


def plan_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Source spans of the body lines: non-empty lines with CJK, web furniture left out."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if not re.search(r"[\u4e00-\u9fff]", stripped) or stripped.startswith("[日期") or "阅读:" in stripped:
            continue
        lead = len(line) - len(line.lstrip())
        spans.append((m.start() + lead, m.start() + lead + len(stripped)))
    return spans


def sentences(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    s, e = span
    return [(s + m.start(), s + m.end()) for m in SENTENCE.finditer(text[s:e]) if m.group().strip()]


def jurisdiction(text: str) -> tuple[str, str]:
    """(name, level character) of the plan's own jurisdiction, from its first line."""
    first = next(line for line in text.splitlines() if re.search(r"[\u4e00-\u9fff]", line))
    m = re.match(r"\s*([\u4e00-\u9fff]{2,4}?)(省|市|州)", first)
    assert m, first
    return m.group(1), m.group(2)


def rename(text: str, src: tuple[str, str], dst_county: str, rng: random.Random) -> str:
    """Rename the jurisdiction to `dst_county` (a county, or a prefecture for a provincial plan)."""
    stem, level = src
    if level == "省":
        new_stem, new_level = "曲靖", "市"
        text = text.replace("各州、市", "各县（市、区）").replace("州、市", "县（市、区）").replace("省应急厅", "市应急局")
    else:
        new_stem, new_level = dst_county[:-1], "县"
        text = re.sub(r"各县（市、区）|各县（区）|各县市|各县（市）、区", "各乡镇", text)
        text = text.replace("县（市、区）", "乡镇").replace("县市", "乡镇")
    text = text.replace(stem + level, new_stem + new_level).replace(stem, new_stem)
    text = re.sub(rf"(?<=[全我本]){level}", new_level, text)
    text = re.sub(rf"{level}(?=(?:{DEPARTMENT_HEADS}))", new_level, text)
    return shift_dates(text, rng)


def shift_dates(text: str, rng: random.Random) -> str:
    def shifted(m: re.Match[str]) -> str:
        day = min(28, max(1, int(m.group(2)) + rng.choice([-5, -3, -2, 2, 3, 5])))
        return f"{m.group(1)}月{day}日"

    return re.sub(r"(\d{1,2})月(\d{1,2})日", shifted, text)


def reword(sentence: str, rng: random.Random) -> str:
    for word, synonym in SYNONYMS.items():
        if word in sentence and rng.random() < 0.6:
            sentence = sentence.replace(word, synonym, 1)
    return sentence


def counted(text: str) -> int:
    return len(COUNTED.findall(text))


def assemble(pieces_by_paragraph: list[list[Piece]]) -> tuple[str, list, float, float]:
    """Checked text, truth passages and true shares (substantive, all) from paragraphs of pieces.

    Copied standard formulations are boilerplate: not truth passages, not in the substantive share.
    """
    out: list[str] = []
    truth = []
    pos = 0
    copied = copied_formulations = formulation_chars = 0
    for para in pieces_by_paragraph:
        for piece in para:
            n = counted(piece.text)
            formulation_chars += n if piece.formulation else 0
            if piece.origin is not None:
                if piece.formulation:
                    copied_formulations += n
                else:
                    truth.append(((pos, pos + len(piece.text)), piece.origin))
                    copied += n
            out.append(piece.text)
            pos += len(piece.text)
        out.append("\n\n")
        pos += 2
    text = "".join(out)
    total = counted(text)
    return text, truth, copied / max(1, total - formulation_chars), (copied + copied_formulations) / total


def copy_paragraphs(
    text: str, spans: list[tuple[int, int]], src: tuple[str, str], county: str, rng: random.Random, reworded: bool
) -> list[list[Piece]]:
    """Renamed (and optionally reworded and reordered) copies of the given paragraphs."""
    paras = []
    for span in spans:
        sents = sentences(text, span)
        pieces = []
        for s in sents:
            original = text[s[0] : s[1]]
            new = rename(original, src, county, rng)
            pieces.append(Piece(reword(new, rng) if reworded else new, s, original in formulations()))
        if reworded and len(pieces) > 1:
            rng.shuffle(pieces)
        paras.append(pieces)
    if reworded:
        for i in range(1, len(paras) - 1):
            if rng.random() < 0.3:
                paras[i], paras[i + 1] = paras[i + 1], paras[i]
    return paras


def other_paragraphs(texts: dict[str, str], names: list[str], county: str, rng: random.Random, chars: int) -> list[list[Piece]]:
    """About `chars` counted characters of body paragraphs from other plans, renamed to `county`."""
    paras: list[list[Piece]] = []
    total = 0
    for name in names:
        text = texts[name]
        for span in paragraphs(text)[1:]:
            if total >= chars:
                return paras
            pieces = []
            for s, e in sentences(text, span):
                original = text[s:e]
                body = rename(original, jurisdiction(text), county, rng)
                pieces.append(Piece(body, None, original in formulations()))
                total += counted(body)
            paras.append(pieces)
    return paras


def interleave(a: list, b: list, rng: random.Random) -> list:
    out, i, j = [], 0, 0
    while i < len(a) or j < len(b):
        take_a = j >= len(b) or (i < len(a) and rng.random() < (len(a) - i) / (len(a) - i + len(b) - j))
        if take_a:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out


@lru_cache(maxsize=1)
def formulations() -> tuple[str, ...]:
    lines = (HERE / "formulations.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line.strip() and not line.startswith("#"))


def background_plan(rng: random.Random, chars: list[str]) -> str:
    """Stand-in for the many other plans a boilerplate list is built from: text of its own
    (characters drawn from the plans' distribution, so no shared shingles) and 4-8 formulations."""
    paras = ["".join(rng.choices(chars, k=rng.randint(60, 200))) + "。" for _ in range(rng.randint(6, 12))]
    for sentence in rng.sample(formulations(), rng.randint(4, 8)):
        i = rng.randrange(len(paras))
        paras[i] += sentence
    return "\n".join(paras)


def genre_version(text: str, rng: random.Random) -> str:
    """The plan with 4-8 of the genre's standard formulations worked into its paragraphs, as real plans have."""
    pool = formulations()
    spans = [(s, e) for s, e in paragraphs(text)[1:] if e - s > 40 and text[e - 1] in "。；"]
    chosen = rng.sample(pool, rng.randint(4, 8))
    ends = sorted(rng.sample([e for _, e in spans], min(len(chosen), len(spans))), reverse=True)
    for end, sentence in zip(ends, chosen):
        text = text[:end] + sentence + text[end:]
    return text


def plan_paths(out_dir: Path) -> list[Path]:
    """The benchmark's plans: genre versions of the written plans, and the real seed plan as it is."""
    return sorted((out_dir / "plans").glob("*.txt")) + [ROOT / "corpora/seeds/001_610804f520c3391b.txt"]


def generate(out_dir: Path, seed: int = 7) -> list[Case]:
    rng = random.Random(seed)
    (out_dir / "plans").mkdir(parents=True, exist_ok=True)
    for p in PLAN_FILES[:-1]:
        (out_dir / "plans" / p.name).write_text(genre_version(plan_text(p), rng), encoding="utf-8")
    plans = plan_paths(out_dir)
    texts = {p.stem: plan_text(p) for p in plans}
    chars = [c for t in texts.values() for c in t if "\u4e00" <= c <= "\u9fff"]
    (out_dir / "background").mkdir(exist_ok=True)
    for i in range(40):
        (out_dir / "background" / f"b{i:02d}.txt").write_text(background_plan(rng, chars), encoding="utf-8")
    paths = {p.stem: str(p.relative_to(ROOT)) for p in plans}
    names = list(texts)
    cases: list[Case] = []

    def write(name: str, paras: list[list[Piece]], title: str) -> tuple[str, list, float, float]:
        body, truth, share, share_all = assemble([[Piece(title, None)]] + paras)
        path = out_dir / f"{name}.txt"
        path.write_text(body, encoding="utf-8")
        return str(path.relative_to(ROOT)), truth, share, share_all

    for n, ref in enumerate(names):
        text = texts[ref]
        src = jurisdiction(text)
        spans = paragraphs(text)
        county = COUNTIES[n % len(COUNTIES)]
        body_spans = spans[1:]
        own_title = f"{county}安全生产工作方案"

        # Renamed full copy (title included), and a reworded, reordered one.
        for kind, reworded in (("renamed", False), ("reworded", True)):
            paras = copy_paragraphs(text, spans, src, county, rng, reworded)
            body, truth, share, share_all = assemble(paras)
            path = out_dir / f"{ref}__{kind}.txt"
            path.write_text(body, encoding="utf-8")
            cases.append(Case(f"{ref}__{kind}", kind, str(path.relative_to(ROOT)), paths[ref], share, share_all, truth, [ref]))

        # Partial copies mixed with other plans' paragraphs.
        others = [o for o in names if o != ref]
        for m, share in enumerate([0.1, 0.3, 0.5, 0.7, 0.9, rng.uniform(0.15, 0.85)][: 3 + n % 4]):
            fillers = rng.sample(others, 3)
            budget = sum(counted(text[s:e]) for s, e in body_spans)
            take = max(1, round(len(body_spans) * min(1.0, rng.uniform(0.4, 1.0))))
            start = rng.randrange(0, len(body_spans) - take + 1)
            chosen = body_spans[start : start + take]
            copied_chars = sum(counted(text[s:e]) for s, e in chosen)
            if share < 0.3 and copied_chars > 0.25 * budget:  # small shares: a few paragraphs only
                chosen = chosen[: max(1, len(chosen) // 3)]
                copied_chars = sum(counted(text[s:e]) for s, e in chosen)
            reworded = m == 2
            copied = copy_paragraphs(text, chosen, src, county, rng, reworded)
            filler = other_paragraphs(texts, fillers, county, rng, int(copied_chars * (1 - share) / share))
            name = f"{ref}__partial{m}"
            path, truth, true_share, share_all = write(name, interleave(copied, filler, rng), own_title)
            kind = "reworded" if reworded else "partial"
            cases.append(Case(name, kind, path, paths[ref], true_share, share_all, truth, [ref, *fillers]))
            unrelated = rng.choice([o for o in others if o not in fillers])
            cases.append(Case(f"{name}__vs_{unrelated}", "unrelated", path, paths[unrelated], 0.0, 0.0, [], [ref, *fillers]))

    for a in names:
        for b in names:
            if a != b:
                cases.append(Case(f"{a}__vs_{b}", "independent", paths[a], paths[b], 0.0, 0.0, [], [a]))
    (out_dir / "cases.json").write_text(
        json.dumps([asdict(c) for c in cases], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return cases


def load_cases(out_dir: Path) -> list[Case]:
    rows = json.loads((out_dir / "cases.json").read_text(encoding="utf-8"))
    return [Case(**{**r, "passages": [tuple(map(tuple, p)) for p in r["passages"]]}) for r in rows]


if __name__ == "__main__":
    cases = generate(ROOT / "bench/out/copycheck_cases")
    kinds: dict[str, int] = {}
    for c in cases:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    print(len(cases), "cases", kinds)

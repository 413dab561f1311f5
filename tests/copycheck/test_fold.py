"""Folding: a copy annotated with pinyin, partly pasted in traditional script or writing 百分之 is still a copy."""

import re

import numpy as np
import opencc

import docparse
import docparse.copycheck  # noqa: F401
from docparse.copycheck.fold import fold_text
from docparse.copycheck.mask import mask_text

from .conftest import renamed_copy

# Readings of words the seed plan uses often, as a reading aid or a mirror site prints them.
READINGS = {
    "安全": ("ān", "quán"), "生产": ("shēng", "chǎn"), "隐患": ("yǐn", "huàn"), "排查": ("pái", "chá"),
    "整治": ("zhěng", "zhì"), "企业": ("qǐ", "yè"), "责任": ("zé", "rèn"), "检查": ("jiǎn", "chá"),
    "落实": ("luò", "shí"), "部门": ("bù", "mén"), "重大": ("zhòng", "dà"), "事故": ("shì", "gù"),
}  # fmt: skip
TONE_DIGITS = {"ā": "a1", "á": "a2", "ǎ": "a3", "à": "a4", "ē": "e1", "é": "e2", "ě": "e3", "è": "e4",
               "ī": "i1", "í": "i2", "ǐ": "i3", "ì": "i4", "ō": "o1", "ó": "o2", "ǒ": "o3", "ò": "o4",
               "ū": "u1", "ú": "u2", "ǔ": "u3", "ù": "u4"}  # fmt: skip


def digits(syllable: str) -> str:
    """shēng → sheng1: the tone as a digit after the syllable."""
    for mark, plain in TONE_DIGITS.items():
        if mark in syllable:
            return syllable.replace(mark, plain[0]) + plain[1]
    return syllable


def annotated(text: str, style: str) -> str:
    def gloss(m: re.Match[str]) -> str:
        word = m.group()
        a, b = READINGS[word]
        if style == "word":  # 安全(ān quán)
            return f"{word}({a} {b})"
        if style == "chars":  # 安（ān）全（quán）
            return f"{word[0]}（{a}）{word[1]}（{b}）"
        return f"{word[0]}({digits(a)}){word[1]}({digits(b)})"  # 安(an1)全(quan2)

    return re.sub("|".join(READINGS), gloss, text)


def test_pinyin_annotations_fold_away_in_every_form():
    plain = "各地要全面排查重大事故隐患，落实企业安全生产主体责任。"
    for style in ("word", "chars", "digits"):
        text = annotated(plain, style)
        assert text != plain
        assert fold_text(text).text == plain, style
        assert np.array_equal(mask_text(text).codes, mask_text(plain).codes), style


def test_bopomofo_and_decomposed_tone_marks_fold_away():
    assert fold_text("服务(ㄈㄨˊ ㄨˋ)群众").text == "服务群众"
    assert fold_text("务（wu\u0300）实").text == "务实"  # u + combining grave


def test_brackets_that_are_not_pinyin_stay():
    for text in ("液化天然气(LNG)储罐", "细颗粒物(PM2.5)浓度", "（一）指导思想", "第(3)项"):
        assert fold_text(text).text == text


def test_folded_offsets_point_into_the_normalized_text():
    text = "排(pái)查(chá)隐患"
    folded = fold_text(text)
    assert folded.text == "排查隐患"
    assert [text[i] for i in folded.origin] == list("排查隐患")
    masked = mask_text(text)
    assert masked.weights().sum() == 4  # the annotations are not counted characters


def test_annotated_copy_scores_like_the_plain_copy(seed_plan, tmp_path):
    copy = renamed_copy(seed_plan.read_text(encoding="utf-8"))
    plain = tmp_path / "plain.txt"
    plain.write_text(copy, encoding="utf-8")
    glossed = tmp_path / "glossed.txt"
    glossed.write_text(annotated(copy, "digits"), encoding="utf-8")
    base = docparse.copycheck(plain, [seed_plan]).score
    report = docparse.copycheck(glossed, [seed_plan])
    assert base >= 0.9
    assert report.score >= base - 0.03
    # passages still point into the annotated text as written
    text = glossed.read_text(encoding="utf-8")
    passage = max(report.results[0].passages, key=lambda p: p.chars)
    assert text[passage.checked.start : passage.checked.end] == passage.checked_text
    assert re.search(r"\([a-z]+\d\)", passage.checked_text)


def test_a_paragraph_pasted_in_traditional_script_is_still_copied(seed_plan, tmp_path):
    copy = renamed_copy(seed_plan.read_text(encoding="utf-8"))
    start = copy.index("二、整治重点")
    end = copy.index("\n", start + 200)
    mixed = copy[:start] + opencc.OpenCC("s2t").convert(copy[start:end]) + copy[end:]
    assert mixed[start:end] != copy[start:end]
    path = tmp_path / "mixed.txt"
    path.write_text(mixed, encoding="utf-8")
    doc = docparse.read(path, steps=("structure",))
    assert "隱患" in doc.norm_text  # mostly simplified: the document is not converted as a whole
    passages = [p for p in docparse.copycheck(doc, [seed_plan]).results[0].passages if p.kind == "copied"]
    covered = sum(max(0, min(p.checked.end, end) - max(p.checked.start, start)) for p in passages)
    assert covered >= 0.9 * (end - start)


def test_percent_in_words_and_in_figures_are_one_number():
    a = mask_text("隐患整改率达到百分之九十五以上")
    b = mask_text("隐患整改率达到95%以上")
    assert np.array_equal(a.codes, b.codes)
    c = mask_text("开展三年行动")
    d = mask_text("开展3年行动")
    assert np.array_equal(c.codes, d.codes)

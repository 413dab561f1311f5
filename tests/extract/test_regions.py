"""Region mentions and their stance, against gold 000 and a short 通报 of another province."""

from __future__ import annotations

import pytest

import docparse
from docparse.extract.regions import find_candidates, gazetteer
from tests.helpers import gold, seed

# A criticizing 通报 of 四川 written for these tests: short forms (甘孜州, 阿坝州), a bare enumeration
# (泸州、宜宾、乐山等3个市), a company named after a city (成都天府燃气有限公司), places that only locate a
# company or an accident, and a region both praised and criticized (绵阳市).
SICHUAN = """四川省安全生产委员会办公室关于2024年第一季度安全生产督查情况的通报

各市（州）安全生产委员会：

现将有关情况通报如下：

一、主要成效

成都市、绵阳市及时召开专题会议，安排部署专项整治工作，成效明显。甘孜州第一时间组织开展隐患排查。泸州、宜宾、乐山等3个市率先建立问题隐患清单。

二、存在的问题

（一）工作部署滞后。凉山州、阿坝州至今未制定专项整治实施方案。南充市顺庆区、达州市大竹县印发的方案与省级方案高度雷同，照抄照搬。

（二）企业主体责任落实不到位。自贡市荣县宏达煤业有限公司未按规定开展隐患自查，成都天府燃气有限公司应急预案多年未修订。宜宾市翠屏区金沙加油站安全管理制度流于形式。绵阳市应急管理局对辖区企业检查不到位。

（三）信息报送不及时。部分市（州）上报信息敷衍了事，县级部门报送滞后。

三、下一步工作要求

各市（州）要及时整改，成都市要于6月底前报送整改情况。各地要深刻汲取泸州市古蔺县“12·3”煤矿透水事故教训。

四川省安全生产委员会办公室
2024年4月10日
"""


def by_stance(doc, *stances):
    return {r.name for r in doc.extraction.regions if r.stance in stances}


@pytest.fixture(scope="module")
def doc000():
    return docparse.read(seed("000"))


@pytest.fixture(scope="module")
def sichuan():
    return docparse.read(SICHUAN.encode("utf-8"), name="sichuan.txt")


def f1(gold_names: set[str], predicted: set[str], optional: set[str]) -> float:
    predicted = predicted - (optional - gold_names)
    tp = len(gold_names & predicted)
    return 2 * tp / (len(gold_names) + len(predicted)) if gold_names or predicted else 1.0


# --- gazetteer ------------------------------------------------------------------------------------


def test_gazetteer_has_codes_short_forms_and_former_names():
    gaz = gazetteer()
    by_name = {}
    for u in gaz.units.values():
        by_name.setdefault(u.name, []).append(u)
    honghe = by_name["红河州"][0]
    assert (honghe.adcode, honghe.full_name, honghe.level) == ("532500", "红河哈尼族彝族自治州", "prefecture")
    lancang = by_name["澜沧县"][0]
    assert lancang.full_name == "澜沧拉祜族自治县" and gaz.units[lancang.parent].name == "普洱市"
    assert {u.parent for u in by_name["朝阳区"]} >= {"110000", "220100"}  # 北京 and 长春
    text = "襄樊市和黔东南州"
    names = [gaz.units[c.keys[0]].name for c in find_candidates(text, gaz)]
    assert names == ["襄阳市", "黔东南州"]


@pytest.mark.parametrize("text", ["全省部分县级政府", "各县（市、区）和市县两级", "市和县两级政府", "全州219个乡镇"])
def test_words_with_level_characters_are_not_regions(text):
    assert find_candidates(text, gazetteer()) == []


def test_bare_short_names_need_an_enumeration():
    gaz = gazetteer()
    text = "昆明、昭通、玉溪、曲靖、红河、文山等6个州、市人民政府"
    listed = find_candidates(text, gaz)
    assert [text[c.start : c.end] for c in listed] == ["昆明", "昭通", "玉溪", "曲靖", "红河", "文山"]
    assert find_candidates("昆明西金矿业开发有限公司", gaz) == []
    assert find_candidates("在昆明召开会议", gaz) == []
    assert find_candidates("陆良县青山客运有限责任公司", gaz)[-1].end == 3  # 青山 is no 青山区 here


# --- gold 000 -------------------------------------------------------------------------------------


def test_gold_000_criticized_f1(doc000):
    g = gold("000")["regions"]
    predicted = by_stance(doc000, "criticized", "mixed")
    assert f1(set(g["criticized"]), predicted, set(g["criticized_optional"])) >= 0.9


def test_gold_000_praised_f1(doc000):
    g = gold("000")["regions"]
    predicted = by_stance(doc000, "praised", "mixed")
    assert f1(set(g["praised"]), predicted, set(g["praised_optional"])) >= 0.85


def test_gold_000_issuer_province_gets_no_stance(doc000):
    assert by_stance(doc000, "criticized", "praised", "mixed") & set(gold("000")["regions"]["never"]) == set()


def test_gold_000_enumeration_resolves_short_names_to_prefectures(doc000):
    honghe = next(r for r in doc000.extraction.regions if r.name == "红河州")
    assert honghe.stance == "mixed"  # praised in 红河等6个州、市, criticized in 存在的问题
    bare = next(m for m in honghe.mentions if m.text == "红河")
    assert bare.stance == "praised"
    assert doc000.text[bare.span.start : bare.span.end] == "红河"


def test_gold_000_county_resolved_under_its_prefecture(doc000):
    lancang = next(r for r in doc000.extraction.regions if r.name == "澜沧县")
    assert (lancang.parent, lancang.adcode, lancang.stance) == ("普洱市", "530828", "criticized")


def test_gold_000_company_places_are_neutral(doc000):
    stances = {r.name: r.stance for r in doc000.extraction.regions}
    assert stances["陆良县"] == "neutral" and stances["勐海县"] == "neutral"


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_other_golds_never_violations(prefix):
    doc = docparse.read(seed(prefix))
    assert by_stance(doc, "criticized", "praised", "mixed") & set(gold(prefix)["regions"]["never"]) == set()
    assert by_stance(doc, "criticized", "mixed") - set(gold(prefix)["regions"]["criticized_optional"]) == set(
        gold(prefix)["regions"]["criticized"]
    )


# --- another province -----------------------------------------------------------------------------


def test_sichuan_praised_and_criticized(sichuan):
    assert by_stance(sichuan, "praised", "mixed") == {"成都市", "绵阳市", "甘孜州", "泸州市", "宜宾市", "乐山市"}
    assert by_stance(sichuan, "criticized", "mixed") == {"凉山州", "阿坝州", "顺庆区", "大竹县", "绵阳市"}
    assert by_stance(sichuan, "mixed") == {"绵阳市"}


def test_sichuan_places_that_only_locate_are_neutral(sichuan):
    stances = {r.name: r.stance for r in sichuan.extraction.regions}
    for name in ("四川省", "自贡市", "荣县", "翠屏区", "古蔺县", "南充市", "达州市"):
        assert stances[name] == "neutral", name


def test_sichuan_directive_is_not_praise(sichuan):
    chengdu = next(r for r in sichuan.extraction.regions if r.name == "成都市")
    assert [m.stance for m in chengdu.mentions] == ["praised", "neutral"]  # 成都市要于6月底前报送…


def test_sichuan_short_forms_carry_full_names_and_codes(sichuan):
    regions = {r.name: r for r in sichuan.extraction.regions}
    assert regions["甘孜州"].full_name == "甘孜藏族自治州"
    assert regions["阿坝州"].adcode == "513200"
    assert regions["乐山市"].mentions[0].text == "乐山"

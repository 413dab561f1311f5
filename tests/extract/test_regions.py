"""Region mentions and their stance, against gold 000 and a short 通报 of another province."""

from __future__ import annotations

import pytest

import docparse
from docparse.analyse.gazetteer import gazetteer
from docparse.analyse.places import find_candidates
from tests.helpers import ROOT, gold, seed

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


# --- held-out circulars (corpora/heldout_circulars): other provinces' forms ------------------------


def read_text(text: str, name: str = "excerpt.txt"):
    return docparse.read(text.encode("utf-8"), name=name)


def stances(doc) -> dict[str, str]:
    return {r.name: r.stance for r in doc.extraction.regions}


def test_slash_short_forms_and_curated_abbreviations_name_xinjiang_prefectures():
    gaz = gazetteer()
    text = "克州阿图什市、博州博乐市和巴州库尔勒市"
    found = {gaz.units[c.keys[0]].full_name for c in find_candidates(text, gaz) if len(c.keys) == 1}
    assert {"克孜勒苏柯尔克孜自治州", "博尔塔拉蒙古自治州", "阿图什市", "博乐市", "库尔勒市"} <= found
    # 巴州 is also 巴中's 巴州区: the document's context decides
    doc = read_text("新疆维吾尔自治区安全生产委员会办公室\n\n二、存在的问题\n\n（一）巴州党委对燃气安全重视不够。\n")
    bazhou = next(r for r in doc.extraction.regions if r.name == "巴州")
    assert (bazhou.adcode, bazhou.stance) == ("652800", "criticized")


def test_banner_abbreviations_and_earlier_names_are_trusted():
    gaz = gazetteer()
    for text, full in [("科右前旗宝丰萤石矿", "科尔沁右翼前旗"), ("阿左旗部分企业", "阿拉善左旗"), ("莫旗认真开展", "莫力达瓦达斡尔族自治旗")]:
        cands = find_candidates(text, gaz)
        assert [gaz.units[c.keys[0]].full_name for c in cands] == [full], text
    names = [gaz.units[c.keys[0]].name for c in find_candidates("郧县和京山县", gaz)]
    assert names == ["郧阳区", "京山市"]


def test_enumeration_tail_names_the_level():
    doc = read_text("青海省安全生产委员会办公室\n\n省安委办对西宁市、海东市和海西、海南、黄南、果洛、玉树等5个自治州进行了检查。\n")
    names = {r.name for r in doc.extraction.regions}
    assert {"海西州", "海南州", "黄南州", "果洛州", "玉树州"} <= names and "海南省" not in names


NEIMENGGU = """内蒙古自治区安全生产委员会办公室关于矿山安全生产督导检查情况的通报

一、事故情况

3月2日，鄂尔多斯市乌审旗乌审召露天煤矿发生一起边坡坍塌事故，造成2人死亡。

二、督导发现的主要问题

督导发现，问题隐患仍然突出：一是安全责任落实不到位。锡林郭勒盟部分旗县应急管理部门对辖区非煤矿山底数不清。二是外包工程管理混乱。兴安盟科右前旗宝丰萤石矿将井下掘进工程违规发包给无资质队伍。三是应急处置能力不足。阿左旗部分企业从业人员不熟悉避灾路线。

三、下一步工作要求

对科右前旗宝丰萤石矿予以通报批评，责成所在盟市依法依规处理。
"""


def test_accident_mine_named_after_its_banner_leaves_the_banner_neutral():
    s = stances(read_text(NEIMENGGU))
    assert s["乌审旗"] == "neutral" and s["鄂尔多斯市"] == "neutral"
    assert s["阿拉善左旗"] == "criticized" and s["锡林郭勒盟"] == "criticized"
    assert s["科尔沁右翼前旗"] == "neutral"  # only locates the criticized mine


CHONGQING = """重庆市安全生产委员会办公室关于城镇燃气安全专项整治督查情况的通报

二、经验做法

（二）九龙坡区、沙坪坝区投入专项资金为餐饮用户加装燃气泄漏报警装置，实现重点用户全覆盖。

三、存在问题

（二）隐患整改闭环管理不到位。江北区对上轮督查反馈的12项问题仍有5项未完成整改。

四、下步工作

（一）严肃督查问责。经研究，决定对燃气安全事故多发的万州区和整改工作推进不力的綦江区予以通报批评。对长寿区存在的问题隐患，由市安委办挂牌督办。

（二）城口县要重新修订专项整治实施方案。各区县要学习借鉴渝北区的做法。
"""


def test_measures_section_criticizes_only_whom_a_penalty_names():
    s = stances(read_text(CHONGQING))
    assert s["万州区"] == "criticized" and s["綦江区"] == "criticized"
    assert s["城口县"] == "neutral" and s["渝北区"] == "neutral" and s["长寿区"] == "neutral"


def test_penalty_after_the_named_failing_and_not_on_a_qualifier():
    doc = read_text(
        "青海省安全生产委员会办公室\n\n三、工作要求\n\n责成黄南州对同仁县汛期值班值守不落实的问题进行约谈。"
        "对省安委会交办的问题隐患、格尔木市挂牌督办的隐患，实行动态清零。\n"
    )
    s = stances(doc)
    assert s["同仁市"] == "criticized" and s["黄南州"] == "neutral" and s["格尔木市"] == "neutral"


def test_a_cue_inside_a_longer_word_does_not_count_and_district_names_follow_the_issuer():
    regions = {r.name: r for r in read_text(CHONGQING).extraction.regions}
    assert regions["九龙坡区"].stance == "praised"  # 泄漏报警 holds no 漏报
    assert regions["江北区"].adcode == "500105"  # 重庆's, not 宁波's


def test_a_place_after_在_that_only_says_where_is_neutral():
    doc = read_text(
        "湖北省安全生产监督管理局\n\n二、存在的主要问题\n\n"
        "（一）企业主体责任落实不到位。襄樊华厦建筑工程公司在谷城县承建的厂房项目未编制专项施工方案。\n"
    )
    s = stances(doc)
    assert s["谷城县"] == "neutral" and s.get("襄阳市", "neutral") == "neutral"


@pytest.mark.parametrize(
    "heading, role",
    [("暗访发现的问题", "problems"), ("三、好的做法", "evaluation"), ("各地要对检查发现的问题逐项整改并报送", None)],
)
def test_heading_cues_beyond_the_section_roles(heading, role):
    from docparse.analyse.stance import heading_role

    assert heading_role(heading) == role


def test_heldout_circulars_score():
    from docparse.eval import evaluate
    from tests.helpers import ROOT

    report = evaluate(ROOT / "corpora/heldout_circulars/gold", ROOT / "corpora/heldout_circulars/docs")
    assert report.never_violations == 0
    for name in ("regions.criticized", "regions.praised", "entities_criticized", "problems", "copy_paste"):
        assert report.fields[name].f1 >= 0.9, name


def test_a_tally_of_accidents_is_no_accident_site():
    text = (
        "某市安委办关于安全生产形势的通报\n\n二、存在问题\n\n（一）事故多发势头没有得到遏制。肥东县、庐江县全年分别发生"
        "生产安全事故19起、17起。长丰县发生“6·3”爆炸事故，造成2人死亡。\n"
    )
    regions = {r.name: r.stance for r in docparse.read(text.encode(), name="t.txt").extraction.regions}
    assert regions["肥东县"] == regions["庐江县"] == "criticized"
    assert regions["长丰县"] == "neutral"  # the place of one accident is not judged by it


def test_praise_announced_with_yu_yi_tong_bao():
    text = "某市安委办关于煤矿大检查情况的通报\n\n二、好的做法\n\n靖边县隐患全部整改到位。对神木市、靖边县予以通报表扬。\n"
    regions = {r.name: r.stance for r in docparse.read(text.encode(), name="t.txt").extraction.regions}
    assert regions["神木市"] == regions["靖边县"] == "praised"


REAL = ROOT / "corpora" / "real" / "docs"


def stances_in(path) -> dict[str, str]:
    return {r.name: r.stance for r in docparse.read(path).extraction.regions}


def test_a_tier_given_to_a_list_goes_to_every_member():
    """云南 2019 考核结果: 昆明、玉溪…丽江等10个州、市人民政府…考核为优秀等次; 昭通…等5个…良好等次."""
    got = stances_in(REAL / "r144_tongbao.txt")
    for name in ("昆明市", "玉溪市", "保山市", "楚雄州", "红河州", "普洱市", "西双版纳州", "大理州", "德宏州", "丽江市"):
        assert got[name] == "praised", name
    assert got["昭通市"] == "neutral"  # 良好, a middle tier: no stance


def test_a_tier_before_the_list_it_names():
    """广东: 考核等次为“优秀”的地市和单位包括：深圳、广州、东莞、肇庆、佛山、汕尾6个市."""
    got = stances_in(REAL / "r132_tongbao.txt")
    assert all(got[n] == "praised" for n in ("深圳市", "广州市", "东莞市", "肇庆市", "佛山市", "汕尾市"))


def test_the_places_an_inspection_visited_are_not_judged():
    """此次督查共检查了6个市（广州、深圳…）in a 基本情况 section: the scope, not praise."""
    got = stances_in(REAL / "r103_tongbao.txt")
    assert got["广州市"] == got["深圳市"] == "neutral"


def test_a_tier_word_in_a_name_gives_no_stance():
    doc = docparse.read("昆明市举办优秀企业家座谈会，玉溪市召开先进单位经验交流会。".encode("utf-8"), name="a.txt")
    got = {r.name: r.stance for r in doc.extraction.regions}
    assert got["昆明市"] == "neutral"  # 优秀 names the entrepreneurs, no tier is given


def test_a_region_whose_officials_are_sanctioned_is_criticized():
    """A real accident 通报 (吕梁): the officials of 城北街道 are named with their offices and expelled."""
    assert stances_in(REAL / "r716_tongbao.txt")["城北街道"] == "criticized"
    text = "关于会议的通报\n会上，某县县长作了表态发言，介绍了经验。\n"
    doc = docparse.read(text.encode("utf-8"), name="a.txt")
    assert all(r.stance == "neutral" for r in doc.extraction.regions)  # an office without a penalty


def test_places_excepted_and_authors_of_decisions_are_not_judged():
    """河南: 除郑州、焦作…市外，其他地区…未发生…事故 praises the others, not these."""
    got = stances_in(REAL / "r736_tongbao.txt")
    assert got["郑州市"] == got["焦作市"] == "neutral"
    doc = docparse.read("全区认真贯彻落实自治区和南宁市关于安全生产的决策部署。".encode("utf-8"), name="a.txt")
    assert all(r.stance == "neutral" for r in doc.extraction.regions)


def test_a_province_a_national_body_acts_on_is_not_the_home():
    """国务院安委会督查组 news with no issuer: 吉林省, the province it inspects and names most, is judged
    (高度重视…), not taken for the document's home; a text that speaks as a province (我省) keeps it home."""
    assert stances_in(REAL / "r153_tongbao.txt")["吉林省"] == "praised"
    text = "国务院安委会部署专项整治。云南省高度重视，云南省认真落实。本省将继续推进。\n"
    got = stances(read_text(text, "a.txt"))
    assert got["云南省"] == "neutral"


def test_a_sanction_after_a_list_written_with_commas_falls_on_every_member():
    """r107 (国务院安委办 约谈): province-by-province lists apart by commas are one list; 内蒙古 only qualifies."""
    text = (
        "国务院安全生产委员会办公室近日根据相关规定，对今年以来发生重大事故的河北省石家庄市、承德市，"
        "山西省大同市，内蒙古乌兰察布市、阿拉善盟，云南省曲靖市等4省（自治区）的6个市（盟）政府及其相关部门负责人进行了约谈。\n"
    )
    got = stances(read_text(text, "a.txt"))
    for name in ("石家庄市", "承德市", "大同市", "乌兰察布市", "阿拉善盟", "曲靖市"):
        assert got[name] == "criticized", name
    assert got["内蒙古自治区"] == got["山西省"] == "neutral"


def test_a_tier_word_ending_a_title_after_a_marker():
    """r719, r606: 被评为2019年度…优秀单位; 被命名为2022年度“湖南省安全发展工作示范县”."""
    text = (
        "近日，省政府印发通报，福州市被评为2019年度安全生产和消防工作目标责任优秀单位，位列第一名。\n"
        "湘乡市被命名为2022年度“湖南省安全发展工作示范县”，浏阳市高坪镇等40个乡镇（街道）被命名为2022年度“湖南省安全发展工作示范乡镇（街道）”。\n"
        "玉溪市召开会议，学习被评为全国安全生产优秀单位的企业的做法。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["福州市"] == got["湘乡市"] == got["高坪镇"] == "praised"
    assert got["玉溪市"] == "neutral"  # 优秀单位的企业: the title qualifies someone else


def test_a_bare_list_under_a_tier_heading_gets_its_tier():
    """r605 (湖南 示范单位名单): the lines under 一、省安全生产示范县（区） list the praised counties; a
    sentence under such a heading that says more than names is judged on its own words."""
    text = (
        "关于2015年度省安全生产示范单位的公示\n\n附件\n2015年度拟命名省安全生产示范单位名单\n"
        "一、省安全生产示范县（区）（3个）\n常德市桃源县\n郴州市北湖区\n张家界市武陵源区\n"
        "二、省安全生产示范乡镇（街道）（89个）\n衡阳市：耒阳市夏塘镇、祁东县过水坪镇、衡山县白果镇\n"
        "三、先进单位\n邵阳市召开全市安全生产工作会议，部署下一阶段工作。\n"
    )
    got = stances(read_text(text, "a.txt"))
    for name in ("桃源县", "北湖区", "武陵源区", "夏塘镇", "过水坪镇", "白果镇"):
        assert got[name] == "praised", name
    assert got["邵阳市"] == "neutral"


def test_a_township_whose_officials_are_sanctioned_leans_on_its_parent_named_elsewhere():
    """r715, r718: 牛川乡乡长, 李阳镇煤炭副镇长 with 和顺县 named earlier in the sentence; 万柏林区代区长."""
    text = (
        "免去和顺县分管副县长冯乐天、县煤炭局长张瑞清、牛川乡乡长张晓瑞、李阳镇煤炭副镇长赵晓军等4人职务。\n"
        "中共太原市委分别对万柏林区代区长王清河、副区长宁克强予以免职。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["牛川乡"] == got["李阳镇"] == got["万柏林区"] == "criticized"
    alone = "牛川乡乡长张晓瑞被免职。\n"  # no parent anywhere: 牛川乡 is not trusted
    assert not docparse.read(alone.encode("utf-8"), name="a.txt").extraction.regions


def test_a_lead_in_judgement_falls_on_the_items_after_its_colon():
    """r739: 死亡人数突破年度控制考核指标的情况：梧州市为102.69%…；北海市为115.24%…; a name inside an item,
    not opening it, is not what the lead-in judges."""
    text = (
        "各类安全生产事故死亡人数突破年度控制考核指标的情况：梧州市为102.69%，比控制考核指标多死亡6人；"
        "北海市为115.24%，比控制考核指标多死亡16人。\n"
        "全市死亡人数超过控制指标的单位有：某某检修有限公司，位于唐山市高新区。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["梧州市"] == got["北海市"] == "criticized"
    assert got["唐山市"] == "neutral"


def test_the_response_to_an_accident_is_not_praise():
    """r730, r723: 事故发生后，灵武市委、市政府…高度重视 praises nobody; 事故发生后…阳新县委县政府迟报事故 still blames."""
    text = (
        "某公司发生一起坠落事故，致1人死亡。事故发生后，灵武市委、市政府高度重视，迅速派相关人员赶赴事故现场。\n"
        "事故发生后，协泰井蓄意瞒报事故，阳新县委县政府迟报事故76小时。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["灵武市"] == "neutral"
    assert got["阳新县"] == "criticized"


def test_the_discipline_commission_that_investigates_is_not_sanctioned():
    """r723: 童金波已被免去县委书记职务，正接受黄石市纪委立案调查 — 黄石市 investigates; 照金镇纪委书记 is an office."""
    text = "童金波已被免去县委书记职务，正接受黄石市纪委立案调查。\n铜川市耀州区委决定免去照金镇纪委书记崔武鹏的职务。\n"
    got = stances(read_text(text, "a.txt"))
    assert got["黄石市"] == "neutral"
    assert got["照金镇"] == "criticized"


def test_an_issuer_name_several_units_bear_is_the_one_the_text_places():
    """r366: the issuer 长安区…领导小组 is 西安市's 长安区 (the text names 西安市), so 长安区 is home, not praised."""
    got = stances_in(REAL / "r366_tongzhi.txt")
    assert got["长安区"] == "neutral"


def test_a_tier_given_to_what_the_next_sentence_calls_shang_shu():
    """r193: 仓山区人民政府第一名、永泰县人民政府第二名；在市直部门中，…上述6个单位评为…考核先进单位."""
    text = (
        "在各县（市）区中，仓山区人民政府第一名、永泰县人民政府第二名；"
        "在市直部门中，市林业局第一名、市旅游局第二名，上述4个单位评为2006年度安全生产目标管理责任制考核先进单位。\n"
        "连江县人民政府召开会议；会议由市林业局主持。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["仓山区"] == got["永泰县"] == "praised"
    assert got["连江县"] == "neutral"


def test_praise_that_turns_to_blame_after_dan_is_mixed():
    """r176: …新疆维吾尔自治区…认真落实中央精神…取得了显著成效。但目前仍然面临一些问题，如…有待加强 — both; a turn
    to others (但部分地区…) leaves the praise alone."""
    text = (
        "督查组认为，昆明市认真落实中央精神，取得了显著成效。但目前仍然面临一些问题，如安全设施“三同时”工作有待加强；\n"
        "海曙区措施有力、成效明显。但部分地区隐患排查整治不深不细，工作有待加强。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["昆明市"] == "mixed"
    assert got["海曙区"] == "praised"


def test_a_sanction_after_a_list_of_bodies_falls_on_every_place():
    """A list of bodies (昆明市人民政府、玉溪市人民政府) is one list; a failing of someone else is not."""
    text = (
        "决定对昆明市人民政府、玉溪市人民政府予以通报批评。\n"
        "曲靖市发生事故的企业、保山市某公司进展缓慢。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["昆明市"] == got["玉溪市"] == "criticized"
    assert got["曲靖市"] == "neutral"


def test_an_official_of_a_regions_body_sanctioned_makes_the_region_criticized():
    """r705: 宣汉县县煤监办党组副书记、副主任袁朝洪…被停职检查; a body's office without a penalty judges nobody."""
    text = "同时，宣汉县县煤监办党组副书记、副主任袁朝洪被停职检查。\n会上，达川区应急管理局党组书记作了发言。\n"
    got = stances(read_text(text, "a.txt"))
    assert got["宣汉县"] == "criticized"
    assert got["达川区"] == "neutral"


def test_a_place_in_an_address_is_not_judged():
    """r196: 瞒报…的单位是唐山燕山电力设备检修有限公司（注册地址：河北唐山市高新区大庆道…）."""
    text = (
        "瞒报生产安全事故的生产经营单位是某某电力设备检修有限公司（注册地址：河北唐山市高新区大庆道）。\n"
        "保定市瞒报生产安全事故。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["唐山市"] == "neutral"
    assert got["保定市"] == "criticized"


def test_an_instruction_to_a_named_region_judges_it_not():
    """r727: 约谈强调，南昌市要牢固树立安全发展理念，认真剖析事故原因 — an instruction, not praise (认真); 柏乡县应急管理局
    …代替执法 is no modal 应."""
    text = "约谈强调，南昌市要牢固树立安全发展理念，认真剖析事故原因。\n柏乡县应急管理局今年以来以“帮扶”代替执法。\n"
    got = stances(read_text(text, "a.txt"))
    assert got["南昌市"] == "neutral"
    assert got["柏乡县"] == "criticized"


def test_shortfall_idioms_criticize():
    """r100 (there of 天津市, 浙江省): …大检查方案针对性、操作性不强，存在照葫芦画瓢现象; …自查自改浅尝辄止."""
    text = (
        "宁波市个别街镇大检查方案针对性、操作性不强。温州市方案存在照葫芦画瓢现象。\n"
        "台州市部分地方和企业自查自改浅尝辄止。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["宁波市"] == got["温州市"] == got["台州市"] == "criticized"


def test_the_problems_the_next_sentence_lists_blame_the_place_inspected():
    """r112: 在山东省日照市检查了1个化工园区…共发现25项问题隐患。主要问题包括企业自查不深入、…进度较慢; a next
    sentence that names its own subject is its own."""
    text = (
        "第二督导核查组由洪宇同志带队，在日照市检查了1个化工园区，共发现25项问题隐患。"
        "主要问题包括企业自查不深入、精细化工企业整治任务未完成。\n"
        "第三督导核查组由王某同志带队，在烟台市检查了2家企业。主要问题包括：威海市部分企业整治任务未完成。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["日照市"] == "criticized"
    assert got["烟台市"] == "neutral"


def test_the_one_county_a_text_without_issuer_is_about_is_its_home():
    """r614: 金沙县推行“三单”制度… (the county's own site): 金沙县 is home; a unit a 考核组 reviews is judged."""
    text = (
        "金沙县推行“三单”制度，扎实开展安全生产工作。\n金沙县安委办在日常工作中及时将文件转发。\n"
        "金沙县安委办认真督促各乡镇落实。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["金沙县"] == "neutral"
    reviewed = "省安委会第三考核组赴海西州开展考核。" + text.replace("金沙县", "海西州")
    got = stances(read_text(reviewed, "a.txt"))
    assert got["海西州"] == "praised"


def test_a_place_whose_instructions_are_carried_out_or_leadership_thanked_is_not_judged():
    """r738: 认真贯彻落实国家、自治区和南宁市有关…的一系列指示和工作部署; 在兴宁区委、兴宁区人民政府的正确领导下."""
    text = (
        "各单位认真贯彻落实国家、自治区和南宁市有关加强安全生产工作的一系列指示和工作部署，事故起数和死亡人数实现双下降。\n"
        "在兴宁区委、兴宁区人民政府的正确领导下，各镇安全生产形势稳定，成效明显。\n"
        "江南区认真贯彻落实安全生产工作部署，成效明显。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["南宁市"] == got["兴宁区"] == "neutral"
    assert got["江南区"] == "praised"


def test_a_region_addressed_a_request_is_not_judged_by_its_words():
    """r741: 请龙文区人民政府…组织有关部门认真开展事故调查工作; 责成横山区人民政府约谈区能源局主要负责人."""
    text = (
        "请龙文区人民政府依照有关法律法规的要求，组织有关部门认真开展事故调查工作。\n"
        "责成横山区人民政府约谈区能源局主要负责人。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["龙文区"] == got["横山区"] == "neutral"


def test_places_in_a_web_pages_trailer_are_not_judged():
    """r705: after a 新闻推荐 line come other pages' items (威远县碗厂镇…有效治理)."""
    text = (
        "宣汉县政府副县长王某被给予行政记过处分。\n（本报综合）\n新闻推荐\n"
        "（邓娜）威远县碗厂镇在专项治理“庸懒散”工作中，狠抓落实，有效治理。\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["碗厂镇"] == "neutral"
    assert got["宣汉县"] == "criticized"


def test_the_first_and_last_of_a_ranking_table():
    """r734: 市安全监管局对各县（市）区安全生产工作进行了排名，具体如下：名次 县（市）区 / 1 汝阳县 / … / 18 偃师市."""
    text = (
        "市安全监管局对各县（市）区安全生产工作进行了排名，具体如下：\n名次 县（市）区\n"
        "1 汝阳县\n2 瀍河区\n3 涧西区\n4 新安县\n5 偃师市\n"
        "附：参会单位\n1 孟津县\n2 伊川县\n3 宜阳县\n"
    )
    got = stances(read_text(text, "a.txt"))
    assert got["汝阳县"] == "praised"
    assert got["偃师区"] == "criticized"  # 偃师市, now 洛阳市偃师区
    assert got["涧西区"] == got["孟津区"] == got["宜阳县"] == "neutral"  # a middle rank; a list that ranks nothing


def test_bare_names_that_are_siblings_are_a_list_of_places():
    # a 宁德 notice (corpora/real r806): county names written short, no tail such as 等9个县
    text = ("宁德市人民政府办公室关于2016年度消防工作考评情况的通报\n\n经综合考评，评定福鼎、周宁、东侨成绩为优秀等次，"
            "柘荣、福安、屏南、古田、蕉城、霞浦、寿宁成绩为良好等次。\n")
    regions = {r.name: r.stance for r in docparse.read(text.encode(), name="n.txt").extraction.regions}
    assert regions["福鼎市"] == regions["周宁县"] == "praised"
    assert {"柘荣县", "古田县", "寿宁县"} <= set(regions)
    plain = {r.name for r in docparse.read("会议强调，要坚持和平、长安、永安的理念。\n".encode(), name="p.txt").extraction.regions}
    assert not plain  # words that look like short names but share no parent


def test_a_short_name_shared_by_a_city_and_its_county_is_the_city_in_a_list_of_cities():
    # corpora/real r805: 安阳 is 安阳市 here, not its 安阳县
    text = "河南省道路交通安全约谈情况\n\n昨日下午，省政府集中约谈了郑州、安阳、商丘市政府。\n"
    names = {r.name for r in docparse.read(text.encode(), name="y.txt").extraction.regions}
    assert "安阳市" in names and "安阳县" not in names


def test_a_list_of_bodies_running_on_over_a_comma_takes_the_cue_before_it():
    # corpora/real r805: the 约谈 is said of the counties after the comma too
    text = ("河南省道路交通安全约谈情况\n\n昨日下午，省政府集中约谈了郑州、安阳、商丘市政府，"
            "鹿邑、新密、林州、柘城县（市）政府，以及20家重点企业。\n")
    regions = {r.name: r.stance for r in docparse.read(text.encode(), name="y.txt").extraction.regions}
    assert regions["鹿邑县"] == regions["新密市"] == regions["商丘市"] == "criticized"


def test_a_township_the_gazetteer_lacks_is_read_after_its_county():
    # corpora/real r605 (dev split): a list of model townships, some merged away since the gazetteer's source
    text = ("湖南省安全生产委员会关于2015年度省安全生产示范单位的通报\n\n二、省安全生产示范乡镇（街道）\n"
            "长沙市：浏阳市葛家乡、宁乡县喻家坳乡、开福区青竹湖镇\n公主岭市建成乡镇（街道）应急救援站23个。\n")
    regions = {r.name: r for r in docparse.read(text.encode(), name="x.txt").extraction.regions}
    assert regions["葛家乡"].parent == "浏阳市" and regions["葛家乡"].level == "township"
    assert regions["葛家乡"].stance == regions["青竹湖镇"].stance == "praised"
    assert not any(name.endswith("乡镇") for name in regions)


def test_a_machines_first_process_reads_an_unlisted_township_as_later_ones_do(tmp_path):
    # the first process builds the gazetteer, later ones load what it saved: both must derive 浏阳市葛家乡's unit
    # (the built one was a plain dict and failed on r605, r151 and r357 of corpora/real)
    from docparse.analyse.gazetteer import build_gazetteer, load_gazetteer, save_gazetteer

    built = build_gazetteer()
    save_gazetteer(built, tmp_path)
    loaded = load_gazetteer(tmp_path)
    for gaz in (built, loaded):
        assert "430181:葛家乡" in gaz.units
        assert (gaz.units["430181:葛家乡"].name, gaz.units["430181:葛家乡"].level) == ("葛家乡", "township")
    assert dict(built.units.rows) == dict(loaded.units.rows)


def test_a_township_before_its_own_office_or_named_again_after_its_county_is_read_too():
    """r807: 约谈…桃江县浮邱山乡党政主要负责人, then the township with 沅江市's two 仍然发生4起以上…亡人事故 (a tally
    of each place's accidents, not one accident's site) and blamed; r151: 柳河县城关乡，… then 柳河县城关乡属地
    监管责任落实不到位 (the township the text named before, whatever follows it now)."""
    yiyang = read_text(
        "益阳新闻\n\n5月6日，市纪委监委分别约谈沅江市新湾镇、草尾镇，桃江县浮邱山乡党政主要负责人。\n\n"
        "之后，沅江市新湾镇、草尾镇，桃江县浮邱山乡仍然发生4起以上道路交通亡人事故，"
        "暴露出3个乡镇交通安全防范责任落实不到位等问题。\n"
    )
    problem = next(p for p in yiyang.extraction.problems if "不到位" in p.text)
    assert problem.regions == ["新湾镇", "草尾镇", "浮邱山乡"]
    assert stances(yiyang)["浮邱山乡"] == "criticized"
    jilin = read_text(
        "吉林省安委办通报\n\n吉林斯普瑞酒业有限公司（位于通化市柳河县城关乡，法定代表人：徐学礼），存在违规使用易燃"
        "聚氨酯发泡材料、柳河县城关乡属地监管责任落实不到位等问题。\n"
    )
    assert [m.stance for m in next(r for r in jilin.extraction.regions if r.name == "城关乡").mentions] == [
        "neutral", "criticized"]  # fmt: skip


def test_a_penalty_announced_on_a_name_blames_it_outside_a_requirements_part_too():
    """对…的楚雄州给予黄牌警告 in a 通报's narrative: 黄牌警告 is no blame word of its own, but a sanction on the
    name (as in 下步工作: 对万州区予以通报批评) wherever it stands."""
    doc = read_text("某省安委会通报\n\n省安委会对发生较大事故的楚雄州给予黄牌警告。\n")
    assert stances(doc) == {"楚雄州": "criticized"}
    assert next(p for p in doc.extraction.problems).regions == ["楚雄州"]


def test_a_results_list_with_places_and_governments_under_a_tier_heading():
    """r831 (福建 表彰 通报): 第一名：三明市人民政府 under (一)…先进单位 is a bare list of the tier; a heading's count
    (（11个）) does not make it a sentence; 授予厦门、泉州、莆田市人民政府“安全生产工作创新奖” praises whom the award goes to."""
    text = (
        "福建省人民政府关于表彰2012年度安全生产目标管理责任制考核先进单位的通报\n\n"
        "一、各设区市人民政府、平潭综合实验区管委会\n\n（一）完成年度安全生产目标管理责任制先进单位\n\n"
        "第一名：三明市人民政府\n\n第二名：漳州市人民政府\n\n第三名：福州市人民政府、南平市人民政府\n\n"
        "（二）完成年度安全生产目标管理责任制达标单位\n\n龙岩市人民政府\n\n"
        "同时，授予厦门、泉州、莆田市人民政府“安全生产工作创新奖”。\n"
    )
    got = stances(read_text(text))
    assert got["三明市"] == got["漳州市"] == got["福州市"] == got["南平市"] == "praised"
    assert got["厦门市"] == got["泉州市"] == got["莆田市"] == "praised"
    assert got["龙岩市"] == "neutral"  # 达标: no tier the lexicon knows
    counted = "一、表彰单位\n\n（一）完成年度安全生产目标管理责任制先进单位（3个）\n\n宁德市人民政府\n"
    assert stances(read_text(counted))["宁德市"] == "praised"


def test_a_list_closed_by_a_count_of_tier_units_gets_that_tier():
    """r801: 对罗山县人民政府等11个优秀单位、平桥区人民政府等67个先进单位…予以通报表彰."""
    text = (
        "信阳市人民政府关于表彰2017年度安全生产优秀单位先进单位和先进工作者的决定\n\n"
        "市政府决定对罗山县人民政府等11个优秀单位、平桥区人民政府等67个先进单位、冷彬彬等64名先进工作者予以通报表彰。\n"
    )
    doc = read_text(text)
    assert stances(doc) == {"罗山县": "praised", "平桥区": "praised", "信阳市": "neutral"}
    assert next(r for r in doc.extraction.regions if r.name == "罗山县").mentions[0].cue == "优秀"


def test_the_body_a_reporter_learnt_the_news_from_is_not_judged():
    """r832 (新华社, traditional script): 记者10日從黔南布依族苗族自治州人民政府了解到，…停職檢查: the source of the
    news, not an official's body that a penalty falls on."""
    from docparse.analyse.places import is_source

    text = "记者10日从黔南布依族苗族自治州人民政府了解到，因对事故负有直接领导责任，荔波县副县长莫春继被责令停职检查。"
    at = text.index("黔南")
    assert is_source(text, at, at + len("黔南布依族苗族自治州"))
    at = text.index("荔波县")
    assert not is_source(text, at, at + 3)
    got = stances_in(REAL / "r832_tongbao.txt")
    assert got["黔南州"] == "neutral"
    assert got["荔波县"] == "criticized"


def test_a_penalty_ordered_on_a_list_of_bodies_over_commas():
    """r833 (新华社): 责令威信县能源局、自然资源局，昭通市能源局，威信县委、县人民政府作出书面检查; the line's
    wrapping space (县人民政府 作出) stands where the page broke it."""
    text = (
        "云南昭通21名公职人员因一起煤矿事故被建议追责问责\n"
        "对云南地方煤矿设计研究院有限公司给予行政罚款并责令停业整顿。责令威信县能源局、自然资源局，昭通市能源局，"
        "威信县委、县人民政府 作出书面检查。\n"
    )
    got = stances(read_text(text))
    assert got["威信县"] == got["昭通市"] == "criticized"
    plain = "责令威信县能源局、自然资源局，昭通市能源局，威信县委、县人民政府于10日内完成整改。\n"
    assert set(stances(read_text(plain)).values()) == {"neutral"}  # an order, no penalty


def test_a_reviewing_teams_findings_judge_the_province_the_text_speaks_as():
    """r836 (青海 press, 我省): 督查组指出，青海省…高度重视…。青海省部分企业…思想认识上还有差距: the team's findings
    judge the province even though it is the text's home; elsewhere the home is not judged."""
    text = (
        "国务院安委会第十二督查组来青海省督查安全生产工作\n"
        "7月4日至7日，国务院安委会第十二督查组对我省道路运输安全生产情况进行综合督查，并将督查情况向省政府反馈。\n"
        "督查组指出，青海省委省政府高度重视安全生产工作。青海省部分企业、部分从业人员思想认识上还有差距，"
        "安全生产红线意识还不够坚定；部分运输企业责任落实上还有差距，安全管理水平参差不齐。\n"
    )
    doc = read_text(text)
    assert stances(doc)["青海省"] == "mixed"
    assert next(r for r in doc.extraction.regions if r.name == "青海省").mentions[0].stance == "neutral"
    problems = {p.text: p.regions for p in doc.extraction.problems}
    assert problems["安全管理水平参差不齐"] == ["青海省"]
    assert any("思想认识上还有差距" in t for t in problems)  # 思想认识, the noun: a finding, not a call to see one


def test_praise_and_blame_of_equal_weight_set_apart_by_a_contrast_are_mixed():
    """A feedback's 取得积极成效，但仍存在…不深入等问题 (the form of r836 and r841's 督查 feedback): one weak praise and
    one weak blame no longer cancel to neutral when 但 sets them apart; with no contrast they still do."""
    text = (
        "河北日报讯\n\n国务院安委会考核巡查组向我省反馈考核巡查情况。考核巡查组反馈指出，河北省安全生产工作取得积极成效，"
        "但仍存在隐患排查不深入等问题。\n"
    )
    assert stances(read_text(text))["河北省"] == "mixed"
    plain = "某市通报\n\n邢台市积极推进工作，隐患排查不深入。\n"
    assert stances(read_text(plain))["邢台市"] == "neutral"


def test_a_national_results_list_praises_its_first_province_too_and_reads_bare_province_pairs():
    # the 考核结果 通报 of the State Council's safety committee (as r126 of corpora/real reports it): a list of
    # provinces each named once is no sign of the document's home, so its first member is praised like the rest;
    # two bare province names (黑龙江、西藏) are read as provinces
    doc = docparse.read(
        "关于2017年度省级政府安全生产工作考核结果的通报\n各省、自治区、直辖市人民政府：\n"
        "现将考核结果通报如下：北京、天津、河北、山西、江苏等21个省（区、市）考核等级为优秀；"
        "辽宁、吉林等8个省（区、市）考核等级为良好；黑龙江、西藏考核等级为不合格。\n".encode(),
        name="r.txt",
    )
    stance = {r.name: r.stance for r in doc.extraction.regions}
    assert [n for n, s in stance.items() if s == "praised"] == ["北京市", "天津市", "河北省", "山西省", "江苏省"]
    assert stance["辽宁省"] == stance["吉林省"] == "neutral"
    assert stance["黑龙江省"] == stance["西藏自治区"] == "criticized"


def test_a_quoted_tier_after_wei_goes_to_the_list_before_it_and_the_tail_names_the_level():
    """r915 (国务院安委会 考核结果 news): 重庆、…内蒙古等省级政府为“优秀”；西藏、…为“良好”；陕西、湖南、河南等省级政府为
    “合格”. The quoted tier word after 为 is the tier; 等省级政府 closes a list of provinces, so 河南 is 河南省."""
    text = (
        "昆明在线讯\n\n经综合评定，2017年度各省级政府安全生产工作考核结果为：重庆、福建、吉林、新疆生产建设兵团、浙江、"
        "内蒙古等省级政府为“优秀”；西藏、青海等省级政府为“良好”；陕西、湖南、河南等省级政府为“合格”。\n"
    )
    got = stances(read_text(text))
    assert got["重庆市"] == got["福建省"] == got["浙江省"] == got["内蒙古自治区"] == "praised"
    assert got["西藏自治区"] == got["青海省"] == got["河南省"] == "neutral"
    assert "河南县" not in got


def test_a_conferred_title_after_wei_goes_to_the_list_the_verb_confers_it_on():
    """r900 (安徽 平安渔业示范县 表彰): 授予庐江县、固镇县…15个县（市、区）为…“安徽省平安渔业示范县”创建先进单位
    praises each county listed, not 合肥市 named before 授予 in the same sentence."""
    text = (
        "安徽省农委通报\n\n同时，对今年新申报的合肥市庐江县等8家单位进行考评，最终，决定授予庐江县、固镇县、枞阳县、"
        "宣州区、明光市15个县（市、区）为2012-2013年度“安徽省平安渔业示范县”创建先进单位。\n"
    )
    got = stances(read_text(text))
    assert all(got[n] == "praised" for n in ("固镇县", "枞阳县", "宣州区", "明光市"))
    assert got["合肥市"] == "neutral"


@pytest.mark.parametrize(
    "text, praised, neutral, criticized",
    [
        # r149 (湖南 表彰): 先进市州:衡阳市、永州市…; a label holds the names after it, not those before
        ("经考核，优秀：昆明市、玉溪市；良好：昭通市、保山市；不合格：怒江州。", {"昆明市", "玉溪市"}, {"昭通市", "保山市"}, {"怒江州"}),
        ("2019年度安全生产目标责任考核优秀单位（共3个）：五华区人民政府、盘龙区人民政府、官渡区人民政府。", {"五华区", "盘龙区", "官渡区"}, set(), set()),
        ("考核结果优秀的有昆明、曲靖、玉溪等3个州（市），良好的有保山、昭通等2个州（市）。", {"昆明市", "曲靖市", "玉溪市"}, {"保山市", "昭通市"}, set()),
        ("安全生产工作考核优秀县（区）为：五华区、盘龙区。", {"五华区", "盘龙区"}, set(), set()),
        # r104: 不合格单位为:张家口市政府; a tier after 为 ending its clause
        ("五华区、盘龙区考核结果为优秀，官渡区为合格，西山区为不合格。", {"五华区", "盘龙区"}, {"官渡区"}, {"西山区"}),
        # a label whose list follows in brackets; a tier in a name's own clause is said of it, not the label before
        (
            "考核为优秀等次的州（市）有3个（昆明市、玉溪市、曲靖市），良好等次的有2个（保山市、昭通市）。",
            {"昆明市", "玉溪市", "曲靖市"},
            {"保山市", "昭通市"},
            set(),
        ),
        ("优秀：五华区、盘龙区，西山区为不合格。", {"五华区", "盘龙区"}, set(), {"西山区"}),
        # r801, r119: …等…先进单位予以通报表彰, here with no count
        ("对五华区、盘龙区、官渡区等安全生产先进县（市、区）予以通报表彰。", {"五华区", "盘龙区", "官渡区"}, set(), set()),
    ],
)
def test_a_tier_label_goes_to_the_list_it_opens(text, praised, neutral, criticized):
    got = stances(read_text("某市安委办通报\n\n" + text + "\n"))
    assert {n for n, s in got.items() if s == "praised"} == praised
    assert {n for n, s in got.items() if s == "criticized"} == criticized
    assert all(got[n] == "neutral" for n in neutral)


def test_a_list_written_one_name_a_line_takes_what_its_lead_line_says():
    """对以下单位予以通报表扬：⏎昆明市人民政府⏎…: the line that opens the list judges each name under it; a lead
    that only says what follows (检查了以下地区：) judges nobody."""
    text = "某市安委办通报\n\n经研究，决定对以下单位予以通报表扬：\n昆明市人民政府\n玉溪市人民政府\n曲靖市人民政府\n"
    assert set(stances(read_text(text)).values()) == {"praised"}
    text = "某市安委办通报\n\n督查组检查了以下地区：\n昆明市\n玉溪市\n"
    assert set(stances(read_text(text)).values()) == {"neutral"}


def test_a_results_table_row_gives_its_region_the_tier_in_its_cell():
    """A 考核结果 table copied as text: each row's tier cell is its region's tier; 良好 judges nobody."""
    text = "某市安委办通报\n\n现将考核结果通报如下：\n序号 单位 考核等次\n1 五华区 优秀\n2 盘龙区 优秀\n3 官渡区 良好\n4 西山区\t不合格\n"
    got = stances(read_text(text))
    assert got == {"五华区": "praised", "盘龙区": "praised", "官渡区": "neutral", "西山区": "criticized"}


def test_a_government_joined_to_a_company_is_no_part_of_the_companys_name():
    """r879 (包头 周报): 对…发生事故的东河区、九原区、达茂旗政府和内蒙古包钢钢联股份有限公司进行约谈提醒: 达茂旗 opens
    a body listed with the company, not the company's name, so the 约谈 falls on it too."""
    text = (
        "包头市应急管理局周报\n\n对中秋、国庆节期间发生事故的东河区、九原区、达茂旗政府和内蒙古包钢钢联股份有限公司"
        "进行约谈提醒，通报全市安全生产形势。\n"
    )
    got = stances(read_text(text))
    assert got["达尔罕茂明安联合旗"] == got["东河区"] == "criticized"


def test_a_list_one_name_a_line_under_its_title_takes_the_tier_the_title_names():
    """附件：…先进单位名单⏎昆明市人民政府⏎…: the list's title names its tier; a title that names none (检查地区名单) none."""
    text = "某市安委会表彰决定\n\n附件：2019年度安全生产目标考核先进单位名单\n昆明市人民政府\n玉溪市人民政府\n"
    assert set(stances(read_text(text)).values()) == {"praised"}
    text = "某市安委会通知\n\n附件：2019年度安全生产检查地区名单\n昆明市人民政府\n玉溪市人民政府\n"
    assert set(stances(read_text(text)).values()) == {"neutral"}


def test_a_bare_zone_name_many_cities_bear_names_none_the_text_does_not_place():
    """r164 (西安日报): 雁塔区、高陵区、蓝田县、高新区、经开区…整改力度不大: 高新区 and 经开区 are zones of dozens of
    cities, none of which the text names, so they are no 包头 or 呼和浩特 zone; 雁塔区 stays."""
    text = "西安日报讯\n\n西安市安委办督查发现，雁塔区、高陵区、蓝田县、高新区、经开区、曲江新区整改力度不大。\n"
    got = stances(read_text(text))
    assert got["雁塔区"] == "criticized"
    assert not any("开发区" in name for name in got)


def test_an_attachment_without_a_title_takes_the_tier_of_the_body_clause_that_points_to_it():
    """r934 (平安农机 公示): …确定了…示范市、县名单（见附件1、2）…⏎附件1⏎江苏省：常州市、连云港市…⏎附件2 北京市：大兴区…: the
    attachments carry no title, the body names them; each attachment is read by the reference that names its number."""
    text = (
        "农业农村部农业机械化管理司关于2023年度全国“平安农机”示范市、县名单的公示2023年，农业农村部继续组织开展创建活动。"
        "在市县申报、省级推荐、部级审查的基础上，确定了2023年度全国“平安农机”示范市、县名单（见附件1、2），现予以公示。"
        "另附本次抽查地区名单（见附件3）。\n"
        "农业农村部农业机械化管理司\n2024年1月9日\n"
        "附件1\n江苏省：常州市、连云港市 山东省：青岛市、滨州市\n"
        "附件2 北京市：大兴区 天津市：东丽区、北辰区 安徽省：巢湖市、庐江县、滁州市南谯区\n"
        "附件3\n河南省：安阳县、沈丘县\n"
    )
    got = stances(read_text(text))
    for name in ("常州市", "连云港市", "青岛市", "大兴区", "东丽区", "北辰区", "巢湖市", "庐江县", "南谯区"):
        assert got[name] == "praised", name
    assert got["安阳县"] == got["沈丘县"] == "neutral"


def test_an_attachment_without_a_reference_takes_the_tier_the_documents_title_names():
    text = "某省应急管理厅关于公布2023年度安全生产示范县名单的通知\n\n各市应急管理局：\n\n现将名单予以公布。\n\n附件\n安平县、元氏县、繁峙县\n"
    got = stances(read_text(text))
    assert got["安平县"] == got["元氏县"] == got["繁峙县"] == "praised"


def test_a_quoted_honour_bestowed_on_a_list_praises_it_whatever_it_is_called():
    """r935 (浙江 安全发展鼎): 授予杭州、湖州…5个设区市以及杭州西湖区等24个县（市、区）“安全发展铜鼎”: no 奖 or 称号 ends the
    honour's name, 授予 and its quotes make it one."""
    text = (
        "5月7日，浙江召开全省安全发展工作会议，现场授予杭州、湖州、绍兴、衢州、丽水5个设区市以及杭州西湖区等24个县（市、区）"
        "“安全发展铜鼎”。\n"
    )
    got = stances(read_text(text))
    assert {got[n] for n in ("杭州市", "湖州市", "绍兴市", "衢州市", "丽水市", "西湖区")} == {"praised"}


def test_the_reward_a_results_band_is_given_or_denied_is_its_stance():
    """r932 (东阳 目标管理考核): …的镇乡、街道是：白云街道…，按安全生产保障金150%比例发奖；…的有江北街道、巍山镇，不予奖励."""
    text = (
        "东阳市人民政府关于2008年度安全生产目标管理责任制考核结果的通报\n\n各镇、乡人民政府，各街道办事处：\n\n"
        "经考核评比，综合得分在190分以上的镇乡、街道是：白云街道、六石街道、千祥镇，按安全生产保障金150%比例发奖；"
        "得分在120分到149分之间的有江北街道、巍山镇，不予奖励。\n"
    )
    doc = read_text(text)
    got = stances(doc)
    assert got["白云街道"] == got["六石街道"] == got["千祥镇"] == "praised"
    assert got["江北街道"] == got["巍山镇"] == "criticized"
    assert not any("不予奖励" in p.text for p in doc.extraction.problems)  # withholding a reward answers, it is no problem


def test_a_ranking_written_as_one_list_praises_its_first_and_blames_its_last():
    """r944 (株洲 月度考评): 排名1-9位分别为：醴陵市、芦淞区、…、荷塘区、石峰区; a top part (排名前两位的是) is praised whole."""
    text = (
        "株洲市安全生产委员会办公室关于2月份安全生产工作月度考评结果的通报\n\n一、县市区考评结果\n\n"
        "排名1-9位分别为：醴陵市、芦淞区、茶陵县、天元区、炎陵县、攸县、渌口区（与攸县并列第6）、荷塘区、石峰区\n"
    )
    got = stances(read_text(text))
    assert (got["醴陵市"], got["石峰区"]) == ("praised", "criticized")
    assert {got[n] for n in ("芦淞区", "茶陵县", "攸县", "渌口区", "荷塘区")} == {"neutral"}
    text = "某市安委办关于月度考评结果的通报\n\n排名前两位的分别为：醴陵市、芦淞区；排名后两位的分别为：荷塘区、石峰区。\n"
    got = stances(read_text(text))
    assert got["醴陵市"] == got["芦淞区"] == "praised"
    assert got["荷塘区"] == got["石峰区"] == "criticized"


def test_a_region_assigned_a_duty_is_not_praised_for_how_it_is_to_do_it():
    """r941 (广西 挂牌督办): 由百色市交通运输局局长亲自担任监管负责人，由百色市市长亲自负责督办: 亲自 says how the duty is to
    be done; 百色市 is not praised for it."""
    text = (
        "广西壮族自治区安委会挂牌督办18项重大事故隐患\n\n在本次督办事项中，要求乐业县交通运输局今年6月30日前完成整改，"
        "由百色市交通运输局局长亲自担任监管负责人，由百色市市长亲自负责督办。\n"
    )
    assert stances(read_text(text)).get("百色市", "neutral") == "neutral"


def test_a_township_after_its_county_is_no_county_its_name_begins_with():
    """r605 (湖南 示范乡镇 公示): 株洲市：茶陵县火田镇、株洲县太湖乡: 太湖 is also 安徽's 太湖县, but written after 株洲县 and
    before 乡 it opens the township's own name."""
    gaz = gazetteer()
    text = "株洲市：茶陵县火田镇、株洲县太湖乡、醴陵市新阳乡"
    names = [text[c.start : c.end] for c in find_candidates(text, gaz)]
    assert "太湖乡" in names and "太湖" not in names


def test_a_list_titled_in_its_own_line_takes_the_tier_its_title_names():
    """现将…示范县名单公布如下：安平县、元氏县 (on one line or one name a line); a title naming no tier gives none."""
    for body in ("安平县、元氏县、繁峙县。", "\n安平县\n元氏县\n繁峙县"):
        text = f"某省应急管理厅通知\n\n现将2023年度安全生产示范县名单公布如下：{body}\n"
        assert set(stances(read_text(text)).values()) == {"praised"}, body
    text = "某省应急管理厅通知\n\n现将2023年度安全生产抽查县名单公布如下：安平县、元氏县、繁峙县。\n"
    assert set(stances(read_text(text)).values()) == {"neutral"}


def test_a_table_under_its_title_takes_the_tier_the_title_names_past_its_header_row():
    text = (
        "某省应急管理厅关于公布示范县的通知\n\n各市：\n\n现予公布。\n\n附件\n2023年度安全生产示范县名单\n"
        "| 序号 | 省份 | 县（市、区） |\n| 1 | 河北省 | 安平县 |\n| 2 | 山西省 | 繁峙县 |\n| 3 | 山西省 | 永济市 |\n"
    )
    got = stances(read_text(text))
    assert got["安平县"] == got["繁峙县"] == got["永济市"] == "praised"


def test_the_documents_own_region_takes_the_tier_its_own_clause_gives_it():
    """r915 (昆明在线): 近日，记者从云南省安全生产监督管理局获悉…国务院安委会通报…结果，云南省政府考核为优秀: the page's home
    province is judged by a national body; a tier stated of it in its own clause holds."""
    text = (
        "好消息！云南省政府2017年度安全生产工作考核为优秀\n\n近日，记者从云南省安全生产监督管理局获悉：2017年，全省事故总量同比"
        "下降。3月14日，国务院安委会通报全国2017年度省级政府安全生产工作考核结果，云南省政府考核为优秀。\n"
    )
    assert stances(read_text(text))["云南省"] == "praised"


def test_the_documents_own_region_opening_a_companys_name_takes_no_tier_from_its_list():
    """r802 (咸阳 表彰决定): …、陕西省第六建筑工程公司等20个隐患排查治理先进单位予以通报表彰: 陕西省 opens a company's name; the
    count's tier is the company's and its peers'."""
    text = (
        "咸阳市人民政府办公室关于表彰2008年度安全生产先进县市区、部门和企业的决定\n\n市政府办公室决定对秦都区人民政府等10个县市区、"
        "陕西省第六建筑工程公司等20个隐患排查治理先进单位予以通报表彰。\n"
    )
    assert stances(read_text(text)).get("陕西省", "neutral") == "neutral"


def test_a_bare_list_under_a_heading_or_title_that_commends_or_penalises_takes_that_stance():
    """一、予以通报表扬的县（市、区）⏎安平县、元氏县 / 附件2⏎通报批评县（市、区）名单⏎繁峙县: no tier word, but the heading says
    what is done to those listed."""
    text = (
        "某省安委会办公室关于2023年度考核结果的通报\n\n各市安委会：\n\n现将考核结果通报如下。\n\n一、予以通报表扬的县（市、区）\n"
        "安平县、元氏县\n二、予以通报批评的县（市、区）\n古县、永济市\n"
    )
    got = stances(read_text(text))
    assert (got["安平县"], got["元氏县"], got["古县"], got["永济市"]) == ("praised", "praised", "criticized", "criticized")
    text = (
        "某省安委会办公室关于2023年度考核结果的通报\n\n各市安委会：\n\n现将考核结果通报如下。\n\n附件1\n通报表扬县（市、区）名单\n"
        "安平县\n元氏县\n附件2\n通报批评县（市、区）名单\n繁峙县\n永济市\n"
    )
    got = stances(read_text(text))
    assert (got["安平县"], got["元氏县"], got["繁峙县"], got["永济市"]) == ("praised", "praised", "criticized", "criticized")


def test_a_bare_name_its_parent_labels_is_a_region_of_that_parent():
    """江苏省：常州、连云港⏎贵州省：遵义: a list labelled by a province in full vouches for the bare names it holds, even one
    alone (遵义), as that province's units."""
    text = (
        "某部关于2023年度示范市名单的公示\n\n确定了2023年度全国示范市名单（见附件），现予以公示。\n\n"
        "附件\n江苏省：常州、连云港\n贵州省：遵义\n"
    )
    got = stances(read_text(text))
    assert got["遵义市"] == got["常州市"] == got["连云港市"] == "praised"


def test_an_attachment_named_in_a_clause_of_its_own_and_counted_above_its_list_is_read_by_its_reference():
    """…示范县名单，详见附件1 (no brackets, the title in the clause before) and a count line (（共3个）) between the
    attachment's number and its list; another attachment the body calls a sample stays unjudged."""
    text = (
        "某部关于2023年度工作的通知\n\n确定了2023年度全国示范县名单，详见附件1。另抽查了部分县，名单详见附件2。\n\n"
        "附件1\n（共3个）\n安平县、元氏县、繁峙县\n附件2\n古县、永济市\n"
    )
    got = stances(read_text(text))
    assert got["安平县"] == got["元氏县"] == got["繁峙县"] == "praised"
    assert got["古县"] == got["永济市"] == "neutral"


def test_a_table_whose_title_names_no_tier_takes_the_one_its_header_row_names():
    text = (
        "某省应急管理厅关于公布2023年度创建结果的通知\n\n各市：\n\n现予公布。\n\n附件\n2023年度创建结果\n"
        "| 序号 | 省份 | 示范县（市、区） |\n| 1 | 河北省 | 安平县 |\n| 2 | 山西省 | 繁峙县 |\n| 3 | 山西省 | 永济市 |\n"
    )
    got = stances(read_text(text))
    assert got["安平县"] == got["繁峙县"] == got["永济市"] == "praised"

import docparse
from docparse.analyse.departments import canonical_name
from tests.helpers import gold, seed


def read(text: str):
    return docparse.read(text.encode("utf-8"), name="excerpt.txt")


def by_name(doc):
    return {d.name: d for d in doc.extraction.departments}


def test_seed_001_finds_every_gold_department_under_its_canonical_name():
    doc = docparse.read(seed("001"))
    found = by_name(doc)
    expected = {name for a in gold("001")["assignments"] for name in a["lead"] + a["support"]}
    assert expected <= set(found)
    assert found["市应急管理局"].level == "prefecture"
    assert found["市应急管理局"].jurisdiction == "昆明市"  # the issuer 昆明市安全生产委员会 names the 市
    assert {m.text for m in found["市应急管理局"].mentions} >= {"市应急局", "市应急管理局"}


def test_seed_001_aliases_as_written_map_to_the_gold_names():
    doc = docparse.read(seed("001"))
    found = by_name(doc)
    for name, aliases in gold("001")["department_aliases"].items():
        written = {m.text for m in found[name].mentions}
        assert written <= set(aliases), (name, written - set(aliases))


def test_prefix_is_shared_across_a_run_with_lost_separators():
    doc = read("（九）消防由市消防救援支队牵头，市公安局民政局、卫生和健康委、文化和旅游局、商务局等部门分工负责。\n")
    names = [d.name for d in doc.extraction.departments]
    assert names == ["市消防救援支队", "市公安局", "市民政局", "市卫生健康委员会", "市文化和旅游局", "市商务局"]


def test_names_run_together_each_keep_their_own_prefix():
    doc = read("由县文化广电旅游局牵头县自然资源局县教育和体育局县水利局、县林草局等部门依职责分工负责。\n")
    names = [d.name for d in doc.extraction.departments]
    assert names == ["县文化广电和旅游局", "县自然资源局", "县教育体育局", "县水利局", "县林业和草原局"]
    assert all(d.level == "county" for d in doc.extraction.departments)


def test_old_names_from_before_the_2018_reform_map_to_the_new_ones():
    doc = read("县安监局、县国土资源局、县卫计委、县环保局和县工商局联合开展检查。\n")
    assert [d.name for d in doc.extraction.departments] == [
        "县应急管理局",
        "县自然资源局",
        "县卫生健康委员会",
        "县生态环境局",
        "县市场监督管理局",
    ]
    assert canonical_name("安全生产监督管理局") == "应急管理局"


def test_place_name_prefix_gives_jurisdiction_and_level():
    doc = read("德阳市应急管理局会同旌阳区住房城乡建设局开展燃气检查，四川省应急管理厅派员督导。\n")
    found = by_name(doc)
    assert (found["市应急管理局"].jurisdiction, found["市应急管理局"].level) == ("德阳市", "prefecture")
    assert (found["区住房和城乡建设局"].jurisdiction, found["区住房和城乡建设局"].level) == ("旌阳区", "county")
    assert found["省应急管理厅"].level == "province"
    assert found["省应急管理厅"].mentions[0].text == "四川省应急管理厅"


def test_a_verb_before_the_level_word_is_not_a_place():
    doc = read("请各单位报送市应急局，由市水务局牵头。领导机构市交通运输局负责。\n")
    assert all(d.jurisdiction is None for d in doc.extraction.departments)
    assert [m.text for d in doc.extraction.departments for m in d.mentions] == ["市应急局", "市水务局", "市交通运输局"]


def test_bodies_inside_bodies_are_one_department():
    doc = read("市公安局交警支队、市公安局治安支队和市公安交警支队分别负责。\n")
    found = by_name(doc)
    assert set(found) == {"市公安局交警支队", "市公安局治安支队"}
    assert len(found["市公安局交警支队"].mentions) == 2


def test_generic_subjects_are_not_departments():
    doc = read(
        "各县（市）区人民政府、各有关部门、各成员单位要督促企业主要负责人落实责任，各级安委会、各地安委办加强督导，"
        "市应急管理部门要加强执法。\n"
    )
    assert doc.extraction.departments == []


def test_party_organs_and_governments_need_their_prefix():
    doc = read("中共广元市委宣传部、市政府办公室和市纪委监委参加，党委政府统筹，宣传部门配合。\n")
    found = by_name(doc)
    assert set(found) == {"市委宣传部", "市人民政府办公室", "市纪委监委"}
    assert found["市委宣传部"].kind == "party"
    assert found["市委宣传部"].jurisdiction == "广元市"


def test_mentions_point_at_the_source_text():
    doc = docparse.read(seed("001"))
    for dept in doc.extraction.departments:
        for m in dept.mentions:
            assert doc.text_of(m.span) == m.text
            assert m.kind in ("department", "committee")


# --- held-out layouts (corpora/heldout): other provinces, levels and years -----------------------


def test_lost_separators_before_a_merged_body_with_a_long_local_name():
    doc = read("由县消防救援大队牵头，县教育和体育局县民政局、县卫生健康局、县文化广播电视和旅游局等部门依职责分工负责。\n")
    names = [d.name for d in doc.extraction.departments]
    assert names == ["县消防救援大队", "县教育体育局", "县民政局", "县卫生健康局", "县文化广电和旅游局"]
    assert by_name(doc)["县文化广电和旅游局"].mentions[0].text == "县文化广播电视和旅游局"


def test_merged_bodies_of_some_provinces_are_known():
    doc = read(
        "市消防救援支队牵头，市教育局、市文旅广体局配合。县文化和广电旅游体育局、县综合行政执法局、"
        "县大数据发展管理局按职责分工负责。\n"
    )
    assert [d.name for d in doc.extraction.departments] == [
        "市消防救援支队",
        "市教育局",
        "市文化旅游广电体育局",
        "县文化和广电旅游体育局",
        "县综合行政执法局",
        "县大数据局",
    ]


def test_abbreviated_provincial_names():
    doc = read("由省住房城乡建设厅牵头，省发展改革委、省市场监管局等部门配合。省住建厅、省应急厅、省卫生健康委会同做好。\n")
    found = by_name(doc)
    assert set(found) == {"省住房和城乡建设厅", "省发展和改革委员会", "省市场监督管理局", "省应急管理厅", "省卫生健康委员会"}
    assert {m.text for m in found["省住房和城乡建设厅"].mentions} == {"省住房城乡建设厅", "省住建厅"}
    assert all(d.level == "province" for d in found.values())


def test_prefecture_document_from_before_the_2018_reform():
    doc = read(
        "临夏州安全生产委员会\n由州安监局牵头，州公安局、州工信委、州质监局配合。州公安消防支队牵头，"
        "州教育局州民政局州卫计委州旅游局等部门配合。州委宣传部牵头，州安监局配合。各县市安监局要加强综合监管。\n"
    )
    found = by_name(doc)
    assert list(found) == [
        "州安全生产委员会",
        "州应急管理局",
        "州公安局",
        "州工业和信息化局",
        "州市场监督管理局",
        "州消防救援支队",
        "州教育局",
        "州民政局",
        "州卫生健康委员会",
        "州文化和旅游局",
        "州委宣传部",
    ]
    assert found["州委宣传部"].kind == "party"
    assert all(d.level == "prefecture" for d in found.values())
    assert [m.text for m in found["州应急管理局"].mentions] == ["州安监局", "州安监局"]  # not 各县市安监局


def test_a_county_named_like_a_verb_is_not_read_after_a_department():
    # 会同县 is a county, but after 局 the words are 会同 (together with) + 县委编办
    doc = read("德清县安全生产委员会办公室\n县应急管理局会同县委编办、县财政局指导各乡镇。\n")
    found = by_name(doc)
    assert found["县委机构编制委员会办公室"].mentions[0].text == "县委编办"
    assert {d.jurisdiction for d in found.values()} == {"德清县"}


def test_an_old_name_is_the_body_the_document_names_in_full():
    doc = read("市国土资源局、市文旅局配合。由市自然资源和规划局牵头，市文化旅游广电体育局参加。\n")
    found = by_name(doc)
    assert set(found) == {"市自然资源和规划局", "市文化旅游广电体育局"}
    assert [m.text for m in found["市自然资源和规划局"].mentions] == ["市国土资源局", "市自然资源和规划局"]


def test_every_county_government_is_generic():
    doc = read("各县市区人民政府，株洲经开区管委会，市应急管理局：\n")
    assert [d.name for d in doc.extraction.departments] == ["市应急管理局"]


def test_bodies_named_after_a_bare_place_and_central_regional_bureaus():
    doc = read(
        "由漳州海事局、市海洋与渔业局按职责分工牵头，省公安厅交通管理局、中国民用航空西南地区管理局、"
        "省森林消防总队、市公安交管局配合。"
    )
    found = by_name(doc)
    assert (found["漳州海事局"].level, found["漳州海事局"].jurisdiction) == ("prefecture", "漳州市")
    assert {"市海洋与渔业局", "省公安厅交通管理局", "省森林消防总队", "市公安局交通管理局"} <= set(found)
    assert found["民用航空西南地区管理局"].level == "central"  # the list's 省 does not carry on to it


def test_township_bodies_and_the_committees_of_a_municipality_district():
    doc = read(
        "由镇安监站牵头，镇市场监管所、镇派出所、镇林草中心配合。"
        "责任单位：区住房城乡建委（牵头）、区教委、区文化旅游委、区规划自然资源局。"
    )
    found = by_name(doc)
    assert {"镇安全生产监督管理站", "镇市场监督管理所", "镇派出所", "镇林业和草原服务中心"} <= set(found)
    assert found["镇派出所"].level == "township"
    assert {"区住房和城乡建设委员会", "区教育委员会", "区文化和旅游发展委员会", "区规划和自然资源局"} <= set(found)
    assert "派出所" not in {d.name for d in read("加强派出所建设。").extraction.departments}  # a lone unit names nobody


def test_short_names_a_document_defines_for_a_body():
    doc = read(
        "一、有关说明\n深圳市公安局龙岗分局（以下简称“龙岗公安分局”）和深圳市市场监督管理局龙岗监管局简称区市场监管局。\n"
        "二、重点任务\n（一）燃气整治。由区市场监管局牵头，龙岗公安分局配合。\n"
    )
    found = by_name(doc)
    police = found["市公安局龙岗分局"]
    assert police.jurisdiction == "深圳市"
    assert [m.text for m in police.mentions] == ["深圳市公安局龙岗分局", "龙岗公安分局", "龙岗公安分局"]
    assert "区市场监督管理局" not in found  # 区市场监管局 is the name this document gave the 龙岗监管局
    assigned = next(t for t in doc.extraction.tasks if "燃气整治" in t.text)
    assert [p.name for p in assigned.lead] == ["市市场监督管理局龙岗监管局"]
    assert [p.name for p in assigned.support] == ["市公安局龙岗分局"]


def test_a_city_whose_name_ends_in_zhou_is_no_plural_of_prefectures():
    # r744 (泉州), r741 and r635 (漳州), r600 (梅州): the 州市 of 泉州市安全生产委员会 ends the city's name; it is
    # not 州市 "every prefecture and city" making the committee a generic party
    doc = docparse.read("通知\n泉州市安全生产委员会决定对该起事故实行挂牌督办。各州市安委会要加强督导。\n".encode(), name="a.txt")
    assert [d.name for d in doc.extraction.departments] == ["市安全生产委员会"]
    assert [m.text for m in doc.extraction.departments[0].mentions] == ["泉州市安全生产委员会"]
    assert [g.text for g in doc.analysis.generic_parties] == ["州市安委会"]


def test_the_teams_a_notice_sends_are_generic_parties_but_not_the_verb_组织():
    # r847: 按照要求，各巡查组要加大函告和约谈力度; r130: 各督导组针对…开展督导
    doc = read("按照要求，各巡查组要加大函告和约谈力度。各督导组针对各区工作开展督导。各部门组织开展检查，各组长带队。\n")
    assert [g.name for g in doc.analysis.generic_parties] == ["各巡查组", "各督导组", "各部门"]


def test_the_short_forms_of_the_former_state_administration_of_work_safety():
    # r857: 下一步，安全监管总局将…; r701: 国家安监总局
    doc = read("下一步，安全监管总局将研究推进暗查工作制度化。国家安监总局派出工作组。\n")
    assert [(d.name, [m.text for m in d.mentions]) for d in doc.extraction.departments] == [
        ("应急管理部", ["安全监管总局", "国家安监总局"])
    ]


def test_county_level_words_in_any_order_and_villages_with_their_units_are_generic():
    # r314: 各区市县政府、先导区管委会组织开展…; r814: 各行政村(社区)和单位要…
    doc = read("各区市县政府、先导区管委会组织开展本辖区安全生产综合检查。各行政村（社区）和单位要成立相应的领导小组。\n")
    assert [g.name for g in doc.analysis.generic_parties] == ["各区市县政府", "各行政村（社区）和单位"]


def test_a_body_written_straight_after_its_government_is_that_governments_organ():
    # r899 (黑龙江 分工方案): 省政府安委会办公室牵头; r632: 省政府应急办; r320: 将省政府安委会调整为省安委会; r853: 镇政府工会
    doc = read(
        "（省政府安委会办公室牵头，省发改委配合）\n省政府应急办负责。将省政府安委会调整为省安委会。镇政府工会参加。\n"
    )
    found = by_name(doc)
    assert {m.text for m in found["省安全生产委员会办公室"].mentions} == {"省政府安委会办公室"}
    assert {m.text for m in found["省应急管理办公室"].mentions} == {"省政府应急办"}
    assert {m.text for m in found["省安全生产委员会"].mentions} == {"省政府安委会", "省安委会"}
    assert "省人民政府" not in found
    assert {m.text for m in found["镇人民政府"].mentions} == {"镇政府"}  # a people's organization is no organ


def test_bare_kinds_listed_after_a_generic_party_share_its_quantifier():
    # r922: 区有关部门、单位要…; r820: 各相关单位、部门、村、企业; r630: 各部门、村（社区）要…; not 各地、企业
    doc = read("区有关部门、单位要依据本行业判定标准。各相关单位、部门、村、企业签订责任状。各部门、村（社区）要履行职责。各地、企业要自查。\n")
    assert [g.name for g in doc.analysis.generic_parties] == [
        "区有关部门、单位", "各相关单位、部门、村、企业", "各部门、村（社区）", "各地"
    ]


def test_every_prefecture_level_city_is_a_plural_before_a_body():
    # r904 (商务厅 notice): 各设区市商务局要…; r908: 各设区市安委会
    doc = read("各设区市商务局要加强指导。各设区市安委会要组织检查。\n")
    assert [g.name for g in doc.analysis.generic_parties] == ["各设区市商务局", "各设区市安委会"]


def test_the_committee_members_of_an_autonomous_prefecture_are_one_generic_party():
    # r909 (巴音郭楞 notice): 自治州安委会有关成员单位要按照…落实州级日常监管矿山监管责任
    doc = read("自治州安委会有关成员单位要按照职责落实州级日常监管矿山监管责任。\n")
    assert [g.name for g in doc.analysis.generic_parties] == ["自治州安委会有关成员单位"]


def test_a_bracketed_qualifier_and_a_blank_stay_inside_a_generic_party():
    # r615 (a table cell from a web page), cq_city_2024_gas_review, r310, r861 of corpora/real
    doc = read("各县区（开发区） 安委会负责。各区县（自治县）安委会，各开发区（新区）管委会，各县（市区）安委会要落实。")
    assert [g.name for g in doc.analysis.generic_parties] == [
        "各县区（开发区）安委会", "各区县（自治县）安委会", "各开发区（新区）管委会", "各县（市区）安委会",
    ]
    assert "区安全生产委员会" not in by_name(doc)


def test_the_level_before_各_and_a_committee_office_belong_to_the_generic_party():
    # r615: 市级各专委会办公室 is the office of each city-level committee, not every committee
    doc = read("市级各专委会办公室、市生态环境局负责。市级各安全生产专业委员会要落实。")
    assert [g.name for g in doc.analysis.generic_parties] == ["市级各专委会办公室", "市级各安全生产专业委员会"]


def test_duties_sharing_one_部门_are_one_generic_party():
    # r632: （省安全监管局、省政府应急办牵头，各行业主管、监管部门分工负责）
    doc = read("（省安全监管局、省政府应急办牵头，各行业主管、监管部门分工负责）")
    assert [g.name for g in doc.analysis.generic_parties] == ["各行业主管、监管部门"]


def test_the_zones_listed_with_the_places_share_their_body():
    # r353: 全市各县(市)区、开发区安委会和有关部门要将本地区…形成总结材料
    doc = read("全市各县（市）区、开发区安委会和有关部门要将本地区安全生产隐患排查治理专项行动形成总结材料。")
    assert [g.name for g in doc.analysis.generic_parties] == ["各县（市）区、开发区安委会", "有关部门"]
    assert "区安全生产委员会" not in by_name(doc)


def test_the_national_formula_of_provinces_is_one_generic_party_with_its_body():
    # r371, r352, 069 of corpora/real: not a 市应急管理厅 or 市人民政府 read from 直辖市
    doc = read("各省、自治区、直辖市应急管理厅（局），各省、自治区、直辖市人民政府，各省（区、市）国土资源主管部门：")
    assert [g.name for g in doc.analysis.generic_parties] == [
        "各省、自治区、直辖市应急管理厅（局）", "各省、自治区、直辖市人民政府", "各省（区、市）国土资源主管部门",
    ]
    assert not by_name(doc)


def test_domains_sharing_one_部门_are_one_generic_party():
    # r899: （省安全监管局牵头，相关行业、领域监管部门分工负责）
    doc = read("（省安全监管局牵头，相关行业、领域监管部门分工负责）")
    assert [g.name for g in doc.analysis.generic_parties] == ["相关行业、领域监管部门"]


# r877 of corpora/real (dev split): a development zone's party organs under its working committee (工委).
def test_party_organs_of_a_zones_working_committee():
    doc = read("（责任单位：区安委办牵头，区工委组织部、区发改局、区绩效办等区安委会有关成员单位协同）\n区党工委宣传部负责宣传报道。\n")
    found = by_name(doc)
    assert {"区工委组织部", "区党工委宣传部"} <= set(found)

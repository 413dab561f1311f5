import docparse
from docparse.extract.departments import canonical_name
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

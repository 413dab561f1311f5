import pytest

import docparse
from docparse.model import RawDocument, Source, Span
from docparse.normalize import map_chars, normalize
from docparse.pipeline import make_document
from docparse.read import read_raw
from tests.helpers import ROOT, seed


def raw(text: str, fmt: str = "txt") -> RawDocument:
    return RawDocument(text=text, source=Source(path="x.txt", sha256="0", format=fmt))


def test_fullwidth_and_halfwidth_markers_normalize_alike():
    assert map_chars("(一)工作思路") == map_chars("（一）工作思路") == "（一）工作思路"
    assert map_chars("ＡＢＣ１２３") == "ABC123"


def test_commas_between_digits_stay_ascii():
    assert map_chars("共2,352家,其中") == "共2,352家，其中"


def test_paragraph_broken_across_page_is_rejoined_in_seed_000():
    doc = make_document(read_raw(seed("000")))
    assert "现将有关情况通报如下" in doc.norm_text
    assert "铁路、能源等部门" in doc.norm_text
    assert "推进落实情况" in doc.norm_text


def test_headings_are_not_joined_to_their_body():
    norm, _, _ = normalize(raw("一、基本评价\n\n（一）行动迅速，会议精神贯彻及时。部分州市第一时间召开会议。\n"))
    assert norm.split("\n")[0] == "一、基本评价"


def test_noise_lines_are_marked_not_deleted_from_source():
    text = "15288489748\n13888147524\n\n关于开展检查的通知\n\n[日期:2023-06-05]   来源:某某网  作者:某某网   阅读:803次\n\n各县区：\n请认真执行。\n"
    norm, offsets, noise = normalize(raw(text))
    assert "15288489748" not in norm and "阅读" not in norm
    assert {n.reason for n in noise} == {"phone_number", "web_boilerplate"}
    for n in noise:
        assert text[n.span.start : n.span.end] == n.text


def test_offsets_map_every_normalized_character_back_to_the_source():
    text = "一、总体要求\r\n\r\n(一)工作思路，以习近平新时代\n中国特色社会主义思想为指导，全面贯彻党的二十大精神，认真落实各项部署要求\n确保安全。"
    norm, offsets, _ = normalize(raw(text))
    for i, ch in enumerate(norm):
        if ch in "\n ":
            continue
        span = offsets.to_source(i, i + 1)
        src = text[span.start : span.end]
        assert map_chars(src) == ch, (i, ch, src)


def test_page_numbers_are_dropped_and_pages_rejoined():
    text = "为加强安全生产工作，经研究决定，在全市范围内开展重大事故隐患专项排查整治，现将\n— 1 —\n\f有关事项通知如下：\n"
    norm, _, noise = normalize(raw(text, fmt="pdf"))
    assert "现将有关事项通知如下" in norm
    assert [n.reason for n in noise] == ["page_number"]


def test_traditional_text_is_analysed_as_simplified_with_spans_on_the_original():
    text = "臨滄市國土資源局對礦山企業監管責任落實不到位，隱患整改緩慢。\n"
    doc = make_document(raw(text))
    assert "临沧市国土资源局" in doc.norm_text
    start = doc.norm_text.index("国土资源局")
    span = doc.source_span(start, start + 5)
    assert doc.text_of(span) == "國土資源局"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_normalizes_without_losing_body_text(prefix):
    doc = docparse.read(seed(prefix), steps=("structure",))
    body_chars = sum(1 for ch in doc.text if "\u4e00" <= ch <= "\u9fff")
    noise_chars = sum(1 for n in doc.noise for ch in n.text if "\u4e00" <= ch <= "\u9fff")
    norm_chars = sum(1 for ch in doc.norm_text if "\u4e00" <= ch <= "\u9fff")
    assert norm_chars == body_chars - noise_chars


def test_pinyin_glosses_of_mirror_sites_leave_the_analysis_text():
    import docparse

    path = ROOT / "corpora" / "real" / "docs" / "064_tongbao.txt"  # a real mirror page: 通(tōng)知
    doc = docparse.read(path)
    assert "(tōng)" in doc.text and "（tōng）" not in doc.norm_text and "tōng" not in doc.norm_text
    assert doc.meta.title.value.endswith("先进单位和优秀组织单位的通知")
    assert "通(tōng)知" in doc.meta.title.text  # the evidence stays as written
    start = doc.norm_text.index("通知")
    span = doc.source_span(start, start + 2)
    assert doc.text_of(span) == "通(tōng)知"


def test_a_bracketed_lower_case_word_stays_where_there_are_no_glosses():
    import docparse

    doc = docparse.read("检查组(zu)共3个，检查企业12家。".encode("utf-8"), name="a.txt")
    assert "（zu）" in doc.norm_text


def test_a_pinyin_gloss_with_a_blank_before_its_bracket_leaves_the_analysis_text():
    # r809 (a 挂牌督办 page mirrored with glosses): 云南省安委會(huì )通知玉溪市人民政府
    text = "云南省安全生產(chǎn)委員會(huì )決定掛牌督辦。\n云南省安委會(huì )通知(zhī)玉溪市人民政府組成事故調查組。\n"
    doc = docparse.read(text.encode(), name="page.txt")
    assert "huì" not in doc.norm_text and "委员会决定" in doc.norm_text


def test_a_news_headline_is_not_run_into_its_lede():
    # r838: the page's first line is its headline, over a whole paragraph; r836: the lede opens with its dates
    text = (
        "国务院安委办完成今年第五轮次安全生产明查暗访，13家问题企业单位被停产停业整顿\n"
        "国务院安委会办公室于9月底前完成了今年第五轮次安全生产明查暗访工作。明查暗访期间，共检查各类企业单位100余家，"
        "排查问题隐患近800处，依法依规对13家问题隐患突出的企业单位予以停产停业整顿。\n"
    )
    assert normalize(raw(text))[0].split("\n")[0].endswith("被停产停业整顿")
    lede = "原标题：国务院安委会第十二督导检查组来青海省督查安全生产工作\n7月4日至7日，交通运输部运输服务司副司长带队的督查组进行综合督查。\n"
    assert normalize(raw(lede))[0].split("\n")[0].endswith("督查安全生产工作")


def test_a_byline_with_its_time_stamp_ends_its_line():
    # r840: the source line of a news page, then the lede under it
    text = "来源:四川日报 2019-07-26 06:22   https://www.yybnet.net/\n本报讯(记者 任鸿)7月25日记者从省政府安办获悉，今年1-6月事故下降。\n"
    assert normalize(raw(text))[0].split("\n")[1].startswith("本报讯")


def test_a_headline_over_its_dateline_or_under_a_menu_bar_keeps_its_line():
    # r883: the headline, then the site's name and the time it posted; r902: the site's menu bar over the headline
    text = "《驻京专电》22个中央巡查组陆续进驻，开展一季度安全生产查访\n经济通新闻 2025-03-19 13:51\n"
    assert normalize(raw(text))[0].split("\n")[0].endswith("查访")
    menu = "English| 图片| 视频| 直播| 娱乐| 体育| 文化| 健康| 生活| 新媒体| 供稿\n北京城乡结合部开查安全隐患\n"
    assert normalize(raw(menu))[0].split("\n")[0].endswith("供稿")


def test_a_title_with_its_period_or_number_ends_its_line():
    # r303: a plan's title ends in its period; r388: a notice's title in its bracketed 文号
    text = "安徽省安全生产治本攻坚三年行动实施方案（2024—2026年）\n为认真贯彻落实习近平总书记关于安全生产系列重要指示精神，制定本方案。\n"
    assert normalize(raw(text))[0].split("\n")[0].endswith("（2024—2026年）")


def test_a_line_continues_where_it_stops_inside_a_sentence():
    text = "昭寺及八廓街周边实行游客预约和分时段限流，高峰时段增派安保和交通疏导人员，游览秩\n序井然。达孜区对辖区旅游客运车辆和驾驶员建立档案，组织驾驶员培训。\n"
    assert "游览秩序井然" in normalize(raw(text))[0]


def test_an_address_line_under_a_blurb_cut_inside_a_sentence_starts_its_line():
    # r861: the page's blurb, cut off inside its sentence, stands over the notice's 主送 line
    text = (
        "各县市区安委会、宜昌高新区安委会,市安全生产各专业委员会,市安委会有关成员单位:根据《省安委办关于认真落实2021年度分级挂牌"
        "督办重大隐患的通知》(鄂安办函〔2021〕1号)要求,现将2021年度挂牌督办重大隐患有关事\n"
        "各县市区安委会、宜昌高新区安委会,市安全生产各专业委员会,市安委会有关成员单位:\n"
        "根据《省安委办关于认真落实2021年度分级挂牌督办重大隐患的通知》(鄂安办函〔2021〕1号)要求,现将有关事项通知如下:\n"
    )
    lines = normalize(raw(text))[0].split("\n")
    assert lines[0].endswith("有关事")
    assert lines[1] == "各县市区安委会、宜昌高新区安委会，市安全生产各专业委员会，市安委会有关成员单位："


def test_a_flattened_notices_signature_and_date_start_their_lines():
    # r871: a page flattened the whole notice into one line, its 落款 after the last sentence
    text = (
        "晋应急函〔2023〕6号 阳泉市应急管理局（地方煤矿安全监督管理局）： 2023年1月5日，山西阳泉盂县东坪煤业有限公司发生一起死亡1人的安全事故。"
        "现作出以下处理决定： 一、责令山西阳泉盂县东坪煤业有限公司，从即日起停止生产进行整顿，整顿恢复期为1至3个月。 二、要加强停产整顿期间的安全管理，"
        "确保安全。 请你局按以上决定，认真抓好贯彻落实。 山西省应急管理厅 山西省地方煤矿安全监督管理局 2023年1月5日 （此件公开发布） 抄送：省能源局。\n"
    )
    lines = normalize(raw(text))[0].split("\n")
    signed = lines.index("2023年1月5日")
    assert lines[signed - 1] == "山西省应急管理厅 山西省地方煤矿安全监督管理局"
    assert lines[signed - 2].endswith("认真抓好贯彻落实。")
    assert lines[signed + 1].startswith("（此件公开发布）")
    doc = docparse.read(text.encode("utf-8"), name="page.txt", steps=("structure",))
    assert (doc.meta.issuer.value, doc.meta.date.value) == ("山西省应急管理厅", "2023-01-05")


def test_question_marks_a_web_page_wrote_for_lost_blanks_are_left_out():
    # r910 (卢市镇 notice): ???(一)第一检查督导组; / 责任领导:胡小波 ?杨 ?剑; a real question mark stays
    text, _, _ = normalize(raw("三、分组情况\n???(一)第一检查督导组;\n责任领导:胡小波 ?杨 ?剑\n是否整改到位?\n"))
    assert text == "三、分组情况\n（一）第一检查督导组；\n责任领导：胡小波 杨 剑\n是否整改到位？"


def test_blanks_a_pdf_set_inside_a_date_are_left_out():
    # r922 (泰安旅游经济开发区, a PDF): 时间：2024 年 1 月 1 日至 2026 年12 月 31 日; a table's runs of blanks stay
    text, offsets, _ = normalize(raw("时间：2024 年 1 月 1 日至 2026 年12 月 31 日\n2016年    7     7\n"))
    assert text == "时间：2024年1月1日至2026年12月31日\n2016年    7     7"
    source = "时间：2024 年 1 月 1 日至 2026 年12 月 31 日"
    start = text.index("1月")
    assert offsets.to_source(start, start + 2) == Span(source.index("1 月"), source.index("1 月") + 3)


def test_a_blank_line_ends_a_paragraph_unless_every_line_has_one():
    # r902 (a news portal): the second line of the site's menu, a blank line, the headline; typed text with
    # single line breaks elsewhere, so the blank line ends the menu. Seed 000 sets a blank line after every
    # line, and there one falls inside a sentence where a page broke (现⏎⏎将有关情况通报如下).
    menu = "English| 图片| 视频| 直播| 娱乐| 体育| 文化| 健康| 生活| 葡萄酒| 微视界| 演出| 专题| 理论| 新媒体| 供稿"
    page = f"首页| 滚动| 国内| 国际| 军事\n{menu}\n\n北京城乡结合部开查安全隐患\n2013年12月27日 09:19 来源：北京晨报\n"
    text, _, _ = normalize(raw(page))
    assert "北京城乡结合部开查安全隐患" in text.split("\n")
    sentence = "根据总体方案要求，省安委办组织8个综合督查组进行了全面督查检查。现\n\n将有关情况通报如下：\n\n一、基本评价\n"
    assert "现将有关情况通报如下：" in normalize(raw(sentence))[0]


def test_a_pdfs_lines_are_measured_as_they_print_so_latin_lines_do_not_widen_the_page():
    # r511, r512 (standards as PDFs): lines citing GB numbers hold more characters than a full line of Chinese,
    # and counted in characters they made every Chinese line look short, so its wraps were taken for ends
    cited = "应符合GB 50016-2014 and GB 50140-2005, GB/T 29639-2020的规定要求。"
    chinese = "各地要认真落实安全生产责任制度加强隐患排查治理工作坚决遏"
    text, _, _ = normalize(raw("\n".join([cited] * 5 + [chinese, "制事故发生。", ""]), fmt="pdf"))
    assert text.split("\n")[-1] == chinese + "制事故发生。"

"""HTML pages saved from government sites: the article only, its title and tables, any charset."""

from __future__ import annotations

import docparse
from docparse.read import read_raw

GOV_PAGE = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于开展安全生产大检查的通知_某某市应急管理局</title>
<script>var tip = "，。，。，。，。，。，。";</script><style>.zoom{font-size:16px}</style></head>
<body><div id="top"><div class="nav"><a href="/">首页</a><a>机构概况</a><a>政务公开</a><a>新闻中心</a></div></div>
<div class="position">当前位置：<a>首页</a> &gt; <a>通知公告</a></div>
<div class="main"><div class="left"><ul><li><a>工作动态</a></li><li><a>通知公告</a></li><li><a>政策法规</a></li></ul></div>
<div class="right"><div class="article">
<h1 class="title">关于开展安全生产大检查的通知</h1>
<div class="info">[日期:2023-06-05]   来源:某某市应急管理局  作者:办公室   阅读:803次</div>
<div id="zoom" class="TRS_Editor"><p style="text-align:center">某应急〔2023〕11号</p>
<p>各县（市）区应急管理局，市安委会各成员单位：</p>
<p>　　为深入贯彻落实安全生产工作部署，<b>切实</b>防范遏制重特大事故，
市安委会决定在全市开展安全生产大检查。现将有关事项通知如下：</p>
<p>　　一、检查时间</p><p>　　2023年6月至9月。</p>
<p>　　二、重点任务</p><p>　　（一）开展危险化学品专项检查。各地要全面排查，建立台账。</p>
<table border="1"><tr><td>序号</td><td>任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>开展危险化学品企业重大事故隐患专项排查</td><td>市应急局</td>
<td><p>市公安局</p><p>市交通运输局</p></td><td>2023年6月30日前</td></tr></table>
<p>　　三、工作要求</p><p>各地要高度重视，加强组织领导，确保取得实效。</p>
<p style="text-align:right">某某市应急管理局<br>2023年5月15日</p></div>
<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>
<div class="print">【<a>打印本页</a>】【<a>关闭窗口</a>】</div>
</div></div></div>
<div class="footer">主办单位：某某市应急管理局，地址：某某路1号，电话：0871-1234567，备案号：滇ICP备00000000号。</div>
</body></html>"""


def test_gov_page_main_text_title_and_table(tmp_path):
    path = tmp_path / "notice.html"
    path.write_bytes(GOV_PAGE.encode("gb18030"))
    raw = read_raw(path)
    assert raw.source.format == "html" and raw.source.encoding == "gb18030"
    lines = raw.text.split("\n")
    assert lines[0] == "关于开展安全生产大检查的通知"
    for chrome in ("机构概况", "当前位置", "工作动态", "分享到", "主办单位", "var tip", "font-size"):
        assert chrome not in raw.text
    assert "切实防范遏制重特大事故，市安委会决定" in raw.text  # source line break between CJK dropped
    (table,) = raw.tables
    assert table.header() == ["序号", "任务", "牵头单位", "配合单位", "完成时限"]
    row = table.rows[1]
    assert [c.text for c in row][2:4] == ["市应急局", "市公安局 市交通运输局"]
    assert all(raw.text[c.span.start : c.span.end] == c.text for r in table.rows for c in r)
    assert {r[0].span.start for r in table.rows} <= raw.hard_breaks
    assert raw.text.index("三、工作要求") in raw.hard_breaks  # the paragraph after the table


def test_gov_page_structure_and_noise(tmp_path):
    path = tmp_path / "notice.htm"
    path.write_bytes(GOV_PAGE.encode("gb18030"))
    doc = docparse.read(path, steps=("structure",))
    assert doc.meta.title.value == "关于开展安全生产大检查的通知"
    assert doc.meta.doc_number.value == "某应急〔2023〕11号"
    assert doc.meta.date.value == "2023-05-15"
    assert [s.marker for s in doc.sections] == ["一、", "二、", "（一）", "三、"]
    noise = {n.text for n in doc.noise}
    assert any(t.startswith("[日期:2023-06-05]") for t in noise)  # kept in the source, marked as noise
    assert "阅读:803次" not in doc.norm_text


def test_title_outside_the_content_block_is_kept():
    page = """<html><head><meta charset="utf-8"><title>市应急管理局关于做好汛期安全防范工作的通知 - 政务公开</title></head><body>
    <div class="header"><a>首页</a><a>政务公开</a></div>
    <table width="1000"><tr><td class="left" width="200"><a>通知公告</a><br><a>工作动态</a><br><a>政策解读</a><br><a>人事信息</a></td>
    <td><div class="tit">市应急管理局关于做好汛期安全防范工作的通知</div>
    <div class="sidebar-links"><a>相关链接一</a><a>相关链接二</a></div></td></tr></table>
    <div class="con"><div id="content"><p>各区县应急管理局：</p>
    <p>当前已进入主汛期，为切实做好汛期安全防范工作，现就有关事项通知如下：</p>
    <p>一、加强隐患排查。各地要组织力量，对尾矿库、在建工地开展排查，建立台账。</p>
    <p>二、强化值班值守。严格执行领导带班和24小时值班制度，确保信息畅通。</p>
    <p>市应急管理局</p><p>2024年6月1日</p></div></div></body></html>"""
    raw = read_raw(page.encode("utf-8"), name="flood.html")
    assert raw.text.split("\n")[0] == "市应急管理局关于做好汛期安全防范工作的通知"
    assert "通知公告" not in raw.text and "相关链接" not in raw.text
    assert "二、强化值班值守" in raw.text


def test_layout_tables_are_not_data_tables():
    body = "".join(f"<p>第{i}段。各地要加强组织领导，落实安全生产责任制，确保各项工作落到实处，防范遏制事故发生。</p>" for i in range(12))
    page = f"""<html><body><table><tr><td><a>首页</a> <a>政务公开</a></td></tr>
    <tr><td><table><tr><td>{body}</td></tr></table></td></tr></table></body></html>"""
    raw = read_raw(page.encode("utf-8"), name="layout.html")
    assert raw.tables == []
    assert len([ln for ln in raw.text.split("\n") if ln.startswith("第")]) == 12


def test_utf8_page_without_charset_and_mhtml():
    html = "<html><body><div><p>关于加强燃气安全管理的通知</p><p>各有关单位：现将有关事项通知如下，请认真贯彻执行。</p></div></body></html>"
    raw = read_raw(html.encode("utf-8"), name="gas.html")
    assert raw.text == "关于加强燃气安全管理的通知\n各有关单位：现将有关事项通知如下，请认真贯彻执行。"
    import base64

    mht = (
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"XYZ\"\r\n\r\n--XYZ\r\n"
        "Content-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(html.encode("gb18030")).decode("ascii")
        + "\r\n--XYZ--\r\n"
    ).encode("ascii")
    raw = read_raw(mht, name="gas.mht")
    assert raw.source.format == "html" and raw.source.encoding == "gb18030"
    assert raw.text.startswith("关于加强燃气安全管理的通知\n")


def test_page_saved_by_ie_is_recognised_whatever_its_name():
    # IE and 360 browser prefix a "saved from url" comment; "Unicode" pages are UTF-16 with a BOM.
    page = (
        "<!-- saved from url=(0054)http://yjglj.km.gov.cn/c/2023-06-05/4712345.shtml -->\n<html><head>"
        "<title>通知</title>" + "<script>var x = 1;</script>" * 150 + "</head><body><div>"
        "<p>关于开展安全生产大检查的通知</p><p>各县（市）区：现将有关事项通知如下，请认真贯彻执行。</p></div></body></html>"
    )
    for data in (page.encode("utf-8"), page.encode("utf-16")):
        raw = read_raw(data, name="saved.txt")
        assert raw.source.format == "html"
        assert raw.text.startswith("关于开展安全生产大检查的通知\n各县（市）区：")


def test_table_layout_site_with_br_paragraphs():
    # An older county site: the whole page in layout tables, paragraphs split by <br> and &nbsp;.
    page = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
    <title>关于做好2024年春节期间安全防范工作的通知--某县人民政府</title></head>
    <body><table width="980" align="center"><tr><td>
    <table><tr><td class="nav"><a>首页</a> | <a>政务公开</a> | <a>办事服务</a> | <a>互动交流</a></td></tr></table>
    <table><tr><td width="200" valign="top"><a>通知公告</a><br><a>政策文件</a><br><a>人事任免</a><br><a>规划计划</a></td>
    <td valign="top"><div align="center"><font size="5"><b>关于做好2024年春节期间安全防范工作的通知</b></font></div>
    <div align="center">发布时间：2024-01-20  浏览次数：1234</div><hr>
    <div class="bt_content">各乡（镇）人民政府，县直各有关部门：<br>&nbsp;&nbsp;&nbsp;&nbsp;春节将至，为切实做好节日期间安全防范工作，
    确保全县人民过一个欢乐祥和的节日，现将有关事项通知如下：<br>&nbsp;&nbsp;&nbsp;&nbsp;一、加强烟花爆竹安全管理。严厉打击非法生产、经营、运输烟花爆竹行为。
    <br>&nbsp;&nbsp;&nbsp;&nbsp;二、加强道路交通安全管理。严查超速、超载、酒驾等违法行为。<br>&nbsp;&nbsp;&nbsp;&nbsp;三、加强值班值守。严格执行24小时值班和领导带班制度。
    <br><p align="right">某县安全生产委员会办公室<br>2024年1月19日</p></div>
    </td></tr></table>
    <table><tr><td align="center">主办：某县人民政府办公室  地址：某县人民路1号  ICP备12345678号</td></tr></table>
    </td></tr></table></body></html>"""
    doc = docparse.read(page.encode("utf-8"), name="county.html", steps=("structure",))
    assert doc.meta.title.value == "关于做好2024年春节期间安全防范工作的通知"
    assert doc.meta.issuer.value == "某县安全生产委员会办公室" and doc.meta.date.value == "2024-01-19"
    assert [r.value for r in doc.meta.recipients] == ["各乡（镇）人民政府", "县直各有关部门"]
    assert [s.marker for s in doc.sections] == ["一、", "二、", "三、"]
    assert all(word not in doc.text for word in ("政务公开", "通知公告", "ICP备"))

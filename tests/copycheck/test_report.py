import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import jsonschema
import pytest

import docparse.copycheck
from docparse.resources import load_json


@pytest.fixture(scope="module")
def report(copy_dir, seed_plan, plan_dir):
    return docparse.copycheck(copy_dir / "partial_copy.txt", [seed_plan, plan_dir / "p06_city_fire.txt"])


@pytest.fixture(scope="module")
def county_report(copy_dir, seed_plan, plan_dir):
    """A county plan (嵩明县) made from the city plan, checked against it and an unrelated plan."""
    return docparse.copycheck(copy_dir / "county_copy.txt", [seed_plan, plan_dir / "p06_city_fire.txt"])


class VisibleText(HTMLParser):
    """What a reader sees of the page's own words: text and tooltips, but not the two documents' texts
    (div.text), the small file names, the stylesheet or the script."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str]] = []
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if tag not in ("meta", "br"):
            self.open.append((tag, attrs.get("class") or ""))
        if attrs.get("title") and not self.hidden():
            self.words.append(attrs["title"])

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def hidden(self) -> bool:
        return any(tag in ("style", "script") or cls in ("text", "file") for tag, cls in self.open)

    def handle_data(self, data: str) -> None:
        if not self.hidden():
            self.words.append(data)


def visible_text(page: str) -> str:
    parser = VisibleText()
    parser.feed(page)
    return " ".join(parser.words)


def test_json_follows_the_schema(report):
    data = json.loads(report.to_json())
    jsonschema.validate(data, load_json("schema/copycheck.schema.json"))
    assert data["schema"] == "docparse.copycheck"
    assert data["references"][0]["passages"][0]["checked"].keys() == {"start", "end"}


def test_json_names_each_document_by_title_issuer_and_date(county_report):
    data = json.loads(county_report.to_json())
    jsonschema.validate(data, load_json("schema/copycheck.schema.json"))
    assert data["checked"]["title"] == "嵩明县重大事故隐患专项排查整治2023行动方案"
    assert data["checked"]["issuer"] == "嵩明县安全生产委员会"
    city = data["references"][0]["reference"]
    assert (city["title"], city["issuer"], city["date"]) == (
        "昆明市重大事故隐患专项排查整治2023行动方案", "昆明市安全生产委员会", "2023-05-15"
    )
    assert data["references"][1]["reference"]["issuer"] is None  # the fire plan names no 发文机关


def test_html_is_self_contained_and_links_passages(report):
    page = report.to_html()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page
    ids = set(re.findall(r'id="([cr]\d+-\d+)"', page))
    targets = set(re.findall(r'data-to="([cr]\d+-\d+)"', page))
    assert ids and targets <= ids  # every highlighted passage links to its counterpart
    assert 'class="boilerplate"' in page or all(p.kind == "copied" for r in report.results for p in r.passages)


def test_html_speaks_chinese_to_its_readers(county_report):
    page = county_report.to_html()
    assert '<html lang="zh-CN">' in page
    # the plan's own title from its metadata, not its file name
    assert "<title>照抄照搬检查报告：嵩明县重大事故隐患专项排查整治2023行动方案</title>" in page
    assert re.search(r"<h1>嵩明县重大事故隐患专项排查整治2023行动方案 <span [^>]*>照抄照搬</span></h1>", page)
    assert "county_copy.txt</h1>" not in page and "county_copy.txt</h3>" not in page
    # the reference by title, 发文机关 and 成文日期; its file name at most in small print
    assert "参考文件：昆明市重大事故隐患专项排查整治2023行动方案" in page
    row = re.search(r"<tr><td><a [^>]*>昆明市重大事故隐患专项排查整治2023行动方案</a></td>(.*?)</tr>", page, re.S)
    assert row and "昆明市安全生产委员会" in row.group(1) and "2023年5月15日" in row.group(1)
    assert "001_610804f520c3391b.txt" not in visible_text(page)
    for label in ("参考文件", "发文机关", "成文日期", "照搬比例", "判定", "实质内容", "本地内容", "公文要素",
                  "照搬段落", "通用表述（不计分）", "照搬比例怎样计算", "被检查的方案", "未见照搬"):  # fmt: skip
        assert label in page, label
    assert 'title="通用表述：标出，不计入照搬比例"' in page or "boilerplate" not in {
        p.kind for r in county_report.results for p in r.passages
    }
    seen = visible_text(page)
    assert not re.search(r"[A-Za-z]{2,}", seen), re.findall(r"[A-Za-z]{2,}", seen)
    for english in ("copied", "boilerplate", "Reference", "score", "verdict", "click"):
        assert english not in seen


def test_html_names_a_plan_without_title_by_its_file(tmp_path, plan_dir):
    untitled = tmp_path / "某县方案.txt"
    body = (plan_dir / "p06_city_fire.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    untitled.write_text("\n" + body, encoding="utf-8")
    report = docparse.copycheck(untitled, [plan_dir / "p06_city_fire.txt"])
    assert report.checked.title is None  # its first line, the title, was cut off
    page = report.to_html()
    assert "<title>照抄照搬检查报告：某县方案.txt</title>" in page
    assert re.search(r"<h1>某县方案.txt <span [^>]*>照抄照搬</span></h1>", page)


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


def browser() -> str | None:
    return next((p for p in map(shutil.which, BROWSERS) if p), None)


def test_html_renders_in_headless_chromium(county_report, tmp_path):
    exe = browser()
    if exe is None:
        pytest.skip("chromium not installed (Debian: apt-get install chromium): cannot screenshot the report")
    from PIL import Image

    page = tmp_path / "report.html"
    county_report.save_html(str(page))
    shot = tmp_path / "shot.png"
    subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=1200,900", f"--screenshot={shot}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 900)
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 24)}
    # The copied highlight (#f9c0b8) and the 照抄照搬 badge (#c0392b) are painted: the page rendered, CSS applied.
    assert (0xF9, 0xC0, 0xB8) in colours and (0xC0, 0x39, 0x2B) in colours
    assert len(colours) > 50

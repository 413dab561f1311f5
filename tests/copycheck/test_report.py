import json
import re
import shutil
import subprocess

import jsonschema
import pytest

import docparse.copycheck
from docparse.resources import load_json


@pytest.fixture(scope="module")
def report(copy_dir, seed_plan, plan_dir):
    return docparse.copycheck(copy_dir / "partial_copy.txt", [seed_plan, plan_dir / "p06_city_fire.txt"])


def test_json_follows_the_schema(report):
    data = json.loads(report.to_json())
    jsonschema.validate(data, load_json("schema/copycheck.schema.json"))
    assert data["schema"] == "docparse.copycheck"
    assert data["references"][0]["passages"][0]["checked"].keys() == {"start", "end"}


def test_html_is_self_contained_and_links_passages(report):
    page = report.to_html()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page
    ids = set(re.findall(r'id="([cr]\d+-\d+)"', page))
    targets = set(re.findall(r'data-to="([cr]\d+-\d+)"', page))
    assert ids and targets <= ids  # every highlighted passage links to its counterpart
    assert 'class="boilerplate"' in page or all(p.kind == "copied" for r in report.results for p in r.passages)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (Debian: apt-get install chromium)")
def test_html_renders_in_headless_chromium(report, tmp_path):
    from PIL import Image

    page = tmp_path / "report.html"
    report.save_html(str(page))
    shot = tmp_path / "shot.png"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=1200,900", f"--screenshot={shot}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 900)
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 24)}
    # The copied highlight (#f9c0b8) and the verdict badge are painted: the page rendered, CSS applied.
    assert (0xF9, 0xC0, 0xB8) in colours
    assert len(colours) > 50

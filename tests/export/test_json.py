import json

import jsonschema
import pytest

import docparse
from docparse.export.schema import document_schema
from docparse.resources import load_json
from tests.helpers import seed


def test_committed_schema_matches_the_model():
    # A format change must be deliberate: run scripts/make_schema.py and bump SCHEMA_VERSION.
    assert load_json("schema/document.schema.json") == json.loads(json.dumps(document_schema()))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_extract_output_validates_against_the_schema(prefix):
    data = json.loads(json.dumps(docparse.read(seed(prefix)).to_dict(), ensure_ascii=False))
    jsonschema.validate(data, load_json("schema/document.schema.json"))


def test_every_span_in_the_output_points_at_the_text_it_claims():
    doc = docparse.read(seed("001"))
    data = doc.to_dict()
    checked = 0

    def walk(node):
        nonlocal checked
        if isinstance(node, dict):
            if "span" in node and "text" in node and isinstance(node["span"], list):
                start, end = node["span"]
                assert doc.text[start:end] == node["text"], node
                checked += 1
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    assert checked > 10


def test_html_view_highlights_extracted_items():
    doc = docparse.read(seed("000"))
    page = doc._repr_html_()
    assert page.startswith('<div class="dp-doc">')
    assert "云安办〔2018〕19号" in page and "基本评价" in page
    assert "<script" not in page and "http" not in page.split("</style>")[0]

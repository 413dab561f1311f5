import docparse
from docparse.export.nlp import to_spacy, words
from tests.helpers import seed


def test_spacy_doc_carries_items_as_entities_and_span_groups():
    doc = docparse.read(seed("000"))
    sdoc = to_spacy(doc)
    assert sdoc.text == doc.text
    ents = {(e.text, e.label_) for e in sdoc.ents}
    assert ("临沧市国土资源局", "ORG_CRITICIZED") in ents
    assert any(label == "GPE" and text == "红河州" for text, label in ents)
    categories = {doc.text[s.start_char : s.end_char][:12] for s in sdoc.spans["problems"]}
    assert any("思想认识有偏差" in c for c in categories)


def test_jieba_words_keep_lexicon_names_whole_and_point_into_the_source():
    doc = docparse.read("由市文化和旅游局牵头，西双版纳州配合开展检查。".encode(), name="x.txt")
    found = words(doc)
    assert "市文化和旅游局" in [w.text for w in found] or "文化和旅游局" in [w.text for w in found]
    assert "西双版纳州" in [w.text for w in found]
    for w in found:
        assert doc.text_of(w.span) == w.text

"""Charset declarations that lie, and pages with a few broken bytes: read as a browser would."""

from docparse.read import read_raw

BODY = "<html><head><meta charset=\"gb2312\"></head><body><div><p>关于加强燃气安全管理的通知</p><p>各有关单位：现将有关事项通知如下，请认真贯彻执行。</p></div></body></html>"


def test_utf8_page_declaring_gb2312_is_read_as_utf8():
    raw = read_raw(BODY.encode("utf-8"), name="gas.html")
    assert raw.source.encoding == "utf-8"
    assert raw.text.startswith("关于加强燃气安全管理的通知\n")


def test_page_with_a_damaged_byte_is_read_with_a_warning():
    data = bytearray(BODY.encode("gb18030"))
    data[data.index("现将".encode("gb18030"))] = 0xFF  # a lead byte with nothing valid after it
    raw = read_raw(bytes(data), name="gas.html")
    assert raw.text.startswith("关于加强燃气安全管理的通知\n")
    assert any("damaged bytes" in w for w in raw.warnings)

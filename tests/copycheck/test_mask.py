import numpy as np

from docparse.copycheck.mask import LEVEL, NUMBER, REGION, mask_text


def test_renamed_jurisdiction_masks_the_same():
    city = mask_text("由昆明市应急局牵头，在全市开展排查，市级部门按要求落实。")
    county = mask_text("由嵩明县应急局牵头，在全县开展排查，县级部门按要求落实。")
    assert np.array_equal(city.codes, county.codes)
    assert REGION in city.codes and LEVEL in city.codes


def test_longer_region_name_still_one_code():
    a = mask_text("西双版纳州应急局")
    b = mask_text("昆明市应急局")
    assert np.array_equal(a.codes, b.codes)


def test_shifted_dates_and_numbers_mask_the_same():
    a = mask_text("2023年5月15日前完成，覆盖率达到90%")
    b = mask_text("2023年5月19日前完成，覆盖率达到95%")
    assert np.array_equal(a.codes, b.codes)
    assert NUMBER in a.codes


def test_masked_codes_map_back_to_the_normalized_text():
    text = "一、总体要求\n昆明市应急局，2023年完成。"
    masked = mask_text(text)
    assert len(masked) < len(text)  # punctuation and spaces dropped, names folded
    start, end = masked.norm_range(0, len(masked))
    assert text[start:end].endswith("完成")
    region = int(np.flatnonzero(masked.codes == REGION)[0])
    assert text[masked.norm_start[region] : masked.norm_end[region]] == "昆明"

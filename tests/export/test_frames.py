"""The DataFrames a researcher counts with: jurisdictions kept, lists as lists, dates as dates, one NA."""

import pandas as pd
import pytest

import docparse
from docparse.export import frames
from tests.helpers import seed

CITY_PLAN = "corpora/own/docs/sc_xuanhan_2024_plan.txt"


@pytest.fixture(scope="module")
def records():
    return [docparse.read(seed("001")).to_dict(), docparse.read(CITY_PLAN).to_dict()]


def test_tasks_keep_the_jurisdiction_so_two_places_bureaus_stay_apart(records):
    tasks = frames.frame("tasks", records)
    assert set(tasks["jurisdiction"]) == {"昆明市", "宣汉县"}
    leads = tasks.explode("lead").dropna(subset=["lead"])
    bureaus = set(leads["lead"])
    assert {"昆明市应急管理局", "宣汉县应急管理局"} <= bureaus
    assert "市应急管理局" not in bureaus and "县应急管理局" not in bureaus
    per_place = leads[leads["lead"].str.endswith("应急管理局")].groupby("jurisdiction")["lead"].agg(set)
    assert per_place["昆明市"] == {"昆明市应急管理局"} and per_place["宣汉县"] == {"宣汉县应急管理局"}


def test_departments_and_regions_carry_jurisdictions(records):
    departments = frames.frame("departments", records)
    kunming = departments[departments["doc_jurisdiction"] == "昆明市"]
    row = kunming[kunming["name"] == "市应急管理局"].iloc[0]
    assert row["full_name"] == "昆明市应急管理局" and row["jurisdiction"] == "昆明市"
    national = departments[departments["name"] == "国务院安全生产委员会"].iloc[0]
    assert national["full_name"] == "国务院安全生产委员会"
    regions = frames.frame("regions", records)
    assert set(regions["jurisdiction"]) == {"昆明市", "宣汉县"}


def test_lead_and_support_are_lists_and_stay_lists_in_parquet(records, tmp_path):
    tasks = frames.frame("tasks", records)
    assert all(isinstance(v, list) for v in tasks["lead"]) and all(isinstance(v, list) for v in tasks["support"])
    several = tasks[tasks["lead"].map(len) > 1].iloc[0]
    assert len(several["lead"]) == len(set(several["lead"])) > 1
    tasks.to_parquet(tmp_path / "tasks.parquet", index=False)
    back = pd.read_parquet(tmp_path / "tasks.parquet")
    assert list(back.loc[several.name, "lead"]) == several["lead"]


def test_dates_are_datetimes_with_period_columns(records):
    deadlines = frames.frame("deadlines", records)
    for column in ("date", "period_start", "period_end"):
        assert str(deadlines[column].dtype) == "datetime64[ns]"
    period = deadlines[deadlines["text"] == "2023年6月至12月"].iloc[0]
    assert period["period_start"] == pd.Timestamp("2023-06-01") and period["period_end"] == pd.Timestamp("2023-12-31")
    assert pd.isna(period["date"])
    tasks = frames.frame("tasks", records)
    assert str(tasks["deadline"].dtype) == "datetime64[ns]"
    documents = frames.frame("documents", records)
    assert documents["date"].dt.year.tolist() == [2023, 2024]


def test_missing_values_are_na_the_same_way_in_every_column(records):
    for kind in frames.TABLES:
        table = frames.frame(kind, records)
        for column in table.columns:
            values = table[column]
            if column in frames.LIST_COLUMNS:
                assert all(isinstance(v, list) for v in values), (kind, column)
                continue
            assert not values.isin([""]).any(), (kind, column)  # never '' for a missing value
            assert values.dtype != object, (kind, column)  # missing is pd.NA / NaT, not None or NaN
    tasks = frames.frame("tasks", records)
    assert tasks["support"].map(len).eq(0).any() and tasks["sector"].isna().any()
    assert tasks["sector"].dtype == "string" and tasks["page"].dtype == "Int64"


def test_an_empty_table_has_the_same_columns_and_types(records):
    for kind in frames.TABLES:
        full, empty = frames.frame(kind, records), frames.frame(kind, [])
        assert list(empty.columns) == list(full.columns)
        assert list(empty.dtypes.astype(str)) == list(full.dtypes.astype(str)), kind


def test_a_task_without_its_own_time_inherits_the_campaign_end(records):
    tasks = frames.frame("tasks", records[:1])
    coal = tasks[tasks["sector"] == "煤矿"].iloc[0]
    assert coal["deadline_source"] == "campaign" and coal["deadline"] == pd.Timestamp("2023-12-31")
    assert pd.isna(coal["deadline_text"])
    assert set(tasks["deadline_source"].dropna()) >= {"campaign", "phase"}
    assert coal["section"] == "二、（一）"

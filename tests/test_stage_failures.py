"""A stage's own failure reaches the caller as one DocparseError naming the stage, whichever way it failed."""

from __future__ import annotations

import dataclasses

import pytest

from docparse.errors import CorruptError, DocparseError, EmptyInputError, StageError
from docparse.pipeline import Pipeline

TEXT = "关于开展安全生产大检查的通知\n各县区：\n一、检查内容\n（一）企业主体责任落实情况。\n".encode()


def failing_pipeline(error: BaseException) -> Pipeline:
    def fail(doc):
        raise error

    pipeline = Pipeline(steps=("structure",))
    pipeline.stages = [dataclasses.replace(pipeline.stages[0], fn=fail)]
    return pipeline


def test_a_stage_that_fails_raises_a_stage_error_from_its_exception():
    cause = ValueError("bad value")
    with pytest.raises(StageError) as failure:
        failing_pipeline(cause)(TEXT, name="x.txt")
    assert "stage 'meta' failed (ValueError: bad value)" in failure.value.reason
    assert failure.value.__cause__ is cause


def test_a_too_deep_recursion_is_a_corrupt_document_without_the_chain():
    with pytest.raises(CorruptError) as failure:
        failing_pipeline(RecursionError("deep"))(TEXT, name="x.txt")
    assert "too deeply nested for stage 'meta'" in failure.value.reason
    assert failure.value.__cause__ is None and failure.value.__suppress_context__


@pytest.mark.parametrize("error", [EmptyInputError("empty"), MemoryError(), KeyboardInterrupt()], ids=type)
def test_library_errors_memory_and_interrupts_pass_as_they_are(error):
    with pytest.raises(type(error)) as failure:
        failing_pipeline(error)(TEXT, name="x.txt")
    assert failure.value is error


def test_the_stages_run_in_order_when_none_fails():
    assert isinstance(Pipeline(steps=("structure",))(TEXT, name="x.txt").sections, list)
    assert issubclass(StageError, DocparseError)

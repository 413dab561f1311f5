"""An audit of a responsibility graph against 三管三必须 (管行业必须管安全、管业务必须管安全、管生产经营必须管安全).

It reads only the graph, so a graph saved as GraphML and read back audits the same. Findings:
gaps (a sector with no department leading it), multi-head sectors (several leads, and whether the plan
divides their duties: the risk of 推诿扯皮), leads that differ from the shipped reference
(sector_regulators.tsv), the departments carrying the most duties, how each sector is assigned across plans
and jurisdictions, and who is criticized for what.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from docparse.graph.build import SECTOR_SEP, sector_regulators
from docparse.resources import data_path

AUDIT_SCHEMA = "docparse.graph.audit"
AUDIT_VERSION = "1.0"

# Words that give a lead its own clause: 由A负责X，B负责Y.
ROLE_WORD = re.compile(r"负责|牵头|主抓|主管|承担")
# Words that say duties are divided without dividing them: 依职责分别牵头, 按职责分工负责.
DIVISION_FORMULA = re.compile(r"(?:依|按|根据|按照|依照)(?:照)?(?:各自)?(?:职责|职能)(?:分工)?|分别(?:牵头|负责)|各司其职|各负其责")
MIN_TOPICS_FOR_UNASSIGNED = 5  # a plan assigning fewer sectors is not a division-of-duties plan
MIN_MENTIONS_FOR_UNASSIGNED = 2
TOP_DEPARTMENTS = 10


# --- findings --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Evidence:
    """Where a finding comes from: a document node and a span into its source text."""

    doc: str
    text: str
    span_start: int | None = None
    span_end: int | None = None


@dataclass(slots=True)
class Gap:
    """A sector no named department leads. kind: no_lead (a task without a lead), kind_lead_only (led by a kind
    of department only: 市场监管部门, no body of a place), generic_lead_only (led by 各地, 有关部门 only),
    named_unassigned (named repeatedly in a plan that assigns sectors, assigned to no one)."""

    doc: str
    jurisdiction: str | None
    topic: str
    sectors: list[str]
    kind: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class MultiHead:
    """A topic (sector or sectors of one item) with several lead departments in one plan.

    division: explicit (each lead has its own clause: 由A负责房屋市政工程，B负责交通工程), partial (some leads only
    share a clause), formulaic (one clause with 依职责分别牵头: divided in words only), none. `risk` is true unless
    the division is explicit.
    """

    doc: str
    jurisdiction: str | None
    topic: str
    sectors: list[str]
    leads: list[str]  # department labels
    lead_ids: list[str]
    division: str
    risk: bool
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class ReferenceMismatch:
    """A lead that differs from the reference. kind: unexpected_lead (a kind of department the reference does
    not name for the sector), reference_lead_absent (no department of the reference's lead kinds leads or
    supports the sector)."""

    doc: str
    jurisdiction: str | None
    topic: str
    sectors: list[str]
    kind: str
    department: str | None  # label of the unexpected lead
    department_id: str | None
    regulator: str | None  # its kind, None when the reference knows no such kind (市滇池管理局)
    expected: list[str]  # the reference's kinds for the sectors
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class DutyLoad:
    """How many duties a department carries across the graph."""

    department_id: str
    department: str
    jurisdiction: str | None
    regulator: str | None
    tasks_led: int
    tasks_supported: int
    sectors_led: list[str]
    documents: int


@dataclass(slots=True)
class SectorAssignment:
    """Who leads a sector in one document."""

    doc: str
    document: str  # label (title)
    jurisdiction: str | None
    level: str | None
    leads: list[str]
    regulators: list[str]  # the leads' kinds, sorted; "?" for a body of no known kind


@dataclass(slots=True)
class SectorComparison:
    """One sector across the plans that assign it; `consistent` when every plan gives it the same kinds of lead."""

    sector: str
    assignments: list[SectorAssignment]
    consistent: bool
    reference: list[str]  # the reference's lead kinds


@dataclass(slots=True)
class Criticism:
    """A region, department or enterprise a document criticizes, and why."""

    doc: str
    target_id: str
    target: str
    target_kind: str
    reason: str | None
    evidence: Evidence


@dataclass(slots=True)
class AuditReport:
    documents: int
    gaps: list[Gap]
    multi_head: list[MultiHead]
    mismatches: list[ReferenceMismatch]
    duty_load: list[DutyLoad]
    comparisons: list[SectorComparison]
    criticisms: list[Criticism]
    reference: list[str]  # the source lines of sector_regulators.tsv

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": AUDIT_SCHEMA,
            "version": AUDIT_VERSION,
            "documents": self.documents,
            "reference": self.reference,
            "gaps": [asdict(x) for x in self.gaps],
            "multi_head": [asdict(x) for x in self.multi_head],
            "mismatches": [asdict(x) for x in self.mismatches],
            "duty_load": [asdict(x) for x in self.duty_load],
            "comparisons": [asdict(x) for x in self.comparisons],
            "criticisms": [asdict(x) for x in self.criticisms],
        }


# --- reading the graph -------------------------------------------------------------------------------------


@dataclass(slots=True)
class TaskView:
    id: str
    doc: str
    topic: str
    sectors: list[str]
    text: str
    start: int
    leads: list[tuple[str, int, int, str]]  # (department node, span_start, span_end, text), in text order
    supports: list[str]
    generic: bool  # led by generic subjects (各地, 有关部门) only
    generic_kinds: list[str]  # kinds of department named generically as leads (市场监管部门 -> 市场监管)


def tasks_of(graph: nx.MultiDiGraph) -> list[TaskView]:
    """Every task node with a sector, with its leads and supports (department nodes) in text order."""
    out = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "task" or not data.get("sector"):
            continue
        leads, supports = [], []
        for source, _, e in graph.in_edges(node, data=True):
            if graph.nodes[source].get("kind") != "department":
                continue
            if e["kind"] == "leads":
                leads.append((source, e.get("span_start", -1), e.get("span_end", -1), e.get("text", "")))
            elif e["kind"] == "supports":
                supports.append(source)
        leads.sort(key=lambda x: x[1])
        topic = data["sector"]
        out.append(TaskView(node, data["doc"], topic, topic.split(SECTOR_SEP), data.get("text", ""),
                            data.get("span_start", 0), leads, supports, bool(data.get("generic_leads")),
                            [k for k in data.get("generic_lead_kinds", "").split(SECTOR_SEP) if k]))  # fmt: skip
    return sorted(out, key=lambda t: (t.doc, t.start))


def topics_by_document(tasks: list[TaskView]) -> dict[tuple[str, str], list[TaskView]]:
    """(document, topic) -> its tasks, in text order."""
    out: dict[tuple[str, str], list[TaskView]] = defaultdict(list)
    for t in tasks:
        out[(t.doc, t.topic)].append(t)
    return out


def label_of(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label", node))


def jurisdiction_of(graph: nx.MultiDiGraph, doc: str) -> str | None:
    return graph.nodes[doc].get("jurisdiction") if doc in graph else None


def task_evidence(task: TaskView, limit: int = 80) -> Evidence:
    text = " ".join(task.text.split())
    return Evidence(task.doc, text[:limit], task.start, task.start + len(task.text))


# --- the checks -----------------------------------------------------------------------------------------------


def lead_clauses(task: TaskView) -> list[list[str]]:
    """The task's leads grouped by clause: a role word (负责, 牵头) between two leads starts a new clause."""
    groups: list[list[str]] = []
    previous_end = None
    for node, start, end, _ in task.leads:
        rel_start = start - task.start
        gap = task.text[previous_end:rel_start] if previous_end is not None and rel_start >= 0 else ""
        if not groups or ROLE_WORD.search(gap):
            groups.append([])
        if node not in groups[-1]:
            groups[-1].append(node)
        previous_end = max(end - task.start, 0)
    return groups


def division_of(tasks: list[TaskView]) -> str:
    """How a plan divides the duties of a topic's several leads (see `MultiHead`)."""
    groups = [g for t in tasks for g in lead_clauses(t)]
    if len(groups) == 1:
        return "formulaic" if any(DIVISION_FORMULA.search(t.text) for t in tasks) else "none"
    shared = [g for g in groups if len(g) > 1]
    own = {n for g in groups if len(g) == 1 for n in g}
    if not shared:
        return "explicit"
    if all(n in own for g in shared for n in g):
        return "explicit"
    return "partial"


def topic_leads(tasks: list[TaskView]) -> list[str]:
    return list(dict.fromkeys(n for t in tasks for n, *_ in t.leads))


def multi_head_findings(graph: nx.MultiDiGraph, topics: dict[tuple[str, str], list[TaskView]]) -> list[MultiHead]:
    out = []
    for (doc, topic), tasks in topics.items():
        leads = topic_leads(tasks)
        if len(leads) < 2:
            continue
        division = division_of(tasks)
        out.append(MultiHead(
            doc, jurisdiction_of(graph, doc), topic, tasks[0].sectors, [label_of(graph, n) for n in leads], leads,
            division, division != "explicit", [task_evidence(t) for t in tasks if t.leads],
        ))  # fmt: skip
    return out


def gap_findings(graph: nx.MultiDiGraph, topics: dict[tuple[str, str], list[TaskView]]) -> list[Gap]:
    out = []
    for (doc, topic), tasks in topics.items():
        if topic_leads(tasks):
            continue
        if any(t.generic_kinds for t in tasks):
            kind = "kind_lead_only"
        elif any(t.generic for t in tasks):
            kind = "generic_lead_only"
        else:
            kind = "no_lead"
        out.append(Gap(doc, jurisdiction_of(graph, doc), topic, tasks[0].sectors, kind, [task_evidence(t) for t in tasks]))
    covered: dict[str, set[str]] = defaultdict(set)
    topic_count: Counter[str] = Counter()
    for doc, topic in topics:
        covered[doc].update(topic.split(SECTOR_SEP))
        topic_count[doc] += 1
    for doc, sector, e in graph.edges(data=True):
        if e["kind"] != "mentions" or topic_count[doc] < MIN_TOPICS_FOR_UNASSIGNED:
            continue
        name = graph.nodes[sector]["label"]
        if name not in covered[doc] and e.get("count", 1) >= MIN_MENTIONS_FOR_UNASSIGNED:
            out.append(Gap(doc, jurisdiction_of(graph, doc), name, [name], "named_unassigned",
                           [Evidence(doc, e.get("text", name), e.get("span_start"), e.get("span_end"))]))  # fmt: skip
    return out


def reference_kinds(sectors: list[str], role: str | None = None) -> list[str]:
    """The reference's regulator kinds for some sectors (only those of `role` when given), in file order."""
    reference = sector_regulators()
    return list(dict.fromkeys(k for s in sectors for k, r in reference.get(s, {}).items() if role is None or r == role))


def mismatch_findings(graph: nx.MultiDiGraph, topics: dict[tuple[str, str], list[TaskView]]) -> list[ReferenceMismatch]:
    out = []
    reference = sector_regulators()
    for (doc, topic), tasks in topics.items():
        sectors = [s for s in tasks[0].sectors if s in reference]
        leads = topic_leads(tasks)
        if not sectors or not leads:
            continue
        allowed = reference_kinds(sectors)
        jurisdiction = jurisdiction_of(graph, doc)
        for node in leads:
            kind = graph.nodes[node].get("regulator")
            if kind not in allowed:
                evidence = [Evidence(t.doc, text, s, e) for t in tasks for n, s, e, text in t.leads if n == node]
                out.append(ReferenceMismatch(doc, jurisdiction, topic, sectors, "unexpected_lead", label_of(graph, node),
                                             node, kind, allowed, evidence))  # fmt: skip
        present = {graph.nodes[n].get("regulator") for n in leads}
        present.update(graph.nodes[n].get("regulator") for t in tasks for n in t.supports)
        for sector in sectors:
            expected = reference_kinds([sector], "lead")
            if expected and not present.intersection(expected):
                out.append(ReferenceMismatch(doc, jurisdiction, topic, [sector], "reference_lead_absent", None, None, None,
                                             expected, [task_evidence(t) for t in tasks]))  # fmt: skip
    return out


def duty_load(graph: nx.MultiDiGraph, limit: int = TOP_DEPARTMENTS) -> list[DutyLoad]:
    """Departments by the number of tasks they lead, then support."""
    led: Counter[str] = Counter()
    supported: Counter[str] = Counter()
    sectors: dict[str, list[str]] = defaultdict(list)
    for source, target, e in graph.edges(data=True):
        kind = graph.nodes[target].get("kind")
        if e["kind"] == "leads" and kind == "task":
            led[source] += 1
        elif e["kind"] == "supports" and kind == "task":
            supported[source] += 1
        elif e["kind"] == "leads" and kind == "sector":
            name = graph.nodes[target]["label"]
            if name not in sectors[source]:
                sectors[source].append(name)
    nodes = [n for n in set(led) | set(supported) if graph.nodes[n].get("kind") == "department"]
    nodes.sort(key=lambda n: (-led[n], -supported[n], label_of(graph, n)))
    out = []
    for n in nodes[:limit]:
        data = graph.nodes[n]
        out.append(DutyLoad(n, label_of(graph, n), data.get("jurisdiction"), data.get("regulator"), led[n],
                            supported[n], sectors[n], int(data.get("documents", 1))))  # fmt: skip
    return out


def sector_comparisons(graph: nx.MultiDiGraph) -> list[SectorComparison]:
    """Each sector led in two or more documents, with who leads it in each."""
    leads: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for source, target, e in graph.edges(data=True):
        if e["kind"] == "leads" and graph.nodes[target].get("kind") == "sector" and graph.nodes[source].get("kind") == "department":
            by_doc = leads[graph.nodes[target]["label"]][e["doc"]]
            if source not in by_doc:
                by_doc.append(source)
    out = []
    for sector in sorted(leads):
        by_doc = leads[sector]
        if len(by_doc) < 2:
            continue
        rows = []
        for doc, nodes in sorted(by_doc.items(), key=lambda kv: level_rank(graph.nodes[kv[0]].get("level"))):
            kinds = sorted({graph.nodes[n].get("regulator") or "?" for n in nodes})
            data = graph.nodes[doc]
            rows.append(SectorAssignment(doc, str(data.get("label", doc)), data.get("jurisdiction"), data.get("level"),
                                         [label_of(graph, n) for n in nodes], kinds))  # fmt: skip
        consistent = len({tuple(r.regulators) for r in rows}) == 1
        out.append(SectorComparison(sector, rows, consistent, reference_kinds([sector], "lead")))
    return out


def level_rank(level: str | None) -> int:
    return {"central": 0, "province": 1, "prefecture": 2, "county": 3, "township": 4}.get(level or "", 5)


def criticisms(graph: nx.MultiDiGraph) -> list[Criticism]:
    out = []
    for doc, target, e in graph.edges(data=True):
        if e["kind"] != "criticizes":
            continue
        text = e.get("context") or e.get("text", "")
        out.append(Criticism(doc, target, label_of(graph, target), e.get("target_kind", graph.nodes[target]["kind"]),
                             e.get("reason"), Evidence(doc, text, e.get("span_start"), e.get("span_end"))))  # fmt: skip
    return sorted(out, key=lambda c: (c.doc, c.evidence.span_start or 0))


def reference_sources() -> list[str]:
    """The `#` header of the shipped reference: its sources and date."""
    with data_path("sector_regulators.tsv").open(encoding="utf-8") as fh:
        return [line[1:].strip() for line in fh if line.startswith("#")]


def audit(graph: nx.MultiDiGraph) -> AuditReport:
    """Check a responsibility graph (from `docparse.graph.build`) against 三管三必须 and the shipped reference."""
    topics = topics_by_document(tasks_of(graph))
    documents = sum(1 for _, d in graph.nodes(data=True) if d.get("kind") == "document" and not d.get("external"))
    return AuditReport(
        documents=documents,
        gaps=gap_findings(graph, topics),
        multi_head=multi_head_findings(graph, topics),
        mismatches=mismatch_findings(graph, topics),
        duty_load=duty_load(graph),
        comparisons=sector_comparisons(graph),
        criticisms=criticisms(graph),
        reference=reference_sources(),
    )

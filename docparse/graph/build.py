"""The responsibility graph (责任图): who leads or supports which task and sector, who is criticized, which
plan implements which, built from extracted documents.

Every node and edge attribute is a `str`, `int`, `float` or `bool` (never `None` or a list), so the graph
goes to GraphML and GEXF as it is and reads back with the same attributes. A missing value is a missing key;
several values are one string joined by `ALIAS_SEP` (a department's `aliases`, a sector's `written_as`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import networkx as nx

from docparse.extract.tasks import lexicon_sectors, sector_matcher, task_sector_wording
from docparse.link.jurisdiction import issuer_department
from docparse.model import (
    CriticizedEntity,
    Department,
    Document,
    PartyRef,
    Region,
    Span,
    Task,
)
from docparse.resources import load_tsv

if TYPE_CHECKING:
    from docparse.copycheck import CopyPair

GRAPH_SCHEMA = "docparse.graph"
GRAPH_VERSION = "1.0"

NODE_KINDS = ("document", "department", "sector", "task", "region", "enterprise")
EDGE_KINDS = ("leads", "supports", "covers", "contains", "mentions", "criticizes", "issued_by", "implements")

# Bodies named with a party or level word before the body itself (市委宣传部 is 昆明市委宣传部).
LEVEL_WORDS = ("国务院", "自治区", "自治州", "地区", "省委", "市委", "州委", "县委", "区委", "旗委", "盟委",
               "省", "市", "州", "县", "区", "旗", "盟", "乡", "镇")  # fmt: skip
CENTRAL = "全国"
SECTOR_SEP = "、"  # how the tasks stage joins the sectors of one topic (水上交通、渔业船舶)
ALIAS_SEP = "|"
# A plan cited as the one a document carries out: 根据《…方案》, 按照《…的通知》.
CITATION = re.compile(r"(?:根据|按照|依据|依照|贯彻落实|贯彻|落实|执行)[^《。；;\n]{0,8}《([^《》\n]{6,80})》")
# Plans and notices, not rules (办法, 规定, 条例): a plan carries out a plan.
PLAN_TITLE_END = re.compile(r"(?:方案|计划|通知|意见|部署|安排|规划|纲要|措施|要点)$")
ISSUING_TITLE = re.compile(r"^.*?关于印发(.+?)的通知$")
TITLE_NOISE = re.compile(r"[\s《》“”\"'（）()〔〕\[\]【】·、，,。]")
CONTEXT_CHARS = 120  # the longest sentence excerpt kept as a criticism's evidence


# --- identifiers -----------------------------------------------------------------------------------


def document_id(doc: Document) -> str:
    """Node id of a document: its content hash, so copies of one file are one node."""
    return f"doc:{doc.source.sha256[:16]}"


def sector_id(sector: str) -> str:
    return f"sector:{sector}"


def task_id(doc: Document, index: int) -> str:
    return f"task:{doc.source.sha256[:16]}:{index}"


def region_id(region: Region) -> str:
    return f"region:{region.adcode or region.full_name}"


def enterprise_id(name: str) -> str:
    return f"enterprise:{name}"


def department_id(label: str, scope: str | None = None) -> str:
    """A department's node id: its full name (昆明市应急管理局); `scope` keeps a body whose place is unknown
    apart from every other document's body of the same name."""
    return f"dept:{label}" + (f"@{scope}" if scope else "")


# --- reference data ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def regulator_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row["kind"], re.compile(row["pattern"])) for row in load_tsv("regulator_kinds.tsv"))


@lru_cache(maxsize=4096)
def regulator_kind(base_name: str) -> str | None:
    """The kind of regulator a body is (交通运输 for 交通运输局, 公安交管 for 公安局交警支队), or None."""
    return next((kind for kind, pattern in regulator_patterns() if pattern.search(base_name)), None)


@lru_cache(maxsize=1)
def sector_regulators() -> dict[str, dict[str, str]]:
    """Sector -> {regulator kind -> role (lead, part)} from the shipped reference (sector_regulators.tsv)."""
    out: dict[str, dict[str, str]] = {}
    for row in load_tsv("sector_regulators.tsv"):
        out.setdefault(row["sector"], {})[row["regulator"]] = row["role"]
    return out


def sectors_named(text: str) -> dict[str, tuple[int, int, str, int]]:
    """Sector -> (start, end, term, count): its first mention in `text` and how often it is named."""
    found: dict[str, tuple[int, int, str, int]] = {}
    for start, end, (term, sector) in sector_matcher().longest(text):
        first = found.get(sector)
        found[sector] = (first[0], first[1], first[2], first[3] + 1) if first else (start, end, term, 1)
    return found


# --- departments and their places ------------------------------------------------------------------


def split_level_word(name: str, has_level: bool) -> tuple[str, str]:
    """(level word, body) of a canonical name: 市应急管理局 -> (市, 应急管理局); 市委宣传部 -> (市委, 宣传部).

    Only a department with a level has a level word, so 市场监督管理局 written bare keeps its 市.
    """
    if has_level:
        for word in LEVEL_WORDS:
            if name.startswith(word) and len(name) - len(word) >= 2:
                return word, name[len(word) :]
    return "", name


@dataclass(frozen=True, slots=True)
class Place:
    """Where a document's bodies sit: the issuer's place and the places above it, by level."""

    home: str | None
    by_level: dict[str, str]


def document_place(doc: Document) -> Place:
    """The issuer's jurisdiction and the places above it (宣汉县 -> {county: 宣汉县, prefecture: 达州市,
    province: 四川省}), from the regions the document names and the region gazetteer."""
    regions = {r.name: r for r in doc.extraction.regions}
    regions.update({r.full_name: r for r in doc.extraction.regions})
    issuer = issuer_department(doc)
    home = issuer.jurisdiction if issuer is not None else None
    if home is None and doc.meta.issuer is not None:
        value = str(doc.meta.issuer.value)
        home = next((r.name for r in doc.extraction.regions if value.startswith((r.full_name, r.name))), None)
    by_level: dict[str, str] = {}
    region = regions.get(home) if home else None
    if region is not None:
        by_level[region.level] = region.name
        for unit in region_ancestors(region.adcode):
            by_level.setdefault(unit[0], unit[1])
    if home and issuer is not None and issuer.level and issuer.level not in by_level:
        by_level[issuer.level] = home
    return Place(home, by_level)


def region_ancestors(adcode: str | None) -> list[tuple[str, str]]:
    """(level, name) of the places above a region, nearest first, from the region gazetteer."""
    if not adcode:
        return []
    from docparse.analyse.gazetteer import gazetteer

    gaz = gazetteer()
    if adcode not in gaz.units:
        return []
    return [(gaz.units[k].level, gaz.units[k].name) for k in gaz.ancestors(adcode)]


def canonical_jurisdiction(doc: Document, jurisdiction: str) -> str:
    """The short name of a place the region stage knows (文山壮族苗族自治州 -> 文山州); others unchanged."""
    for r in doc.extraction.regions:
        if jurisdiction in (r.full_name, r.name):
            return r.name
    return jurisdiction


@dataclass(frozen=True, slots=True)
class DepartmentKey:
    """A department as a node: its id and the attributes that identify it."""

    id: str
    label: str  # full name: 昆明市应急管理局
    name: str  # canonical name as the document writes it: 市应急管理局
    body: str  # without level word: 应急管理局
    level: str | None
    jurisdiction: str | None


def department_key(doc: Document, dept: Department, place: Place, scope: str) -> DepartmentKey:
    """Where a department sits: its own place, else the issuer's place at its level, else this document only.

    A body written without a place keeps one node per document (`scope`), since two plans' 县应急管理局 may
    be two counties' bodies.
    """
    word, body = split_level_word(dept.name, dept.level is not None or dept.jurisdiction is not None)
    if dept.level == "central":
        return DepartmentKey(department_id(dept.name), dept.name, dept.name, body, dept.level, CENTRAL)
    jurisdiction = dept.jurisdiction or (place.by_level.get(dept.level) if dept.level else None)
    if jurisdiction:
        jurisdiction = canonical_jurisdiction(doc, jurisdiction)
        party = "委" if word.endswith("委") and len(word) > 1 else ""
        label = jurisdiction + party + body
        return DepartmentKey(department_id(label), label, dept.name, body, dept.level, jurisdiction)
    return DepartmentKey(department_id(dept.name, scope), dept.name, dept.name, body, dept.level, None)


# --- the builder ---------------------------------------------------------------------------------------


class GraphBuilder:
    """Adds documents to one MultiDiGraph; nodes shared across documents (departments, sectors, regions) merge."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph(schema=GRAPH_SCHEMA, version=GRAPH_VERSION)
        self._edges = 0
        self._titles: dict[str, str] = {}  # normalized title -> document node
        self._citations: list[tuple[str, str, Span, str]] = []  # (citing node, title, span, text)

    # nodes and edges

    def add_node(self, node: str, **attrs: Any) -> str:
        clean = scalar_attrs(attrs)
        if node in self.graph:
            data = self.graph.nodes[node]
            for key, value in clean.items():
                data.setdefault(key, value)
        else:
            self.graph.add_node(node, **clean)
        return node

    def add_edge(self, source: str, target: str, kind: str, **attrs: Any) -> str:
        self._edges += 1
        key = f"e{self._edges}"
        self.graph.add_edge(source, target, key=key, kind=kind, **scalar_attrs(attrs))
        return key

    # one document

    def add_document(self, doc: Document) -> str:
        doc_node = document_id(doc)
        meta = doc.meta
        title = str(meta.title.value) if meta.title else None
        place = document_place(doc)
        issuer = issuer_department(doc)
        self.add_node(
            doc_node, kind="document", label=title or (doc.source.path or doc_node), title=title,
            path=doc.source.path, sha256=doc.source.sha256,
            doc_number=str(meta.doc_number.value) if meta.doc_number else None,
            date=str(meta.date.value) if meta.date else None,
            doc_type=str(meta.doc_type.value) if meta.doc_type else None,
            issuer=str(meta.issuer.value) if meta.issuer else None,
            jurisdiction=place.home, level=issuer.level if issuer else None, external=False,
        )  # fmt: skip
        for t in self.document_titles(doc):
            self._titles.setdefault(t, doc_node)
        departments = self.add_departments(doc, place, doc_node)
        if issuer is not None:
            key = departments[issuer.name]
            span = meta.issuer.span if meta.issuer else None
            self.add_edge(doc_node, key, "issued_by", doc=doc_node, **span_attrs(doc, span))
        self.add_tasks(doc, doc_node, departments, place)
        self.add_sector_mentions(doc, doc_node)
        self.add_criticisms(doc, doc_node, departments, place)
        self.collect_citations(doc, doc_node, title)
        return doc_node

    def document_titles(self, doc: Document) -> list[str]:
        """Normalized titles a citation may use for this document: its own, its inner plan's, embedded plans'."""
        titles = [str(doc.meta.title.value)] if doc.meta.title else []
        titles += [str(e.title.value) for e in doc.embedded]
        out = []
        for t in titles:
            out.append(normalized_title(t))
            m = ISSUING_TITLE.match(t)
            if m:
                out.append(normalized_title(m.group(1)))
        return [t for t in out if len(t) >= 6]

    def add_departments(self, doc: Document, place: Place, doc_node: str) -> dict[str, str]:
        """Department nodes of a document; returns canonical name -> node id."""
        out: dict[str, str] = {}
        for dept in doc.extraction.departments:
            key = department_key(doc, dept, place, doc_node)
            node = self.add_node(
                key.id, kind="department", label=key.label, name=key.name, body=key.body, level=key.level,
                jurisdiction=key.jurisdiction, body_kind=dept.kind, regulator=regulator_kind(key.body),
                resolved=key.jurisdiction is not None,
            )  # fmt: skip
            data = self.graph.nodes[node]
            aliases = set(filter(None, data.get("aliases", "").split(ALIAS_SEP)))
            aliases.update(m.text for m in dept.mentions)
            data["aliases"] = ALIAS_SEP.join(sorted(aliases))
            data["mentions"] = data.get("mentions", 0) + len(dept.mentions)
            data["documents"] = data.get("documents", 0) + 1
            out[dept.name] = node
        return out

    def party_node(self, doc: Document, ref: PartyRef, departments: dict[str, str], place: Place) -> str | None:
        """The node of a responsible party: a department or an enterprise; generic subjects (各地) have none."""
        if ref.kind == "enterprise":
            return self.add_node(enterprise_id(ref.name), kind="enterprise", label=ref.name)
        if ref.kind not in ("department", "committee"):
            return None
        if ref.name not in departments:  # a party the departments stage did not list: place it the same way
            dept = Department(ref.name, None, None, ref.kind, [ref])
            key = department_key(doc, dept, place, document_id(doc))
            departments[ref.name] = self.add_node(
                key.id, kind="department", label=key.label, name=key.name, body=key.body,
                jurisdiction=key.jurisdiction, body_kind=ref.kind, regulator=regulator_kind(key.body),
                resolved=key.jurisdiction is not None, aliases=ref.text, mentions=1, documents=1,
            )  # fmt: skip
        return departments[ref.name]

    def add_tasks(self, doc: Document, doc_node: str, departments: dict[str, str], place: Place) -> None:
        for i, task in enumerate(doc.extraction.tasks):
            node = task_id(doc, i)
            sectors = task_sectors(task)
            wording = {w.sector: w for w in task_sector_wording(doc, task)}
            generic = [r.text for r in task.lead if r.kind == "generic"]
            generic_kinds = [k for k in dict.fromkeys(map(regulator_kind, generic)) if k]
            self.add_node(
                node, kind="task", label=task_label(task), text=doc.text_of(task.span), doc=doc_node,
                span_start=task.span.start, span_end=task.span.end, sector=task.sector, phase=task.phase,
                section=task.section, deadline=task.deadline.date if task.deadline else None,
                page=doc.page_of(task.span), generic_leads=SECTOR_SEP.join(generic) or None,
                generic_lead_kinds=SECTOR_SEP.join(generic_kinds) or None,
            )  # fmt: skip
            self.add_edge(doc_node, node, "contains", doc=doc_node)
            for sector in sectors:
                written = wording.get(sector)
                self.add_sector(sector, written.text if written else None)
                evidence = span_attrs(doc, written.span) if written else {}
                self.add_edge(node, sector_id(sector), "covers", doc=doc_node, written_as=written and written.text,
                              **evidence)  # fmt: skip
            for role, refs in (("leads", task.lead), ("supports", task.support)):
                seen: set[str] = set()
                for ref in refs:
                    party = self.party_node(doc, ref, departments, place)
                    if party is None or party in seen:
                        continue
                    seen.add(party)
                    evidence = dict(doc=doc_node, task=node, text=ref.text, **span_attrs(doc, ref.span))
                    self.add_edge(party, node, role, **evidence)
                    for sector in sectors:
                        written = wording.get(sector)
                        self.add_edge(party, sector_id(sector), role, written_as=written and written.text, **evidence)

    def add_sector(self, sector: str, written_as: str | None = None) -> str:
        """The node of a canonical sector (its id and label, shared by every document), with `written_as`, the
        names the documents' tasks give it (文化和旅游|旅游景区 for 文化旅游), joined by `ALIAS_SEP`, first met first."""
        node = sector_id(sector)
        if node not in self.graph:
            reference = sector_regulators().get(sector, {})
            leads = [k for k, role in reference.items() if role == "lead"]
            parts = [k for k, role in reference.items() if role != "lead"]
            self.add_node(
                node, kind="sector", label=sector, in_lexicon=sector in lexicon_sectors(), in_reference=bool(reference),
                reference_leads=SECTOR_SEP.join(leads) or None, reference_parts=SECTOR_SEP.join(parts) or None,
            )  # fmt: skip
        if written_as:
            data = self.graph.nodes[node]
            names = list(filter(None, data.get("written_as", "").split(ALIAS_SEP)))
            if written_as not in names:
                data["written_as"] = ALIAS_SEP.join([*names, written_as])
        return node

    def add_sector_mentions(self, doc: Document, doc_node: str) -> None:
        """One `mentions` edge per sector the document names, at its first mention."""
        for sector, (start, end, term, count) in sectors_named(doc.norm_text).items():
            span = doc.source_span(start, end)
            self.add_sector(sector)
            self.add_edge(doc_node, sector_id(sector), "mentions", doc=doc_node, text=term, count=count,
                          **span_attrs(doc, span))  # fmt: skip

    def add_criticisms(self, doc: Document, doc_node: str, departments: dict[str, str], place: Place) -> None:
        reasons = problem_reasons(doc)
        for region in doc.extraction.regions:
            for m in region.mentions:
                if m.stance != "criticized":
                    continue
                node = self.add_node(
                    region_id(region), kind="region", label=region.name, full_name=region.full_name,
                    level=region.level, adcode=region.adcode, parent=region.parent,
                )  # fmt: skip
                self.add_edge(
                    doc_node, node, "criticizes", doc=doc_node, target_kind="region",
                    reason=reason_at(reasons, m.span.start), cue=m.cue, text=m.text,
                    context=sentence_at(doc, m.span), **span_attrs(doc, m.span),
                )  # fmt: skip
        for entity in doc.extraction.entities_criticized:
            node = self.criticized_node(doc, entity, departments, place)
            self.add_edge(
                doc_node, node, "criticizes", doc=doc_node, target_kind=entity.kind,
                reason=entity.reason or reason_at(reasons, entity.span.start), text=entity.text,
                context=sentence_at(doc, entity.span), **span_attrs(doc, entity.span),
            )  # fmt: skip

    def criticized_node(self, doc: Document, entity: CriticizedEntity, departments: dict[str, str], place: Place) -> str:
        if entity.kind == "department":
            for dept in doc.extraction.departments:
                if any(m.span.start < entity.span.end and entity.span.start < m.span.end for m in dept.mentions):
                    return departments[dept.name]
            return self.add_node(
                department_id(entity.name), kind="department", label=entity.name, name=entity.name,
                body=entity.name, body_kind="department", resolved=False, aliases=entity.text, mentions=1,
                documents=1, regulator=regulator_kind(entity.name),
            )  # fmt: skip
        return self.add_node(enterprise_id(entity.name), kind="enterprise", label=entity.name)

    # plans implementing plans

    def collect_citations(self, doc: Document, doc_node: str, own_title: str | None) -> None:
        own = normalized_title(own_title) if own_title else ""
        for m in CITATION.finditer(doc.norm_text):
            cited = m.group(1).strip()
            if not PLAN_TITLE_END.search(cited) or normalized_title(cited) == own:
                continue
            span = doc.source_span(m.start(1) - 1, m.end(1) + 1)
            self._citations.append((doc_node, cited, span, doc.text_of(span)))

    def link_citations(self) -> None:
        """`implements` edges from each citing document to the cited plan: a document of the set, or an
        outside plan known only by its title (external=True)."""
        for citing, cited, span, text in self._citations:
            key = normalized_title(cited)
            inner = ISSUING_TITLE.match(cited)
            target = self._titles.get(key) or (self._titles.get(normalized_title(inner.group(1))) if inner else None)
            if target is None:
                target = self.add_node(f"doc:cited:{key}", kind="document", label=cited, title=cited, external=True)
            if target != citing:
                self.add_edge(citing, target, "implements", doc=citing, evidence="citation", text=text,
                              span_start=span.start, span_end=span.end)  # fmt: skip
        self._citations.clear()

    def add_copies(self, pairs: Iterable["CopyPair"]) -> None:
        """`implements` edges from copy-check: the copied plan implements its source, where the direction is known."""
        by_hash = {d["sha256"]: n for n, d in self.graph.nodes(data=True) if d.get("kind") == "document" and "sha256" in d}
        for pair in pairs:
            checked, reference = by_hash.get(pair.checked.sha256), by_hash.get(pair.reference.sha256)
            if checked and reference and checked != reference and pair.source_known and pair.relation == "copied":
                self.add_edge(checked, reference, "implements", doc=checked, evidence=f"copycheck:{pair.evidence}",
                              score=round(float(pair.score), 4), verdict=pair.verdict)  # fmt: skip


def build(documents: Document | Iterable[Document], *, copies: Iterable["CopyPair"] | None = None,
          copycheck: bool = False) -> nx.MultiDiGraph:  # fmt: skip
    """The responsibility graph of one or many extracted documents.

    Nodes (attribute `kind`): document, department (one per body and jurisdiction: 市应急局 and 市应急管理局 of
    昆明 are one node, 昆明市 and a county's 应急管理局 two), sector (one per canonical sector of sectors.tsv, so
    plans link across documents, with the documents' own names in `written_as`: 文化和旅游 for 文化旅游; a
    plan's own sector the lexicon does not know is a node of its own name, `in_lexicon=False`), task, region,
    enterprise. Edges (attribute
    `kind`): leads and supports (department -> task and -> sector, the latter with the sector's name as the
    task's document writes it in `written_as`), covers (task -> sector, `written_as` with its span), contains
    (document -> task), mentions (document -> sector named), criticizes (document -> region, department or
    enterprise, with reason and span), issued_by (document -> department), implements (document -> the plan it
    carries out, from 根据《…》 citations, and from copy-check pairs given as `copies` or computed with
    `copycheck=True`).
    """
    docs = [documents] if isinstance(documents, Document) else list(documents)
    builder = GraphBuilder()
    for doc in docs:
        builder.add_document(doc)
    builder.link_citations()
    if copycheck and len(docs) > 1:
        from docparse.copycheck import check_corpus

        copies = list(copies or []) + check_corpus(docs).pairs
    if copies:
        builder.add_copies(copies)
    return builder.graph


# --- small helpers -----------------------------------------------------------------------------------


def scalar_attrs(attrs: dict[str, Any]) -> dict[str, str | int | float | bool]:
    """Attributes with `None` left out; anything not a str, int, float or bool is an error (GraphML and GEXF
    cannot hold it)."""
    out: dict[str, str | int | float | bool] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if not isinstance(value, (str, int, float, bool)):
            raise TypeError(f"graph attribute {key!r} must be a scalar, not {type(value).__name__}")
        out[key] = value
    return out


def span_attrs(doc: Document, span: Span | None) -> dict[str, int]:
    if span is None:
        return {}
    out = {"span_start": span.start, "span_end": span.end}
    page = doc.page_of(span)
    if page is not None:
        out["page"] = page
    return out


def task_sectors(task: Task) -> list[str]:
    return [s for s in (task.sector or "").split(SECTOR_SEP) if s]


def task_label(task: Task, limit: int = 24) -> str:
    text = " ".join(task.text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def normalized_title(title: str) -> str:
    return TITLE_NOISE.sub("", title)


def problem_reasons(doc: Document) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Problems sorted by start, for finding the problem a criticized mention sits in."""
    spans = sorted((p.span.start, p.span.end, p.category or p.text[:CONTEXT_CHARS]) for p in doc.extraction.problems)
    return [s for s, _, _ in spans], spans


def reason_at(reasons: tuple[list[int], list[tuple[int, int, str]]], offset: int) -> str | None:
    """The category of the innermost problem containing a source offset (工作落实有差距), if any."""
    starts, spans = reasons
    best = None
    for start, end, reason in spans[: bisect_right(starts, offset)]:
        if start <= offset < end and (best is None or end - start < best[1] - best[0]):
            best = (start, end, reason)
    return best[2] if best else None


def sentence_at(doc: Document, span: Span) -> str | None:
    """The sentence around a span, as written, cut to CONTEXT_CHARS around the span."""
    starts = [s.span.start for s in doc.sentences]
    i = bisect_right(starts, span.start) - 1
    if i < 0 or not doc.sentences[i].span.start <= span.start < doc.sentences[i].span.end:
        return None
    sent = doc.sentences[i].span
    lo = max(sent.start, span.start - CONTEXT_CHARS // 2)
    hi = min(sent.end, lo + CONTEXT_CHARS)
    return " ".join(doc.text[lo:hi].split())

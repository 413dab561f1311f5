"""A persistent index of prepared plans: fingerprints for candidate search, texts for alignment.

Candidate search uses content-defined fingerprints (one shingle hash in `fingerprint_rate`, the
same ones in every text) in an inverted index: a checked plan's fingerprints look up the plans that
share them, and the share of shared fingerprints estimates containment directly, so a county plan
that copied 10 % of a long provincial plan is still found (MinHash LSH estimates resemblance, which
such a pair does not have; bench/bench_copycheck.py compares them). Storage sits behind
`IndexStorage`: SQLite by default, in memory for tests and one-off collections.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import urllib.parse
import zlib
from array import array
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from docparse.copycheck.boilerplate import DocumentFrequency
from docparse.copycheck.check import PreparedText
from docparse.errors import DocparseError
from docparse.model import Document, Meta, OffsetMap, Source

INDEX_FORMAT = "docparse.copycheck.index/1"


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """What the index keeps of one plan: enough to rebuild its Document for alignment and reports."""

    doc_id: int
    path: str | None
    sha256: str
    title: str | None
    date: str | None
    text: str
    norm_text: str
    offsets: bytes  # array('i') of the normalized -> source map
    metadata_spans: tuple[tuple[int, int], ...]

    def document(self) -> Document:
        from docparse.model import Field, Span

        index = array("i")
        index.frombytes(self.offsets)
        doc = Document(
            source=Source(path=self.path, sha256=self.sha256, format="index"),
            text=self.text,
            norm_text=self.norm_text,
            offsets=OffsetMap(index, len(self.text)),
            meta=Meta(),
        )
        if self.title:
            doc.meta.title = Field(self.title, Span(0, 0), self.title)
        if self.date:
            doc.meta.date = Field(self.date, Span(0, 0), self.date)
        doc.meta.notes = [Field(None, Span(s, e), self.text[s:e]) for s, e in self.metadata_spans]
        return doc


class IndexStorage(Protocol):
    """Where an index keeps documents, fingerprints and the document-frequency sketch."""

    def add(self, doc: StoredDocument, fingerprints: np.ndarray) -> int: ...
    def has(self, sha256: str) -> bool: ...
    def postings(self, fingerprints: np.ndarray) -> tuple[np.ndarray, np.ndarray]: ...
    def fingerprint_counts(self) -> dict[int, int]: ...
    def get(self, doc_id: int) -> StoredDocument: ...
    def count(self) -> int: ...
    def load_frequency(self) -> DocumentFrequency | None: ...
    def save_frequency(self, df: DocumentFrequency) -> None: ...
    def setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...
    def commit(self) -> None: ...
    def transaction(self) -> AbstractContextManager[None]: ...


def pack_body(doc: StoredDocument) -> bytes:
    """Texts, metadata spans and offset map, each behind its byte length."""
    parts = [
        doc.text.encode("utf-8"),
        doc.norm_text.encode("utf-8"),
        np.array(doc.metadata_spans, dtype=np.int64).reshape(-1).tobytes(),
        doc.offsets,
    ]
    return struct.pack("<4Q", *map(len, parts)) + b"".join(parts)


def unpack_body(body: bytes) -> tuple[str, str, tuple[tuple[int, int], ...], bytes]:
    lengths = struct.unpack_from("<4Q", body)
    pos, parts = 32, []
    for n in lengths:
        parts.append(body[pos : pos + n])
        pos += n
    flat = np.frombuffer(parts[2], dtype=np.int64).reshape(-1, 2)
    spans = tuple((int(s), int(e)) for s, e in flat)
    return parts[0].decode("utf-8"), parts[1].decode("utf-8"), spans, parts[3]


class IndexFileError(DocparseError):
    """The index file is missing, is not a docparse index, or is damaged."""

    code = "E_INDEX"


@contextmanager
def index_errors(path: str | None) -> Iterator[None]:
    """SQLite's failures on a damaged or foreign file, as one-line errors naming the index."""
    try:
        yield
    except sqlite3.DatabaseError as err:
        raise IndexFileError(f"damaged or not a docparse index ({err})", path) from None


class UninitializedIndexError(IndexFileError):
    """An index file with no tables yet: empty, or being created by another process right now."""


def recorded_format(path: str, db: sqlite3.Connection) -> str | None:
    """The index format an open database records; None when it has no tables yet.

    Raises for a SQLite database that is not a docparse index, or one of another format.
    """
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    rows = dict(db.execute("SELECT key, value FROM settings")) if "settings" in tables else {}
    # indexes written before the format was recorded hold only the shingle settings
    found = rows.get("format") or (INDEX_FORMAT if "shingles" in rows and "documents" in tables else None)
    if found is None:
        raise IndexFileError("not a docparse index (a SQLite database without docparse's tables); it was left as it is", path)
    if found != INDEX_FORMAT:
        raise IndexFileError(f"index format {found}, this docparse reads {INDEX_FORMAT}", path)
    return found


def existing_index_format(path: str) -> str:
    """The format a docparse index file records, read without changing a byte of the file.

    Refuses a missing or empty file and any SQLite database that is not a docparse index, so that
    a query never reads a typo'd path as an empty index and `index add` never writes into a user's
    own database.
    """
    if not os.path.exists(path):
        raise IndexFileError("no such index; create it with `docparse index add FILES --index PATH`", path)
    if os.path.getsize(path) == 0:
        raise UninitializedIndexError("empty file, not a docparse index", path)
    with index_errors(path):
        db = sqlite3.connect(f"file:{urllib.parse.quote(os.path.abspath(path))}?mode=ro", uri=True)
        try:
            found = recorded_format(path, db)
        finally:
            db.close()
    if found is None:
        raise UninitializedIndexError("a SQLite database without tables, not a docparse index", path)
    return found


class SQLiteStorage:
    """The default storage: one SQLite file the user names (`--index FILE`).

    Several processes may add to one index at once, even while creating it: the tables are made inside
    an IMMEDIATE transaction that a second creator waits for, each plan is written in its own
    transaction (the document-frequency sketch is read and written inside it), and a writer waits for
    another's lock instead of failing.
    """

    BUSY_TIMEOUT_S = 120

    def __init__(self, path: str, *, create: bool = False) -> None:
        self.path = path
        if not create:
            existing_index_format(path)
        with index_errors(path):
            self.db = sqlite3.connect(path, timeout=self.BUSY_TIMEOUT_S, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout = {self.BUSY_TIMEOUT_S * 1000}")
            if create:
                with self.transaction():
                    if recorded_format(path, self.db) is None:
                        self._create_tables()
                        self.db.execute("INSERT INTO settings (key, value) VALUES ('format', ?)", (INDEX_FORMAT,))
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction that holds the write lock from its start (BEGIN IMMEDIATE)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _create_tables(self) -> None:
        for statement in (
            """CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS documents (
                id INTEGER PRIMARY KEY, path TEXT, sha256 TEXT UNIQUE, title TEXT, date TEXT,
                n_fingerprints INTEGER, body BLOB);
            CREATE TABLE IF NOT EXISTS fingerprints (
                hash INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (hash, doc)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS frequency (id INTEGER PRIMARY KEY CHECK (id = 0), n_documents INTEGER, sketch BLOB);
            """
        ).split(";"):
            if statement.strip():
                self.db.execute(statement)

    def add(self, doc: StoredDocument, fingerprints: np.ndarray) -> int:
        body = zlib.compress(pack_body(doc), level=3)
        cur = self.db.execute(
            "INSERT INTO documents (path, sha256, title, date, n_fingerprints, body) VALUES (?, ?, ?, ?, ?, ?)",
            (doc.path, doc.sha256, doc.title, doc.date, len(fingerprints), body),
        )
        doc_id = int(cur.lastrowid)
        self.db.executemany(
            "INSERT OR IGNORE INTO fingerprints (hash, doc) VALUES (?, ?)",
            ((int(h), doc_id) for h in fingerprints.view(np.int64)),
        )
        return doc_id

    def has(self, sha256: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def postings(self, fingerprints: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        hashes, docs = [], []
        values = [int(h) for h in fingerprints.view(np.int64)]
        for i in range(0, len(values), 900):
            chunk = values[i : i + 900]
            rows = self.db.execute(
                f"SELECT hash, doc FROM fingerprints WHERE hash IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            for h, d in rows:
                hashes.append(h)
                docs.append(d)
        return np.array(hashes, dtype=np.int64).view(np.uint64), np.array(docs, dtype=np.int64)

    def fingerprint_counts(self) -> dict[int, int]:
        return dict(self.db.execute("SELECT id, n_fingerprints FROM documents"))

    def get(self, doc_id: int) -> StoredDocument:
        row = self.db.execute(
            "SELECT id, path, sha256, title, date, body FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        text, norm, spans, offsets = unpack_body(zlib.decompress(row[5]))
        return StoredDocument(row[0], row[1], row[2], row[3], row[4], text, norm, offsets, spans)

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def load_frequency(self) -> DocumentFrequency | None:
        row = self.db.execute("SELECT n_documents, sketch FROM frequency WHERE id = 0").fetchone()
        if row is None:
            return None
        return DocumentFrequency.from_bytes(zlib.decompress(row[1]), row[0])

    def save_frequency(self, df: DocumentFrequency) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO frequency (id, n_documents, sketch) VALUES (0, ?, ?)",
            (df.n_documents, zlib.compress(df.to_bytes(), level=1)),
        )

    def setting(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    def commit(self) -> None:
        """Nothing to do: every write runs in its own `transaction()`."""

    def close(self) -> None:
        self.db.close()


class MemoryStorage:
    """Everything in Python objects: for tests, notebooks and one-off collections."""

    def __init__(self) -> None:
        self.docs: list[StoredDocument] = []
        self.fps: list[np.ndarray] = []
        self.settings: dict[str, str] = {}
        self.frequency: DocumentFrequency | None = None
        self._postings: dict[int, list[int]] = {}

    def add(self, doc: StoredDocument, fingerprints: np.ndarray) -> int:
        doc_id = len(self.docs) + 1
        self.docs.append(doc)
        self.fps.append(fingerprints)
        for h in fingerprints.tolist():
            self._postings.setdefault(h, []).append(doc_id)
        return doc_id

    def has(self, sha256: str) -> bool:
        return any(d.sha256 == sha256 for d in self.docs)

    def postings(self, fingerprints: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        pairs = [(h, d) for h in fingerprints.tolist() for d in self._postings.get(h, ())]
        return np.array([p[0] for p in pairs], dtype=np.uint64), np.array([p[1] for p in pairs], dtype=np.int64)

    def fingerprint_counts(self) -> dict[int, int]:
        return {i + 1: len(f) for i, f in enumerate(self.fps)}

    def get(self, doc_id: int) -> StoredDocument:
        doc = self.docs[doc_id - 1]
        return StoredDocument(doc_id, *[getattr(doc, f) for f in StoredDocument.__slots__[1:]])

    def count(self) -> int:
        return len(self.docs)

    def load_frequency(self) -> DocumentFrequency | None:
        return self.frequency

    def save_frequency(self, df: DocumentFrequency) -> None:
        self.frequency = df

    def setting(self, key: str) -> str | None:
        return self.settings.get(key)

    def set_setting(self, key: str, value: str) -> None:
        self.settings[key] = value

    def commit(self) -> None:
        pass

    @contextmanager
    def transaction(self) -> Iterator[None]:
        yield


def stored_from(text: PreparedText) -> StoredDocument:
    from docparse.copycheck.check import metadata_spans

    doc = text.doc
    return StoredDocument(
        doc_id=0,
        path=doc.source.path,
        sha256=doc.source.sha256,
        title=text.info.title,
        date=text.info.date,
        text=doc.text,
        norm_text=doc.norm_text,
        offsets=doc.offsets._src.tobytes(),
        metadata_spans=tuple((s.start, s.end) for s in metadata_spans(doc)),
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    doc_id: int
    shared: int  # fingerprints shared with the checked plan (boilerplate ones left out)
    containment_estimate: float  # shared / fingerprints of the checked plan


def candidate_counts(
    query: np.ndarray, hashes: np.ndarray, docs: np.ndarray, max_postings: int
) -> tuple[np.ndarray, np.ndarray]:
    """Documents sharing fingerprints with `query` and how many, ignoring fingerprints in > max_postings docs."""
    if len(docs) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    uniq, inverse, counts = np.unique(hashes, return_inverse=True, return_counts=True)
    keep = counts[inverse] <= max_postings
    ids, shared = np.unique(docs[keep], return_counts=True)
    return ids, shared


def find_candidates(
    storage: IndexStorage, fingerprints: np.ndarray, min_shared: int = 3, min_containment: float = 0.04,
    max_postings: int | None = None,
) -> list[Candidate]:  # fmt: skip
    """Indexed plans sharing enough fingerprints with a checked plan, most shared first."""
    if len(fingerprints) == 0:
        return []
    n = storage.count()
    cap = max_postings if max_postings is not None else max(50, n // 20)
    hashes, docs = storage.postings(fingerprints)
    ids, shared = candidate_counts(fingerprints, hashes, docs, cap)
    out = [
        Candidate(int(i), int(s), s / len(fingerprints))
        for i, s in zip(ids, shared)
        if s >= min_shared and s / len(fingerprints) >= min_containment
    ]
    return sorted(out, key=lambda c: -c.shared)

"""Events and briefs from a stream of articles, in one process or on a Dask cluster.

Stages and where they run:
  extract + clean + sign   per partition, on the workers (embarrassingly parallel)
  assign                   on the client, in stream order (online clustering is sequential;
                           it only sees the small signatures, not the texts)
  brief                    per event, on the workers

The same functions do both runs, so a Dask run gives exactly the events and briefs of the
single-process run on the same input (tests/test_dask.py checks it with 2 worker processes).
On a multi-machine cluster pass a Client connected to its scheduler; see docs/scale.md.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, Sequence

from . import _sitrep


def partition_lines(path: str, lines_per_partition: int = 200) -> List[bytes]:
    """Cuts a JSONL file into partitions of whole lines (bytes), in file order."""
    parts, current = [], []
    with open(path, "rb") as f:
        for line in f:
            current.append(line)
            if len(current) >= lines_per_partition:
                parts.append(b"".join(current))
                current = []
    if current:
        parts.append(b"".join(current))
    return parts


def extract_and_sign(partition: bytes, name: str = "partition.jsonl") -> List[dict]:
    """Worker side: extract the partition's articles, clean them and sign them.

    Returns dicts (the cleaned article plus 'signature' bytes), in input order."""
    articles, _problems = _sitrep.read_bytes(name, partition)
    articles = _sitrep.clean(articles)
    for article in articles:
        article["signature"] = _sitrep.sign(article)
    return articles


def assign(signed: Iterable[dict]) -> List[int]:
    """Client side: online clustering in stream order; returns each article's final event."""
    clusterer = _sitrep.Clusterer()
    assigned = [clusterer.add(a["signature"])["event"] for a in signed]
    return [clusterer.resolve(e) for e in assigned]


def group(articles: Sequence[dict], events: Sequence[int], min_articles: int = 2):
    """{event: [article dicts without signatures]} for events with at least min_articles."""
    groups = {}
    for article, event in zip(articles, events):
        slim = {k: v for k, v in article.items() if k != "signature"}
        groups.setdefault(event, []).append(slim)
    return {e: a for e, a in sorted(groups.items()) if len(a) >= min_articles}


def brief_event(articles: List[dict], fmt: str = "markdown") -> Optional[str]:
    """Worker side: the brief of one event, or None when it has no usable sentence."""
    try:
        return _sitrep.brief(articles, fmt)
    except _sitrep.Error:
        return None


def run_local(partitions: Sequence[bytes], min_articles: int = 2, fmt: str = "markdown"):
    """Single process: returns (events {event: [article ids]}, briefs {event: text})."""
    signed = [a for p in partitions for a in extract_and_sign(p)]
    events = assign(signed)
    groups = group(signed, events, min_articles)
    briefs = {e: brief_event(a, fmt) for e, a in groups.items()}
    return {e: [a["id"] for a in arts] for e, arts in groups.items()}, briefs


def run_dask(partitions: Sequence[bytes], client, min_articles: int = 2, fmt: str = "markdown"):
    """The same on a Dask cluster (distributed.Client): partitions are extracted and signed on
    the workers, signatures come back in order and are assigned here, and every event is
    briefed on a worker. Returns what run_local returns."""
    signed_futures = client.map(extract_and_sign, list(partitions), pure=False)
    signed = [a for part in client.gather(signed_futures) for a in part]
    events = assign(signed)
    groups = group(signed, events, min_articles)
    keys = list(groups)
    brief_futures = client.map(brief_event, [groups[e] for e in keys], fmt=fmt, pure=False)
    briefs = dict(zip(keys, client.gather(brief_futures)))
    return {e: [a["id"] for a in arts] for e, arts in groups.items()}, briefs

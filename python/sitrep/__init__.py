"""sitrep: many news reports of one event -> one sourced situation report.

The functions are thin shells over the C++ library (module ``_sitrep``); articles are plain
dicts so they pickle and travel between Dask workers.

    articles, problems = sitrep.read(["feed.jsonl"])
    articles = sitrep.clean(articles)
    clusterer = sitrep.Clusterer()
    events = [clusterer.add(sitrep.sign(a))["event"] for a in articles]
    print(sitrep.brief([a for a, e in zip(articles, events) if e == events[0]]))

``sitrep.pipeline`` runs read -> clean -> sign -> assign -> brief in one process or on Dask.
"""
from ._sitrep import (Clusterer, Error, annotate, brief, clean, dedupe, minhash, read,
                      read_bytes, sign)

__all__ = ["Clusterer", "Error", "annotate", "brief", "clean", "dedupe", "minhash", "read",
           "read_bytes", "sign"]

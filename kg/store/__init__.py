"""Corpus mode: a persistent store of many articles (``kg add``, ``kg remove``, ``kg list``,
``kg export``, ``kg query --store``, ``kg serve --store``).

See :class:`kg.store.store.CorpusStore`.
"""

from kg.store.db import STORE_FORMAT
from kg.store.store import DEFAULT_STORE, CorpusStore, content_hash

__all__ = ["CorpusStore", "DEFAULT_STORE", "STORE_FORMAT", "content_hash"]

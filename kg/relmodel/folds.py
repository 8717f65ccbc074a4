"""Cross-validation folds over articles that keep a story's articles together.

News tells one event in several articles (a summit, a prisoner swap), with the same names and
words. Folds that split a story's articles score each one with a model that read its siblings:
the cross-validated figures, the calibration and the thresholds chosen from them come out
optimistic for text of another story. Stories are read from a TSV of ``article<TAB>story``
lines (``#`` starts a comment); an article not listed is a story of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

__all__ = ["STORIES_FILE", "grouped_folds", "read_stories"]

#: The name of the stories file looked for beside a gold folder (like ``splits.json``).
STORIES_FILE = "stories.tsv"


def read_stories(path: str | Path) -> dict[str, str]:
    """``{article id: story}`` from a TSV file (ids without ``.txt``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tsv = pathlib.Path(tempfile.mkdtemp()) / "stories.tsv"
    >>> _ = tsv.write_text("# a comment\\nHI_2\\tsummit\\nHI_16.txt\\tsummit\\n", encoding="utf-8")
    >>> read_stories(tsv)
    {'HI_2': 'summit', 'HI_16': 'summit'}
    """
    stories: dict[str, str] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise ValueError(f"{path}:{number}: expected 'article<TAB>story'")
        stories[parts[0].strip().removesuffix(".txt")] = parts[1].strip()
    return stories


def grouped_folds(ids: Sequence[str], k: int, stories: Mapping[str, str] | None = None) -> list[list[int]]:
    """Indices of ``ids`` in ``k`` folds, each story whole in one fold.

    Stories are placed largest first (ties by their first id) into the fold holding the fewest
    articles so far (ties: the lowest fold), so folds stay about the same size; without stories
    this is a round robin over the sorted ids. Deterministic.

    Examples
    --------
    >>> grouped_folds(["a", "b", "c", "d"], 2)
    [[0, 2], [1, 3]]
    >>> grouped_folds(["a", "b", "c", "d", "e"], 2, {"a": "s", "c": "s", "e": "s"})
    [[0, 2, 4], [1, 3]]
    """
    stories = stories or {}
    members: dict[str, list[int]] = {}
    for i in sorted(range(len(ids)), key=lambda i: ids[i]):
        members.setdefault(stories.get(ids[i], f"\0{ids[i]}"), []).append(i)
    folds: list[list[int]] = [[] for _ in range(k)]
    for group in sorted(members.values(), key=lambda g: (-len(g), ids[g[0]])):
        smallest = min(range(k), key=lambda f: (len(folds[f]), f))
        folds[smallest].extend(group)
    return [sorted(f, key=lambda i: ids[i]) for f in folds]

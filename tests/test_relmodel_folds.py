"""Cross-validation folds that keep a story's articles together (kg.relmodel.folds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.relmodel.folds import STORIES_FILE, grouped_folds, read_stories

GOLD = Path(__file__).parent / "gold" / "hindi-news"


@given(st.lists(st.sampled_from("abcdefghijklmnop"), min_size=1, max_size=16, unique=True),
       st.integers(2, 6), st.dictionaries(st.sampled_from("abcdefghijklmnop"), st.sampled_from("xyz")))
def test_every_article_in_one_fold_and_no_story_split(ids, k, stories) -> None:  # noqa: ANN001
    folds = grouped_folds(ids, k, stories)
    assert sorted(i for f in folds for i in f) == list(range(len(ids)))
    fold_of = {ids[i]: n for n, f in enumerate(folds) for i in f}
    for story in set(stories.values()):
        assert len({fold_of[a] for a in ids if stories.get(a) == story}) <= 1
    assert grouped_folds(ids, k, stories) == folds
    if not stories:  # singletons only: sizes differ by at most one
        assert max(map(len, folds)) - min(map(len, folds)) <= 1


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / STORIES_FILE
    bad.write_text("HI_1\tsummit\nHI_2 summit\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"stories.tsv:2: expected"):
        read_stories(bad)


def test_project_stories_are_dev_articles_only() -> None:
    import json

    stories = read_stories(GOLD / STORIES_FILE)
    splits = json.loads((GOLD / "splits.json").read_text(encoding="utf-8"))
    dev = {i.removesuffix(".txt") for i in splits["dev"]}
    assert stories and set(stories) <= dev
    assert all(list(stories.values()).count(s) >= 2 for s in stories.values())

"""PerBuild: each build's value replaces the last; reading before loading names the missing hook."""

import pytest
from guide.errors import DataError
from guide.per_build import PerBuild, read_pages


def test_each_load_replaces_the_value(tmp_path):
    calls = []
    state = PerBuild(lambda root, docs: calls.append(root) or len(calls), "hooks/x.py")
    assert state.load(tmp_path, tmp_path) == 1
    assert state.load(tmp_path, tmp_path) == 2
    assert state.current() == 2


def test_reading_before_loading_says_which_hook_to_list():
    with pytest.raises(DataError) as caught:
        PerBuild(lambda root, docs: 0, "hooks/x.py").current()
    assert str(caught.value) == "hooks/x.py: nothing was loaded for this build; list hooks/x.py in mkdocs.yml hooks:"


def test_read_pages(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/b.md").write_text("B", encoding="utf-8")
    (tmp_path / "index.md").write_text("I", encoding="utf-8")
    (tmp_path / "style.css").write_text("x", encoding="utf-8")
    assert read_pages(tmp_path) == {"a/b.md": "B", "index.md": "I"}

"""The reader's two ways (libyaml's composer for ordinary text, the careful counting composer
for the rest) give the same data, lines and problems; the careful way decides every refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import InputError
from checker.source import reader

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(
    p
    for p in [
        *(ROOT / "cases").rglob("*.yaml"),
        *(ROOT / "norms").glob("*.yaml"),
        *(ROOT / "tests" / "bad_inputs").iterdir(),
        *(ROOT / "tests" / "hostile_norms").iterdir(),
    ]
    if p.is_file()
)
MORE = {
    "duplicate-then-too-many": "a: 1\na: 2\nb: [" + ", ".join(["1"] * 20000) + "]\n",
    "alias": "a: &x [1, 2]\nb: *x\n",
    "int-keys": "1: a\n2: b\n",
    "nested-49": "a: " + "[" * 49 + "]" * 49 + "\n",
    "nested-51": "a: " + "[" * 51 + "]" * 51 + "\n",
    "two-documents": "a: 1\n---\nb: 2\n",
    "bad-date": "d: 2026-02-30\n",
    "long-line": "a: " + "x" * 400 + "\nb: [1, [2]]\n",
    "float-texts": "a: 1.200\nb: {c: 2.500}\nd: [1.5]\ne: '1.200'\nf: 3\n",
    "star-in-text": "a: 1.200\nb: 'a *starred* note'\nc: [x, y]\n",
}


def _read(text: str, name: str):
    try:
        doc = reader.load_yaml_text(text, name)
    except InputError as exc:
        return [(p.file, p.line, p.render("en"), p.render("nl")) for p in exc.problems]
    return doc.data, doc.lines, doc.texts


@pytest.mark.parametrize(
    "name", [*(str(p.relative_to(ROOT)) for p in CORPUS), *MORE], ids=lambda n: n
)
def test_both_ways_agree(name, monkeypatch):
    path = ROOT / name
    text = MORE[name] if name in MORE else path.read_bytes().decode("utf-8", "replace")
    quick = _read(text, name)
    monkeypatch.setattr(reader, "_QUICK_NESTING", -1)  # every text the careful way
    assert quick == _read(text, name)


def test_ordinary_files_take_the_quick_way():
    text = (ROOT / "cases" / "ship-permit-holders.yaml").read_text(encoding="utf-8")
    doc = reader._quick(text, "ship.yaml")
    assert doc.data["id"] == "ship-permit-holders"
    assert doc.line_of(("id",)) == text.splitlines().index("id: ship-permit-holders") + 1


@pytest.mark.parametrize("text", [MORE["alias"], MORE["nested-51"], MORE["long-line"]])
def test_aliases_deep_nesting_and_long_lines_go_the_careful_way(text):
    with pytest.raises(reader._Careful):
        reader._quick(text, "x.yaml")


def test_a_too_deep_file_is_refused_with_its_line():
    with pytest.raises(InputError) as caught:
        reader.load_yaml_text("id: x\na: " + "[" * 60 + "]" * 60 + "\n", "deep.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 2 and "51" in problem.render("en")


def test_a_line_of_300_characters_goes_the_careful_way_and_one_of_299_does_not():
    assert reader._quick("a: " + "x" * 296 + "\n", "x.yaml").data == {"a": "x" * 296}
    with pytest.raises(reader._Careful):
        reader._quick("a: " + "x" * 297 + "\n", "x.yaml")


class _Stat:
    """What stat said of a file before it grew: a regular file of 10 bytes."""

    def __init__(self, real):
        self.st_mode, self.st_size = real.st_mode, 10


def test_a_file_that_grew_past_the_limit_after_its_size_was_taken_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "grows.yaml"
    path.write_text("id: x\nnote: " + "y" * 2000 + "\n", encoding="utf-8")
    monkeypatch.setenv("OPVANGTOETS_MAX_FILE_BYTES", "1000")
    real_stat, real_fstat = Path.stat, reader.os.fstat
    monkeypatch.setattr(Path, "stat", lambda self, **kw: _Stat(real_stat(self, **kw)))
    monkeypatch.setattr(reader.os, "fstat", lambda fd: _Stat(real_fstat(fd)))
    with pytest.raises(InputError) as caught:
        reader.load_yaml(path)
    (problem,) = caught.value.problems
    assert problem.file == str(path)
    assert "more than the limit of 1,000" in problem.render("en")


def test_a_file_that_grew_under_the_limit_is_read_whole(tmp_path, monkeypatch):
    path = tmp_path / "grows.yaml"
    path.write_text("id: x\nname: y\n", encoding="utf-8")
    real_fstat = reader.os.fstat
    monkeypatch.setattr(reader.os, "fstat", lambda fd: _Stat(real_fstat(fd)))
    assert reader.load_yaml(path).data == {"id": "x", "name": "y"}


def test_the_quick_way_keeps_the_text_of_top_level_floats_only():
    doc = reader._quick(MORE["star-in-text"], "x.yaml")
    assert doc.texts == {("a",): "1.200"} and doc.data["a"] == 1.2


def test_no_path_resolver_is_registered():
    # the quick loader's remembered tags and its do-nothing resolver hooks rest on this
    assert not reader._QuickLoader.yaml_path_resolvers

"""Which entries under a directory are inputs, and in which order (`checker.source.walk`)."""

from __future__ import annotations

import os

from checker.source.walk import find_inputs

SUFFIXES = (".yaml", ".yml", ".csv")


def test_inputs_are_the_entries_with_an_input_suffix_in_the_order_of_their_paths(tmp_path):
    """Ordered as Paths are (by their parts: `a/b.yaml` before `a-c.yaml`, although '-' sorts
    before '/'); a link to a directory is no input and is not followed; a FIFO and a dangling
    link are returned, so that reading them says what they are."""
    root = tmp_path / "portfolio"
    (root / "a" / "deeper").mkdir(parents=True)
    for name in ("a/b.yaml", "a/deeper/x.yml", "a-c.yaml", "a.yaml", "B.yaml", "z.csv"):
        (root / name).write_text("id: x\n", encoding="utf-8")
    for name in (".yaml", "..yaml", "n.YAML", "notes.txt", "a/deeper/csv"):
        (root / name).write_text("", encoding="utf-8")
    (root / "linked.yaml").symlink_to(root / "a")
    (root / "zdir").symlink_to(root / "a")
    (root / "dangling.yaml").symlink_to(root / "missing.yaml")
    os.mkfifo(root / "pipe.yml")
    found, problems = find_inputs(root, SUFFIXES)
    assert problems == []
    assert [str(p.relative_to(root)) for p in found] == [
        "..yaml",  # (as Path.suffix has it: ".yaml" alone has no suffix)
        "B.yaml",
        "a/b.yaml",
        "a/deeper/x.yml",
        "a-c.yaml",
        "a.yaml",
        "dangling.yaml",
        "pipe.yml",
        "z.csv",
    ]
    assert found == sorted(found)


def test_a_directory_given_with_a_trailing_slash_or_dot_gives_the_same_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.yaml").write_text("id: x\n", encoding="utf-8")
    (tmp_path / "y.yaml").write_text("id: y\n", encoding="utf-8")
    plain, _ = find_inputs(tmp_path, SUFFIXES)
    for spelled in (f"{tmp_path}/", f"{tmp_path}/./", f"{tmp_path}//"):
        assert find_inputs(type(tmp_path)(spelled), SUFFIXES)[0] == plain
    assert plain == [tmp_path / "sub" / "x.yaml", tmp_path / "y.yaml"]

"""Read YAML safely, within limits, and remember where every value stood.

`load_yaml` returns plain Python data plus a map from each key path to its line,
so that a validation error later can name the line. The file is refused before
it is read when it is too large, and while it is parsed when it nests too deep
or its aliases would expand too far (a "billion laughs"): the document is
composed from parser events by a loop of our own, which counts as it goes and
never recurses into the input (see `checker.source.limits`). Duplicate keys are an
error (PyYAML silently keeps the last one). Only plain YAML types are built:
any other tag (`!!python/object`, `!!binary`, `!custom`) is refused.

That careful loop costs most of the time of reading a file, so an ordinary file takes a
quicker way first: libyaml's own composer (C), when the text cannot nest deep enough to
strain its recursion, with the limits applied while the node tree is turned into data.
Whatever that way would report (a limit, an alias, a syntax error, any problem at all)
is left to the careful loop, so every message stays the careful loop's. A scalar node
keeps its source text (`ScalarNode.value`) on both ways.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

import yaml

from checker.errors import InputError, Problem, labelled_problem, problem
from checker.source.limits import MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES, Limit

Path_ = tuple[str | int, ...]

# libyaml's parser when it is there (fast; it does not recurse either), else PyYAML's own.
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()


class _Constructor(yaml.constructor.SafeConstructor):
    def construct_scalar_value(self, node: yaml.ScalarNode) -> Any:
        """A scalar's value; scalars hold no references, so nothing is kept between calls."""
        return self.yaml_constructors[node.tag](self, node)


_CONSTRUCTOR = _Constructor()
_YAML = "tag:yaml.org,2002:"
_COLLECTION_TAGS = {_YAML + "map", _YAML + "seq"}
_STR = _YAML + "str"
_FLOAT = _YAML + "float"
_SCALAR_TAGS = {_YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass
class YamlDocument:
    """YAML data with the line of every value."""

    data: Any
    lines: dict[Path_, int]
    file: str
    #: the source text of each top-level float (`1.200`, which YAML reads as 1.2), by path
    texts: dict[Path_, str] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of the deepest known key on `path` (1-based)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def _fail(
    file: str, line: int | None, en: str, nl: str, hint_en: str = "", hint_nl: str = ""
) -> NoReturn:
    raise InputError([problem(file, line, en, nl, hint_en=hint_en, hint_nl=hint_nl)])


def _refuse(p: Problem) -> NoReturn:
    raise InputError([p])


@dataclass
class _Frame:
    node: yaml.Node
    size: int = 1
    height: int = 1  # collections from this one down to its deepest value
    key: yaml.Node | None = None


@dataclass
class _Composer:
    """Builds the node tree from parser events, counting depth, aliases and values."""

    file: str
    anchors: dict[str, yaml.Node] = field(default_factory=dict)
    sizes: dict[int, int] = field(default_factory=dict)  # id(node) -> size, aliases expanded
    heights: dict[int, int] = field(default_factory=dict)  # id(node) -> nesting inside it
    stack: list[_Frame] = field(default_factory=list)
    values: int = 0
    aliases: int = 0
    root: yaml.Node | None = None
    # read once per file: the environment is slow to consult for every event
    max_values: int = field(default_factory=MAX_VALUES.value)
    max_aliases: int = field(default_factory=MAX_ALIASES.value)
    max_depth: int = field(default_factory=MAX_DEPTH.value)

    def _count(self, size: int, line: int) -> None:
        self.values += size
        if self.values > self.max_values:
            _refuse(MAX_VALUES.exceeded(self.file, line, self.values))

    def _attach(self, node: yaml.Node, size: int, height: int = 0) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        frame.size += size
        frame.height = max(frame.height, 1 + height)
        if isinstance(frame.node, yaml.SequenceNode):
            frame.node.value.append(node)
        elif frame.key is None:
            frame.key = node
        else:
            frame.node.value.append((frame.key, node))
            frame.key = None

    def _open(self, node: yaml.Node, anchor: str | None, line: int) -> None:
        if len(self.stack) + 1 > self.max_depth:
            _refuse(MAX_DEPTH.exceeded(self.file, line, len(self.stack) + 1))
        if anchor is not None:
            self.anchors[anchor] = node
        self.stack.append(_Frame(node))

    # The stubs make an event's marks, anchor and tag optional; the parser sets the marks, an
    # alias always has an anchor and a tag is resolved below: hence the type: ignore comments.
    def feed(self, event: yaml.Event) -> None:
        line = event.start_mark.line + 1  # type: ignore[union-attr]
        if isinstance(event, yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > self.max_aliases:
                _refuse(MAX_ALIASES.exceeded(self.file, line, self.aliases))
            target = self.anchors.get(event.anchor)  # type: ignore[arg-type]
            if target is None:
                _fail(
                    self.file,
                    line,
                    f"not valid YAML: alias '*{event.anchor}' has no anchor '&{event.anchor}'",
                    f"geen geldige YAML: alias '*{event.anchor}' heeft geen anker "
                    f"'&{event.anchor}'",
                )
            if id(target) not in self.sizes:  # still open: the alias is inside its own anchor
                _fail(
                    self.file,
                    line,
                    f"not valid YAML: alias '*{event.anchor}' refers to a structure containing it",
                    f"geen geldige YAML: alias '*{event.anchor}' verwijst naar een structuur "
                    "waar hij zelf in staat",
                    hint_en="remove the alias",
                    hint_nl="haal de alias weg",
                )
            height = self.heights.get(id(target), 0)
            if len(self.stack) + height > self.max_depth:  # an alias can nest deeper too
                _refuse(MAX_DEPTH.exceeded(self.file, line, len(self.stack) + height))
            self._count(self.sizes[id(target)], line)
            self._attach(target, self.sizes[id(target)], height)
        elif isinstance(event, yaml.ScalarEvent):
            tag = event.tag
            if tag is None or tag == "!":
                tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
            node: yaml.Node = yaml.ScalarNode(
                tag,  # type: ignore[arg-type]
                event.value,
                event.start_mark,  # type: ignore[arg-type]
                event.end_mark,  # type: ignore[arg-type]
                event.style,
            )
            if event.anchor is not None:
                self.anchors[event.anchor] = node
            self.sizes[id(node)] = 1
            self._count(1, line)
            self._attach(node, 1)
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            kind = (
                yaml.SequenceNode
                if isinstance(event, yaml.SequenceStartEvent)
                else yaml.MappingNode
            )
            tag = event.tag
            if tag is None or tag == "!":
                tag = _RESOLVER.resolve(kind, None, event.implicit)
            node = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)  # type: ignore[arg-type]
            self._count(1, line)
            self._open(node, event.anchor, line)
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            frame = self.stack.pop()
            frame.node.end_mark = event.end_mark
            self.sizes[id(frame.node)] = frame.size
            self.heights[id(frame.node)] = frame.height
            self._attach(frame.node, frame.size, frame.height)


def _compose(text: str, file: str) -> yaml.Node | None:
    parser = _Parser(text)
    try:
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            return None
        parser.get_event()  # document start
        composer = _Composer(file)
        while not parser.check_event(yaml.DocumentEndEvent):
            composer.feed(parser.get_event())
        parser.get_event()  # document end
        if not parser.check_event(yaml.StreamEndEvent):
            second = parser.get_event()
            _fail(
                file,
                second.start_mark.line + 1,
                "several YAML documents in one file (a second one starts here)",
                "meerdere YAML-documenten in één bestand (hier begint een tweede)",
                hint_en="put each location in a file of its own",
                hint_nl="zet elke locatie in een eigen bestand",
            )
        return composer.root
    finally:
        parser.dispose()


def _tag_problem(file: str, node: yaml.Node) -> Problem:
    line = node.start_mark.line + 1
    if node.tag == _YAML + "merge":
        return labelled_problem(
            file, line, "problem_valid_yaml_merge_keys", hint_key="problem_write_fields_out"
        )
    return labelled_problem(
        file,
        line,
        "problem_valid_yaml_tag_allowed",
        hint_key="problem_remove_tag_part_starting",
        tag=node.tag,
    )


def _scalar(node: yaml.ScalarNode, file: str) -> Any:
    if node.tag not in _SCALAR_TAGS:
        _refuse(_tag_problem(file, node))
    try:
        return _CONSTRUCTOR.construct_scalar_value(node)
    except (ValueError, OverflowError) as exc:  # e.g. 2026-02-30 looks like a date but is none
        _fail(
            file,
            node.start_mark.line + 1,
            f"'{node.value}' is not a valid value: {exc}",
            f"'{node.value}' is geen geldige waarde: {exc}",
            hint_en="write a date as YYYY-MM-DD with a day that exists",
            hint_nl="schrijf een datum als JJJJ-MM-DD met een dag die bestaat",
        )


def _build(node: yaml.Node, path: Path_, lines: dict, file: str) -> Any:
    """Plain data from a node; recursion is bounded by the depth limit of the composer."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, file)
    if node.tag not in _COLLECTION_TAGS:
        _refuse(_tag_problem(file, node))
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, file) for i, item in enumerate(node.value)]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        key = _scalar(key_node, file) if isinstance(key_node, yaml.ScalarNode) else key_node
        if not isinstance(key, str | int) or isinstance(key, bool):
            shown = repr(key) if isinstance(key, float | None) else "a list or mapping"
            shown_nl = repr(key) if isinstance(key, float | None) else "een lijst of mapping"
            _fail(
                file,
                key_line,
                f"a key must be a plain name, got {shown}",
                f"een sleutel moet een gewone naam zijn, niet {shown_nl}",
            )
        key = str(key)
        if key in result:
            first = lines[path + (key,)]
            _fail(
                file,
                key_line,
                f"key '{key}' appears twice (first on line {first})",
                f"sleutel '{key}' staat er twee keer (eerst op regel {first})",
                hint_en="keep one of them",
                hint_nl="houd er één over",
            )
        lines[path + (key,)] = key_line
        result[key] = _build(value_node, path + (key,), lines, file)
    return result


def _syntax_hint(text: str, line: int | None) -> tuple[str, str]:
    source_lines = text.splitlines()
    source_line = source_lines[line - 1] if line and 0 < line <= len(source_lines) else ""
    if "\t" in source_line:
        return (
            "indent with spaces: YAML does not allow tabs",
            "spring in met spaties: YAML staat geen tabs toe",
        )
    return (
        "check indentation, colons and quotes on this line",
        "controleer inspringing, dubbele punten en aanhalingstekens",
    )


# libyaml's composer recurses once per level of nesting (C, no recursion limit): it is used
# only on text that cannot nest deeper than this, far below what a C stack holds.
_QUICK_NESTING = 1000
_LIBYAML = hasattr(yaml, "CSafeLoader")
_QUICK_LINE = 300  # characters: a longer line sends the text the careful way


class _Careful(Exception):
    """The quick way stops: the careful composer reads this text and reports what it finds."""


def _nesting_bound(text: str) -> int:
    """At least how deep `text` could nest: a block collection starts further right than
    the one around it, except a sequence under a mapping key (so at most two levels per
    column, and no line is `_QUICK_LINE` long), and every flow collection opens with its own
    `[` or `{`."""
    # (splitting is several times quicker than a regex looking for a long run of characters)
    if len(text) >= _QUICK_LINE and max(map(len, text.split("\n"))) >= _QUICK_LINE:
        return _QUICK_NESTING + 1
    return 2 * (_QUICK_LINE + 1) + text.count("[") + text.count("{")


# The same few scalars recur in every file (keys, true, dates, small numbers): what they
# resolve and construct to depends on their text alone, so it is looked up once. Bounded, so
# a stream of distinct values cannot grow it; the results are immutable (str, int, float,
# bool, None, date).
_MEMO_SIZE = 4096
_TAGS: dict[str, str] = {}
_VALUES: dict[tuple[str, str], Any] = {}


class _QuickLoader(_Parser):  # type: ignore[valid-type,misc]
    """libyaml's loader with plain scalars' tags remembered (PyYAML resolves them in Python)."""

    # libyaml's composer calls these two around every node, for path resolvers; none is
    # registered, so they do nothing, and a C built-in does nothing quicker than a Python
    # method (a tenth of composing a case file). Neither binds to the loader: (parent, index)
    # -> index, and () -> ().
    descend_resolver = dict[Any, Any]().get
    ascend_resolver = tuple

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        """The tag of a node; for a plain scalar it depends on its text alone (no path
        resolvers are registered)."""
        if kind is not yaml.ScalarNode or not implicit[0]:
            return super().resolve(kind, value, implicit)
        tag = _TAGS.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_TAGS) < _MEMO_SIZE:
                _TAGS[value] = tag
        return tag


def _quick_scalar(node: yaml.ScalarNode, file: str) -> Any:
    """`_scalar`, remembering what each text of a tag constructs to."""
    key = (node.tag, node.value)
    if key in _VALUES:
        return _VALUES[key]
    value = _scalar(node, file)
    if len(_VALUES) < _MEMO_SIZE:
        _VALUES[key] = value
    return value


@dataclass
class _Budget:
    """The limits of the careful composer, counted while the quick way builds the data."""

    max_depth: int
    shared: set[int] | None  # ids of nodes seen, when the text could hold an alias
    values: int = 1  # the root
    texts: dict[Path_, str] = field(default_factory=dict)  # as `_float_texts` gives them


def _quick(text: str, file: str) -> YamlDocument:
    """The document read by libyaml's composer; raises `_Careful` for anything unusual."""
    if not _LIBYAML or _nesting_bound(text) > _QUICK_NESTING:
        raise _Careful  # (PyYAML's own composer recurses in Python: no quicker, not safer)
    try:
        node = yaml.compose(text, Loader=_QuickLoader)
    except (yaml.YAMLError, RecursionError):
        raise _Careful from None
    lines: dict[Path_, int] = {}
    if node is None:
        return YamlDocument(None, lines, file)
    # an alias is written with `*`: without one no node can be shared
    budget = _Budget(MAX_DEPTH.value(), set() if "*" in text else None)
    lines[()] = node.start_mark.line + 1
    try:
        data = _quick_build(node, (), lines, file, budget, 0)
    except InputError:
        raise _Careful from None
    if budget.values > MAX_VALUES.value():
        raise _Careful
    return YamlDocument(data, lines, file, budget.texts)


_ScalarNode = yaml.ScalarNode


def _quick_build(
    node: yaml.Node, path: Path_, lines: dict, file: str, budget: _Budget, depth: int
) -> Any:
    """`_build`, counting what the careful composer counts; stops at an alias or a limit.
    The caller has noted the node's line. Most values are plain scalars: they are read in
    the loop over their collection, without a call of their own."""
    shared = budget.shared
    if shared is not None:
        if id(node) in shared:
            raise _Careful  # an alias: the careful composer counts what it expands to
        shared.add(id(node))
    if isinstance(node, _ScalarNode):
        return node.value if node.tag == _STR else _quick_scalar(node, file)
    depth += 1
    if depth > budget.max_depth or node.tag not in _COLLECTION_TAGS:
        raise _Careful
    if isinstance(node, yaml.SequenceNode):
        budget.values += len(node.value)
        items = []
        for i, item in enumerate(node.value):
            child = path + (i,)
            lines[child] = item.start_mark.line + 1
            items.append(_quick_build(item, child, lines, file, budget, depth))
        return items
    budget.values += 2 * len(node.value)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if shared is not None:
            if id(key_node) in shared:
                raise _Careful
            shared.add(id(key_node))
        if type(key_node) is not _ScalarNode or key_node.tag != _STR:
            raise _Careful  # a key that is not plain text: `_build` says what is wrong
        key = key_node.value
        if key in result:
            raise _Careful
        child = path + (key,)
        lines[child] = key_node.start_mark.line + 1
        if type(value_node) is _ScalarNode:
            if shared is not None:
                if id(value_node) in shared:
                    raise _Careful
                shared.add(id(value_node))
            tag = value_node.tag
            if tag == _STR:
                result[key] = value_node.value
                continue
            if tag == _FLOAT and depth == 1:
                budget.texts[child] = value_node.value
            result[key] = _quick_scalar(value_node, file)
        else:
            result[key] = _quick_build(value_node, child, lines, file, budget, depth)
    return result


def load_yaml_text(text: str, file: str) -> YamlDocument:
    """The YAML document in `text`, read safely (raises InputError naming `file`)."""
    try:
        return _quick(text, file)
    except _Careful:
        pass
    lines: dict[Path_, int] = {}
    try:
        node = _compose(text, file)
        data = None if node is None else _build(node, (), lines, file)
        texts = _float_texts(node)
    except yaml.MarkedYAMLError as exc:
        what_en = what_nl = exc.problem or str(exc)
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        start = exc.context_mark.line + 1 if exc.context_mark else None
        if exc.context and start and start != line:  # e.g. a quote opened far above
            what_en += f" ({exc.context} on line {start})"
            what_nl += f" ({exc.context} op regel {start})"
            if line is None or line > len(text.splitlines()):  # the end of the file says little
                line = start
        hint_en, hint_nl = _syntax_hint(text, line)
        _fail(
            file,
            line,
            f"not valid YAML: {what_en}",
            f"geen geldige YAML: {what_nl}",
            hint_en,
            hint_nl,
        )
    except yaml.YAMLError as exc:
        _fail(file, None, f"not valid YAML: {exc}", f"geen geldige YAML: {exc}")
    except RecursionError:  # only when the depth limit was raised beyond what Python can hold
        _refuse(MAX_DEPTH.exceeded(file, None, MAX_DEPTH.value()))
    return YamlDocument(data, lines, file, texts)


def _float_texts(node: yaml.Node | None) -> dict[Path_, str]:
    """The text of every float written at the top level, as typed: a number a Dutch writer
    grouped (`1.200`) is then still known (issue 18, `checker.source.numbers`)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        (key.value,): value.value
        for key, value in node.value
        if isinstance(key, yaml.ScalarNode)
        and isinstance(value, yaml.ScalarNode)
        and value.tag == _FLOAT
    }


def _read(path: Path, file: str) -> bytes:
    """The file's bytes, refused before reading when it is not a regular file or too large."""
    limit = MAX_FILE_BYTES.value()
    with open_regular_file(path, file, MAX_FILE_BYTES) as fh:
        # read as much as the file holds: asking for the whole limit allocates that much
        size = os.fstat(fh.fileno()).st_size
        raw = fh.read(min(size, limit) + 1)
        if len(raw) > size:  # it has grown since: read on, up to just beyond the limit
            raw += fh.read(max(0, limit + 1 - len(raw)))
    if len(raw) > limit:
        _refuse(MAX_FILE_BYTES.exceeded(file, None, len(raw)))
    return raw


def open_regular_file(path: Path, file: str, size_limit: Limit) -> BinaryIO:
    """`path` opened for reading, refused before any byte is read when it is not a regular
    file (a pipe or a device could be endless) or larger than `size_limit`."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            _fail(file, None, "is a directory, not a file", "is een map, geen bestand")
        if not stat.S_ISREG(info.st_mode):
            _fail(file, None, "is not a regular file", "is geen gewoon bestand")
        if info.st_size > size_limit.value():
            _refuse(size_limit.exceeded(file, None, info.st_size))
        return path.open("rb")
    except FileNotFoundError:
        _fail(file, None, "file not found", "bestand niet gevonden")
    except PermissionError:
        _fail(
            file,
            None,
            "cannot be read (permission denied)",
            "kan niet gelezen worden (geen toegang)",
        )
    except OSError as exc:
        _fail(
            file,
            None,
            f"cannot be read: {exc.strerror}",
            f"kan niet gelezen worden: {exc.strerror}",
        )


def load_yaml(path: Path) -> YamlDocument:
    """The YAML document in the file at `path`, read safely (raises InputError)."""
    file = str(path)
    return load_yaml_bytes(_read(path, file), file)


def load_yaml_bytes(raw: bytes, file: str) -> YamlDocument:
    """Bytes from a file or an upload, checked for size and encoding like a file on disk."""
    if len(raw) > MAX_FILE_BYTES.value():
        _refuse(MAX_FILE_BYTES.exceeded(file, None, len(raw)))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        _fail(
            file,
            1,
            "UTF-16 text; the checker reads UTF-8",
            "UTF-16-tekst; de checker leest UTF-8",
            hint_en="save the file as UTF-8",
            hint_nl="sla het bestand op als UTF-8",
        )
    if b"\0" in raw:
        line = raw[: raw.index(b"\0")].count(b"\n") + 1
        _fail(
            file,
            line,
            "a binary file, not YAML text (it holds NUL bytes)",
            "een binair bestand, geen YAML-tekst (er staan NUL-bytes in)",
            hint_en="give a location description written as YAML text",
            hint_nl="geef een locatiebeschrijving in YAML-tekst",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        _fail(
            file,
            line,
            f"not UTF-8 text (byte {exc.start})",
            f"geen UTF-8-tekst (byte {exc.start})",
            hint_en="save the file as UTF-8",
            hint_nl="sla het bestand op als UTF-8",
        )
    return load_yaml_text(text, file)

"""The `opvangtoets` command's first step: make sure this Python can run the checker at all.

It runs before anything else is imported, because what it guards against (an old Python, an
engine built for another Python or not built) would otherwise end in a traceback. So it is
written for any Python from 3.6 on and imports the command line only once both checks have passed.
"""

import gc
import json
import os
import sys
from pathlib import Path

EXIT_INPUT = 2
OLDEST = (3, 11)  # requires-python in pyproject.toml


def main():
    """Run the command, or say in one line why this Python cannot and how to fix it."""
    lang = chosen_language(sys.argv[1:])
    if sys.version_info[:2] < OLDEST:
        sys.exit(_message(_old_python(lang)))
    # What importing makes (modules, classes, pydantic's validators) lives as long as the
    # process: the collector's passes over it while importing, and over all of it again at
    # exit, were 6% of a cold `check`. Frozen, no collection looks at it again.
    gc.disable()
    # pydantic looks for plugins in every installed package's entry points when it makes its
    # first validator (0.8% of a cold `check`); the checker has none. A user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        import durable_rules_engine  # noqa: F401
    except ImportError as exc:
        from checker.i18n import t

        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        sys.exit(_message(t("engine_unavailable", lang, reason=reason, command=_reinstall())))
    from checker.cli import main as cli

    gc.freeze()
    gc.enable()
    cli(prog_name="opvangtoets")


def chosen_language(args):
    """The --lang the user gave, read by hand: these messages come before click is imported."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "nl"
        if arg.startswith("--lang="):
            return "en" if arg == "--lang=en" else "nl"
    return "nl"


def _message(text):
    print("opvangtoets: " + text, file=sys.stderr)
    return EXIT_INPUT


def _old_python(lang):
    # Not in checker.i18n: that module is not guaranteed to import on this Python.
    found = "{}.{}".format(*sys.version_info[:2])
    if lang == "en":
        return (
            f"needs Python 3.11 or newer, this is Python {found} ({sys.executable}); install a "
            "current Python from https://www.python.org/downloads/ and then run: "
            "python3 -m pip install ."
        )
    return (
        f"vereist Python 3.11 of nieuwer, dit is Python {found} ({sys.executable}); installeer "
        "een actuele Python via https://www.python.org/downloads/ en voer daarna uit: "
        "python3 -m pip install ."
    )


def _reinstall():
    """The one command that rebuilds the engine for the Python that is running now."""
    source, editable = _installed_from()
    target = f'"{source}"' if source else "."
    return '"{}" -m pip install --force-reinstall --no-deps {}{}'.format(
        sys.executable, "-e " if editable else "", target
    )


def _installed_from():
    """The folder this copy of opvangtoets was installed from, as pip recorded it (PEP 610)."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        recorded = distribution("opvangtoets").read_text("direct_url.json")
    except PackageNotFoundError:
        recorded = None
    if recorded:
        url = json.loads(recorded)
        if url.get("url", "").startswith("file://"):
            from urllib.parse import urlparse
            from urllib.request import url2pathname

            path = url2pathname(urlparse(url["url"]).path)
            return path, url.get("dir_info", {}).get("editable", False)
    source = Path(__file__).resolve().parent.parent
    if (source / "pyproject.toml").is_file():  # run from a source folder that was not installed
        return str(source), True
    return None, False

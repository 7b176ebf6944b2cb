"""opvangtoets: checks whether a reception location for children is child-friendly and lawful."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """Give `__version__` on first use, so that importing the package stays fast."""
    if name != "__version__":
        raise AttributeError(f"module 'checker' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("opvangtoets")
    except PackageNotFoundError:  # a source tree that was never installed: read pyproject.toml
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "0+unknown"

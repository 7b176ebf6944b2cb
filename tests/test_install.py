"""Installing and starting opvangtoets: the message when this Python cannot run the engine,
NO_COLOR, the editor's schema line, `serve --open`, and the start script in a fresh clone."""

from __future__ import annotations

import os
import pty
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "cases" / "family-location.yaml"
OPVANGTOETS = Path(sys.executable).with_name("opvangtoets")
SCHEMA_LINE = "# yaml-language-server: $schema="


def _launch(prelude: str, *args: str) -> subprocess.CompletedProcess:
    """The `opvangtoets` entry point in a fresh Python, after `prelude` has broken something."""
    code = (
        f"import sys\n{prelude}\nsys.argv = ['opvangtoets', *{list(args)!r}]\n"
        "from checker.launch import main\nmain()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )


NO_ENGINE = "sys.modules['durable_rules_engine'] = None"


def test_without_the_engine_check_says_what_to_run_and_exits_2():
    result = _launch(NO_ENGINE, "check", str(CASE))
    assert result.returncode == 2
    assert result.stdout == ""
    line = result.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith(
        "opvangtoets: de regelengine (durable_rules_engine) kan niet worden geladen "
        "(import of durable_rules_engine halted; None in sys.modules)"
    )
    # the command rebuilds the engine for exactly this Python, from where it was installed
    assert line.endswith(
        f'Bouw deze opnieuw met: "{sys.executable}" -m pip install --force-reinstall --no-deps '
        f'-e "{ROOT}"'
    )


def test_without_the_engine_the_message_follows_lang():
    result = _launch(NO_ENGINE, "check", str(CASE), "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        "opvangtoets: the rules engine (durable_rules_engine) cannot be loaded"
    )
    assert f'Rebuild it with: "{sys.executable}" -m pip install --force-reinstall' in result.stderr


def test_an_engine_built_for_another_python_is_reported_the_same_way(tmp_path):
    # What a venv whose Python was upgraded under it sees: a module that does not load.
    (tmp_path / "durable_rules_engine.py").write_text("raise ImportError('undefined symbol: X')\n")
    prelude = f"sys.path.insert(0, {str(tmp_path)!r})"
    result = _launch(prelude, "check", str(CASE), "--lang", "en")
    assert result.returncode == 2
    assert "cannot be loaded (undefined symbol: X)" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_old_python_is_told_which_python_is_needed():
    result = _launch("sys.version_info = (3, 10, 13, 'final', 0)", "check", str(CASE))
    assert result.returncode == 2
    assert result.stderr == (
        f"opvangtoets: vereist Python 3.11 of nieuwer, dit is Python 3.10 ({sys.executable}); "
        "installeer een actuele Python via https://www.python.org/downloads/ en voer daarna uit: "
        "python3 -m pip install .\n"
    )


def _old_python() -> str | None:
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = [shutil.which(name) for name in ("python3.10", "python3.9")]
    candidates += sorted(str(p) for p in pyenv.glob("3.1[0]*/bin/python3.1[0]"))
    for found in filter(None, candidates):
        probe = subprocess.run([found, "--version"], capture_output=True, text=True)
        if probe.returncode == 0:
            return found
    return None


@pytest.mark.skipif(_old_python() is None, reason="no Python older than 3.11 on this machine")
def test_python_m_checker_on_a_real_old_python():
    result = subprocess.run(
        [_old_python(), "-m", "checker", "check", str(CASE), "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert re.fullmatch(
        r"opvangtoets: needs Python 3\.11 or newer, this is Python 3\.(10|9) .*\n", result.stderr
    )


def _in_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, bytes]:
    """Runs a command with a pseudo-terminal as its output, as a user's terminal would."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(args, stdout=follower, stderr=follower, env=env, cwd=ROOT)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once the command has ended
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    return process.wait(timeout=60), output


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(CASE), "--as-of", "2026-01-15"],
        ["improve", str(CASE), "--as-of", "2026-01-15"],
    ],
)
def test_no_color_means_no_escape_codes_in_a_terminal(args):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    code, coloured = _in_a_terminal([str(OPVANGTOETS), *args], env)
    assert code in (0, 1) and b"\x1b[" in coloured  # a terminal gets colour ...
    code, plain = _in_a_terminal([str(OPVANGTOETS), *args], {**env, "NO_COLOR": "1"})
    assert code in (0, 1) and b"\x1b[" not in plain  # ... unless NO_COLOR is set
    assert re.sub(rb"\x1b\[[0-9;]*m", b"", coloured) == plain


def test_new_names_the_installed_schema_for_the_editor(tmp_path):
    result = CliRunner().invoke(main, ["new", str(tmp_path / "loc.yaml"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    first = (tmp_path / "loc.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(SCHEMA_LINE + "file:///")
    schema = Path(urllib.request.url2pathname(first.removeprefix(SCHEMA_LINE + "file://")))
    assert schema.name == "location.schema.json" and schema.is_file()
    assert '"$id": "https://opvangtoets.nl/schemas/location.schema.json"' in schema.read_text()


def test_every_case_names_the_schema_in_the_repository():
    schema = ROOT / "checker" / "schemas" / "location.schema.json"
    for case in sorted((ROOT / "cases").glob("*.yaml")):
        first = case.read_text(encoding="utf-8").splitlines()[0]
        assert first == SCHEMA_LINE + "../checker/schemas/location.schema.json", case.name
        assert (case.parent / first.removeprefix(SCHEMA_LINE)).resolve() == schema


def _lines(process: subprocess.Popen) -> queue.Queue:
    """The process's output lines as they come, so waiting for one can time out."""
    lines: queue.Queue = queue.Queue()

    def pump() -> None:
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _wait_for_url(process: subprocess.Popen, seconds: float) -> tuple[str, list[str]]:
    lines, seen, deadline = _lines(process), [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        seen.append(line)
        if found := re.search(r"open (http://127\.0\.0\.1:\d+/\w+/) in", line):
            return found.group(1), seen
    raise AssertionError(f"no address within {seconds} s; output: {''.join(seen)}")


def _page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def test_serve_open_opens_the_page_in_the_browser(tmp_path):
    # $BROWSER is what Python's webbrowser module runs first: here a script that notes the URL.
    opened = tmp_path / "opened.txt"
    recorder = tmp_path / "browser.py"
    recorder.write_text(f"import sys\nopen({str(opened)!r}, 'w').write(sys.argv[1])\n")
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "BROWSER": f"{sys.executable} {recorder} %s"}
    process = subprocess.Popen(
        [str(OPVANGTOETS), "serve", "--port", "0", "--lang", "en", "--open"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        url, _ = _wait_for_url(process, 120)
        deadline = time.monotonic() + 30
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert opened.read_text() == url
        assert 'id="short-form"' in _page(url)  # the first step of the form
    finally:
        _stop(process)


def _fresh_clone(into: Path) -> Path:
    """The repository's files as a fresh clone has them: no environment, no build, no engine
    built in place. Copied rather than cloned, so uncommitted changes are tested too."""
    left_out = shutil.ignore_patterns(
        ".git", ".venv*", "build", "*.so", "*.egg-info", "__pycache__", ".*_cache", "test-artifacts"
    )
    shutil.copytree(ROOT, into, ignore=left_out)
    return into


@pytest.mark.slow
def test_start_script_in_a_fresh_clone_installs_and_serves_the_page(tmp_path):
    clone = _fresh_clone(tmp_path / "opvangtoets")
    assert not (clone / ".venv").exists()
    # No environment: no virtualenv active, and a python3 of the version under test first.
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env |= {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [str(clone / "start-opvangtoets.sh"), "--no-open", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=tmp_path,
        start_new_session=True,
    )
    try:
        url, seen = _wait_for_url(process, 600)
        assert seen[0].startswith("Eerste start: opvangtoets wordt geïnstalleerd in .venv")
        assert url.endswith("/nl/") and 'id="short-form"' in _page(url)
        assert (clone / ".venv" / "bin" / "opvangtoets").is_file()
    finally:
        _stop(process)
    # The second start uses the environment the first one made.
    process = subprocess.Popen(
        [str(clone / "start-opvangtoets.sh"), "--no-open", "--port", "0", "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        url, seen = _wait_for_url(process, 120)
        assert not any("First start" in line for line in seen)
        assert url.endswith("/en/") and 'id="short-form"' in _page(url)
    finally:
        _stop(process)


def test_shell_completion_completes_options_through_the_entry_point():
    env = {
        **os.environ,
        "_OPVANGTOETS_COMPLETE": "bash_complete",
        "COMP_WORDS": "opvangtoets serve --o",
        "COMP_CWORD": "2",
    }
    result = subprocess.run([str(OPVANGTOETS)], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0
    assert result.stdout.split() == ["plain,--open"]

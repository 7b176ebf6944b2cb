#!/bin/sh
# Starts the opvangtoets web page and opens it in the browser. The first start also creates
# the Python environment it runs in (.venv, next to this script), which takes a minute or two.
# Start het opvangtoets-webformulier en opent het in de browser. De eerste keer wordt ook de
# Python-omgeving (.venv, naast dit script) aangemaakt; dat duurt een minuut of twee.
# Extra options are passed on to `opvangtoets serve`, e.g. --no-open --port 8080.
set -eu
cd "$(dirname "$0")"

if [ ! -x .venv/bin/opvangtoets ]; then
    PY=""
    for candidate in python3 python3.14 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            PY="$candidate"
            break
        fi
    done
    if [ -z "$PY" ]; then
        echo "opvangtoets: Python 3.11 of nieuwer is nodig: installeer die via https://www.python.org/downloads/ en start dit script opnieuw." >&2
        echo "opvangtoets: Python 3.11 or newer is needed: install it from https://www.python.org/downloads/ and start this script again." >&2
        exit 2
    fi
    echo "Eerste start: opvangtoets wordt geïnstalleerd in .venv (een minuut of twee) ..."
    echo "First start: installing opvangtoets into .venv (a minute or two) ..."
    if ! { "$PY" -m venv .venv && .venv/bin/python -m pip install --quiet . ; }; then
        echo "opvangtoets: de installatie is mislukt (zie hierboven); verwijder de map .venv en probeer het opnieuw." >&2
        echo "opvangtoets: the installation failed (see above); delete the .venv folder and try again." >&2
        exit 2
    fi
fi
exec .venv/bin/opvangtoets serve --open "$@"

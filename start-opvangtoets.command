#!/bin/sh
# macOS: double-click this file in the Finder to start opvangtoets (see start-opvangtoets.sh).
# macOS: dubbelklik dit bestand in de Finder om opvangtoets te starten.
exec "$(dirname "$0")/start-opvangtoets.sh" "$@"

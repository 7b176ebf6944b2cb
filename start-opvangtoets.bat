@echo off
rem Windows: double-click this file to start the opvangtoets web page in the browser. The first
rem start also creates the Python environment it runs in (.venv, next to this file).
rem Windows: dubbelklik dit bestand om het opvangtoets-webformulier in de browser te starten.
rem Not tested on this project's Linux machines / niet getest op de Linux-machines van het project.
setlocal
cd /d "%~dp0"
if exist ".venv\Scripts\opvangtoets.exe" goto start

set "PY="
py -3 -c "import sys; sys.exit(sys.version_info < (3, 11))" >nul 2>nul && set "PY=py -3"
if not defined PY python -c "import sys; sys.exit(sys.version_info < (3, 11))" >nul 2>nul && set "PY=python"
if not defined PY (
    echo opvangtoets: Python 3.11 of nieuwer is nodig: installeer die via https://www.python.org/downloads/ en start dit bestand opnieuw.
    echo opvangtoets: Python 3.11 or newer is needed: install it from https://www.python.org/downloads/ and start this file again.
    pause
    exit /b 2
)
echo Eerste start: opvangtoets wordt geinstalleerd in .venv (een minuut of twee) ...
echo First start: installing opvangtoets into .venv (a minute or two) ...
%PY% -m venv .venv || goto failed
".venv\Scripts\python.exe" -m pip install --quiet . || goto failed

:start
".venv\Scripts\opvangtoets.exe" serve --open %*
if errorlevel 1 pause
exit /b %errorlevel%

:failed
echo opvangtoets: de installatie is mislukt (zie hierboven); verwijder de map .venv en probeer het opnieuw.
echo opvangtoets: the installation failed (see above); delete the .venv folder and try again.
pause
exit /b 2

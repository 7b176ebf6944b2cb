"""The one script of the web form: a warning before leaving a form with unsaved changes.

Inline, so the page still asks nothing of another server; the Content-Security-Policy allows
exactly this text by its hash and no other script. Without scripts the form works the same,
only without the warning.
"""

from __future__ import annotations

import base64
import hashlib

KEEP_SCRIPT = (
    "(function(){var changed=false;"
    'document.querySelectorAll("form.keep").forEach(function(f){'
    'f.addEventListener("input",function(){changed=true;});'
    'f.addEventListener("submit",function(){changed=false;});});'
    'window.addEventListener("beforeunload",function(e){'
    'if(changed){e.preventDefault();e.returnValue="";}});})();'
)
KEEP_SCRIPT_HASH = (
    "sha256-" + base64.b64encode(hashlib.sha256(KEEP_SCRIPT.encode()).digest()).decode()
)

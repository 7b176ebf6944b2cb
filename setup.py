"""Builds the vendored durable-rules engine as part of opvangtoets.

Everything else about the package is declared in pyproject.toml; setuptools only takes C
extensions from here. Why the engine is vendored: vendor/durable-rules/NOTE.md.
"""

import sys

from setuptools import Extension, setup

ENGINE = "vendor/durable-rules/src"
ENGINE_C = ["rules/json.c", "rules/rete.c", "rules/state.c", "rules/events.c", "rules/regex.c"]

# The flags upstream's setup.py sets through CFLAGS; MSVC knows neither -std=c99 nor -fcommon.
flags = {"win32": [], "darwin": ["-std=c99", "-fcommon"]}.get(sys.platform, ["-std=c99"])

setup(
    ext_modules=[
        Extension(
            "durable_rules_engine",
            sources=[f"{ENGINE}/rulespy/rules.c"] + [f"{ENGINE}/{c}" for c in ENGINE_C],
            include_dirs=[f"{ENGINE}/rules"],
            define_macros=[("_GNU_SOURCE", None)],
            extra_compile_args=flags,
        )
    ]
)

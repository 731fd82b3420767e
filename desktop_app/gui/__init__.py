"""PySide6 user interface. Only calls services."""

from __future__ import annotations

import linecache
import sys
from types import ModuleType


def _hash_without_openssl() -> None:
    """SHA-256 and HMAC in the program come from CPython's built-in, formally verified HACL*
    code instead of the system OpenSSL: `hashlib` uses them when `_hashlib` cannot be imported
    (as in a Python built without OpenSSL). Loading OpenSSL for hashing touches 3.4 MB of
    libcrypto that would stay in memory all day, for a few short digests (form and PDF hashes,
    the audit chain, the key derivation's HKDF step). SQLCipher has its own OpenSSL inside;
    the keyring helper process is not affected. Only when nothing imported hashlib yet, so a
    process that already uses OpenSSL's hashlib (the test runner) keeps it."""
    if "hashlib" not in sys.modules and "hmac" not in sys.modules:
        sys.modules.setdefault("_hashlib", None)  # type: ignore[arg-type]


_hash_without_openssl()

import PySide6.QtCore  # noqa: E402, F401  (loads PySide's support package, patched below)


def imports_pyside(module: ModuleType) -> bool:
    """Whether a module has PySide6 objects in its namespace (what it imported at run time)."""
    for value in vars(module).values():
        name = value.__name__ if isinstance(value, ModuleType) else getattr(
            value, "__module__", None)
        if isinstance(name, str) and name.startswith(("PySide6", "shiboken6")):
            return True
    return False


def _keep_module_sources_out_of_memory() -> None:
    """PySide's import hook (PYSIDE-2029, for `from __feature__ import …`) asks of every module
    imported after PySide6 whether the text "PySide6" occurs in its source, read with
    `inspect.getsource`. That leaves each file in `linecache` (here 236 files, 104,000 lines,
    about 8 MB held for the life of the program), and reading our own 26 start-up modules costs
    about 4 ms of the unlock window's start. For other modules the check stays PySide's and
    only the cached lines are dropped again. Our own modules are answered from what they
    imported, without reading their files: they never use `__feature__`, and in the bundle
    (no .py sources) PySide's own check answers "no" for all of them anyway."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "_drops_source_cache", False):
        return

    def mod_uses_pyside(module: ModuleType) -> bool:
        if module.__name__ == "desktop_app" or module.__name__.startswith("desktop_app."):
            return imports_pyside(module)
        try:
            return bool(original(module))
        finally:
            source = getattr(module, "__file__", None)
            if isinstance(source, str):
                linecache.cache.pop(source, None)

    mod_uses_pyside._drops_source_cache = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]


_keep_module_sources_out_of_memory()

"""Stage 6, link: cross-item resolution and consistency checks; every module in this package registers its stages on import."""

import importlib
import pkgutil

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")

"""Stage 4, analyse: facts several extractors read, each computed once by one stage and kept on the
Document (`Document.analysis`); every module in this package registers its stages on import."""

import importlib
import pkgutil

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")

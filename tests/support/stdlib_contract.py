"""An import-linter contract type: these packages import the standard library and nothing else.

import-linter's own contracts forbid named modules; "only the standard library" is the opposite
question (everything is forbidden except a short list), so it needs an allow-list. The contracts
themselves live in pyproject.toml (``[tool.importlinter]``); this module only teaches
import-linter the ``standard_library_only`` type. Function-level (lazy) imports count like any
other: deferring an import changes when it costs, not what the module depends on.
"""

from __future__ import annotations

import sys

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


class StandardLibraryOnlyContract(Contract):
    """Modules of ``source_modules`` import only the standard library and ``allowed_modules``.

    Configuration options:
        - source_modules:  the packages (or modules) the rule applies to, descendants included.
        - allowed_modules: first- or third-party modules they may import besides the standard
                           library and each other (descendants included). (Optional.)
    """

    type_name = "standard_library_only"

    source_modules = fields.ListField(subfield=fields.ModuleField())
    allowed_modules = fields.ListField(subfield=fields.ModuleField(), required=False, default=[])

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        sources = [module.name for module in self.source_modules]  # type: ignore[attr-defined]
        allowed = [module.name for module in self.allowed_modules]  # type: ignore[attr-defined]

        def within(name: str, packages: list[str]) -> bool:
            return any(name == p or name.startswith(p + ".") for p in packages)

        importers = {
            module
            for source in sources
            for module in {source, *graph.find_descendants(source)}
            if module in graph.modules
        }
        broken: list[dict[str, object]] = []
        for importer in sorted(importers):
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                top = imported.split(".")[0]
                if (top in sys.stdlib_module_names or top == "__future__"
                        or within(imported, sources) or within(imported, allowed)):
                    continue
                lines = tuple(d["line_number"] for d in graph.get_import_details(
                    importer=importer, imported=imported))
                broken.append({"importer": importer, "imported": imported, "lines": lines})
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for link in check.metadata["broken"]:
            lines = ", ".join(f"l.{n}" for n in link["lines"])  # type: ignore[attr-defined]
            output.print_error(f"{link['importer']} imports {link['imported']} ({lines})")
        output.new_line()

"""The documentation site cannot go stale: every built-in model has a page whose parameter
table (generated at build time by the MkDocs hook ``docs/models/model_tables.py``) lists every
field of its pydantic ``Parameters`` with its unit, and every public module of the documented
packages has an entry in the API reference. These checks need neither MkDocs nor a build."""

from __future__ import annotations

import importlib.util
import pkgutil
import re
from pathlib import Path

import pytest

from darkseesaw import models
from darkseesaw.models.base import parameter_unit

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
MODELS = models.builtin()


def _hook():
    spec = importlib.util.spec_from_file_location("model_tables", DOCS / "models" / "model_tables.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


hook = _hook()


def test_every_builtin_model_has_a_page_with_its_tables():
    pages = {f"models/{p.name}": p.read_text(encoding="utf-8")
             for p in (DOCS / "models").glob("*.md")}
    assert hook.missing_pages(pages) == []
    for model_id in MODELS:
        src = pages[f"models/{model_id}.md"]
        for what in ("summary", "parameters", "benchmarks"):
            assert f"<!-- model-{what} {model_id} -->" in src


def test_missing_page_is_reported():
    assert hook.missing_pages({}) == MODELS


@pytest.mark.parametrize("model_id", MODELS)
def test_parameter_table_lists_every_parameter_with_its_unit(model_id):
    model = models.get(model_id)
    table = hook.parameters_table(model)
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `([^`]+)` \| ([^|]+) \|", table,
                                                       re.MULTILINE)}
    assert list(rows) == list(model.Parameters.model_fields)
    for name, unit_cell in rows.items():
        unit = parameter_unit(model.Parameters, name)
        assert unit_cell.strip() == (f"`{unit}`" if unit else "1"), name


def test_ranges_and_defaults_come_from_the_fields():
    table = hook.parameters_table(models.get("typeI-bl"))
    assert "| `g_BL` | 1 | `0.2` | (0, 1] | B-L gauge coupling |" in table
    assert "| `M_Zp` | `GeV` | `5000` | > 0 | Z' mass |" in table
    assert "| `sin_theta` | 1 | `0.01` | [-0.5, 0.5] |" in table
    table = hook.parameters_table(models.get("alp-discrete"))
    assert "| `Z13`, `model_I`, `model_II` |" in table     # a Literal: the allowed values


def test_benchmarks_table_shows_values_that_differ_from_the_defaults():
    table = hook.benchmarks_table(models.get("typeI-bl"))
    assert "| `resonance` | the defaults |" in table
    assert "`g_BL` = 0.5, `M_Zp` = 3000 GeV, `m_chi` = 1450 GeV" in table


def test_marker_expansion_keeps_indentation_and_rejects_unknown_models():
    out = hook.expand("    <!-- model-parameters typeI-bl -->\n")
    assert all(line.startswith("    ") for line in out.splitlines() if line)
    with pytest.raises(KeyError, match="no-such-model"):
        hook.expand("<!-- model-summary no-such-model -->")


DOCUMENTED = ["spectrum", "observables", "cosmo", "constraints", "sectors"]


@pytest.mark.parametrize("package", DOCUMENTED)
def test_every_public_module_is_in_the_api_reference(package):
    page = hook.expand_api((DOCS / "api" / f"{package}.md").read_text(encoding="utf-8"))
    listed = set(re.findall(r"^::: (darkseesaw\.[\w.]+)", page, re.MULTILINE))
    pkg_dir = ROOT / "src" / "darkseesaw" / package
    public = {f"darkseesaw.{package}.{m.name}" for m in pkgutil.iter_modules([str(pkg_dir)])
              if not m.name.startswith("_")}
    assert public - listed == set()


def test_every_model_and_api_page_is_in_the_nav():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for folder in ("models", "api"):
        for page in (DOCS / folder).rglob("*.md"):
            assert str(page.relative_to(DOCS)) in nav, page


def test_a_new_topic_guide_joins_the_nav(tmp_path):
    (tmp_path / "listed.md").write_text("# listed")
    (tmp_path / "new-guide.md").write_text("# new")
    nav = [{"Home": "index.md"}, {"Topic guides": [{"Listed": "listed.md"}]}]
    assert hook.add_missing_guides(nav, tmp_path) == ["new-guide.md"]
    assert nav[1]["Topic guides"] == [{"Listed": "listed.md"}, "new-guide.md"]
    assert hook.add_missing_guides(nav, tmp_path) == []      # idempotent

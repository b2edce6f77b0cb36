"""`darkseesaw constraints list/show` and the limit-plot helpers."""

import json
import subprocess
import sys

import matplotlib
import pytest

matplotlib.use("Agg")


def run(*args):
    return subprocess.run([sys.executable, "-c", "from darkseesaw.cli import main; main()",
                           *args], capture_output=True, text=True, timeout=120)


def test_list_and_show(tmp_path):
    r = run("constraints", "list", "alp/gagamma/cast*")
    assert r.returncode == 0 and "alp/gagamma/cast " in r.stdout
    r = run("constraints", "list", "--measurements", "delta_a_mu*")
    assert r.returncode == 0 and "delta_a_mu_2025" in r.stdout
    r = run("constraints", "list", "--measurements", "alp_hint_xray*")
    assert r.returncode == 0 and "[6958, 7242] eV" in r.stdout
    png = tmp_path / "cast.png"
    r = run("constraints", "show", "alp/gagamma/cast", "--x-unit", "eV", "--at", "1e-4",
            "--plot", str(png))
    assert r.returncode == 0, r.stderr
    assert "limit(0.0001 eV) = 6.632e-11 GeV^-1" in r.stdout
    assert png.stat().st_size > 10_000 and png.with_suffix(".pdf").exists()
    r = run("constraints", "show", "dd/si/lz-2024", "--json")
    d = json.loads(r.stdout)
    assert d["arxiv"] == "2410.17036" and len(d["x"]) == len(d["y"]) > 10


@pytest.mark.parametrize("args,key", [
    (("constraints", "show", "alp/gagamma/nope"), "NAME"),
    (("constraints", "show", "dd/si/lz-2024", "--plot", "fig.txt"), "--plot"),
    (("constraints", "show", "dd/si/lz-2024", "--x-unit", "parsec"), "--x-unit"),
    (("constraints", "list", "--kind", "maybe"), "--kind"),
])
def test_bad_input_is_one_line_exit_2(args, key):
    r = run(*args)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and key in lines[0] and "Traceback" not in r.stderr


def test_limit_figure(tmp_path):
    from darkseesaw.plots.limits import draw_curve, limit_figure

    fig, ax = limit_figure(["alp/gagamma/cast", "alp/gagamma/hb", "alp/gagamma/iaxo",
                            "alp/gagamma/hint-hb"], x_unit="eV", xlim=(1e-10, 10),
                           ylim=(1e-13, 1e-8), file=str(tmp_path / "alp.png"))
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert "[eV]" in ax.get_xlabel() and "GeV" in ax.get_ylabel()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[:2] == ["CAST", "HB stars (R, R2)"] or "CAST" in labels
    assert (tmp_path / "alp.png").exists() and (tmp_path / "alp.pdf").exists()
    # projections are dashed, hints dotted
    styles = {ln.get_label(): ln.get_linestyle() for ln in ax.get_lines()}
    assert styles["IAXO"] == "--" and styles["HB R-parameter hint"] == ":"
    # a model point can be overlaid on the same axis
    arts = draw_curve(ax, "alp/gagamma/babyiaxo", x_unit="eV", color="k")
    assert arts

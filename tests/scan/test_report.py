"""`darkseesaw report`: one self-contained HTML file, opened in headless Chromium."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess

import pytest

from darkseesaw.scan import run_scan

CHROMIUM = next((shutil.which(c) for c in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(c)), None)


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    """A random scan with a limit curve applied and failures, and a short MCMC scan."""
    import yaml

    tmp = tmp_path_factory.mktemp("report")
    common = {"python_function": "darkseesaw.scan.toy:evaluate", "seed": 2}
    (tmp / "lim.yaml").write_text(yaml.safe_dump({
        **common, "title": "Toy scan with a limit",
        "parameters": {"x": {"range": [-1, 2], "unit": "log10 GeV"},
                       "y": {"range": [-0.3, 3.0]}},
        "derived": {"mN": "10**x", "U2": "10**(-3*abs(y) - 4)"},
        "constraints": [{"curve": "hnl/Ue2/current", "x": "mN", "y": "U2"}],
        "sampler": {"name": "random", "n": 3000}, "chunk_size": 1000}))
    (tmp / "mc.yaml").write_text(yaml.safe_dump({
        **common, "parameters": {"x": {"range": [-4, 4]}, "y": {"range": [0.01, 4],
                                                                  "prior": "log"}},
        "likelihood": [{"observable": "r", "mean": 0, "sigma": 1}],
        "sampler": {"name": "mcmc", "walkers": 8, "steps": 60, "burn": 10,
                    "steps_per_chunk": 30}}))
    run_scan(tmp / "lim.yaml", tmp / "lim", executor="serial", quiet=True)
    run_scan(tmp / "mc.yaml", tmp / "mc", executor="serial", quiet=True)
    return tmp


def _imgs(text):
    return re.findall(r'<img class="fig"[^>]*src="data:image/png;base64,([^"]+)"', text)


def test_report_is_self_contained_with_expected_figures(scans, h):
    r = h.cli("report", str(scans / "lim"))
    assert r.returncode == 0, r.stderr
    text = (scans / "lim" / "report.html").read_text()
    imgs = _imgs(text)
    # 2 marginals + 1 pair + 1 limit overlay + 1 failures chart
    assert len(imgs) == 5
    for b in imgs:
        assert base64.b64decode(b)[:8] == b"\x89PNG\r\n\x1a\n"
    assert not re.search(r'(src|href)="(https?:)?//', text), "external resource referenced"
    assert "hnl/Ue2/current" in text and "domain_error" in text
    assert "Toy scan with a limit" in text and "Best points" in text
    figs = sorted(p.name for p in (scans / "lim" / "figures").iterdir())
    assert "limit-hnl_Ue2_current.pdf" in figs and "marginal-x.png" in figs


def test_report_of_a_reproduction_folder(tmp_path, scans, h):
    (tmp_path / "toy.json").write_text(json.dumps({"relic": {"omega_h2": 0.12}, "notes": ["x"]}))
    shutil.copy(scans / "lim" / "figures" / "marginal-x.png", tmp_path / "fig1.png")
    r = h.cli("report", str(tmp_path), "--out", str(tmp_path / "r.html"))
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "r.html").read_text()
    assert "relic.omega_h2" in text and len(_imgs(text)) == 1
    r = h.cli("report", str(tmp_path / "empty-nothing"))
    assert r.returncode == 2 and "no such folder" in r.stderr


def _chromium(*args, timeout=90):
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-dev-shm-usage", "--no-first-run", *args],
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed "
                    "(Debian: apt-get update && apt-get install -y chromium)")
@pytest.mark.parametrize("name, n_figs", [("lim", 5), ("mc", 3)])
def test_report_renders_in_headless_chromium(scans, h, name, n_figs, tmp_path):
    """Chromium loads the report, runs its check script (every figure decoded, no JS error)
    and draws a page that is not blank."""
    r = h.cli("report", str(scans / name))
    assert r.returncode == 0, r.stderr
    url = (scans / name / "report.html").resolve().as_uri()
    res = _chromium("--virtual-time-budget=3000", "--dump-dom", url)
    m = re.search(r'<p id="report-status"[^>]*>([^<]*)</p>', res.stdout)
    assert m, f"no status element in the rendered DOM; stderr: {res.stderr[-2000:]}"
    assert m.group(1) == f"ok: {n_figs}/{n_figs} figures loaded", m.group(1)
    assert f'data-figures-loaded="{n_figs}"' in res.stdout
    shot = tmp_path / "shot.png"
    _chromium("--hide-scrollbars", "--window-size=1200,1600", "--virtual-time-budget=3000", f"--screenshot={shot}", url)
    import matplotlib.image as mpimg

    img = mpimg.imread(shot)
    assert img.shape[0] >= 1000 and img.std() > 0.05  # figures drawn, not a blank page

"""One self-contained HTML report of a scan folder (or of a reproduction folder).

`write_report` reads a scan folder written by `darkseesaw.scan` and writes ``DIR/report.html``:
its summary (points, failures by reason, best likelihood, time), its configuration, 1-D
marginals with the profile likelihood, 2-D profile-likelihood maps (68 %/95 % regions) or
allowed/excluded maps, the points against every limit curve the configuration applies, failures
by reason, and a table of the best points. Figures are embedded as base64 PNG (and also saved as
PNG and PDF under ``DIR/figures/``), so the HTML file needs nothing else: no network, no
external script or style sheet. A small inline script checks on load that every figure decoded
and reports it in ``#report-status`` (what the browser test reads).

For a reproduction folder (``darkseesaw reproduce ID --out DIR``: ``ID.json`` plus figures) the
report shows the JSON key numbers and embeds the PNG figures.

Example
-------
``darkseesaw report out/toy`` writes ``out/toy/report.html``.
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import io
import json
import os
from pathlib import Path
from typing import Any

from darkseesaw import __version__
from darkseesaw import physics as ph
from darkseesaw.constraints import curve
from darkseesaw.constraints.links import expression_unit
from darkseesaw.errors import InputError
from darkseesaw.report import figures as F
from darkseesaw.scan import expr
from darkseesaw.scan.info import summary
from darkseesaw.scan.storage import ScanStore

MAX_PAIR_PARAMS = 5
N_BEST = 10

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:2em auto;
max-width:1150px;color:#222;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;
margin-top:1.6em}
table{border-collapse:collapse;font-size:.88em;margin:.5em 0}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f3f3f3}
td.l,th.l{text-align:left}
pre{background:#f7f7f7;border:1px solid #e3e3e3;padding:.8em;overflow-x:auto;font-size:.85em}
.figs{display:flex;flex-wrap:wrap;gap:14px}
figure{margin:0;border:1px solid #e5e5e5;padding:6px;background:#fff}
figure img{display:block;max-width:520px;height:auto}
figcaption{font-size:.8em;color:#555;max-width:520px}
.muted{color:#777;font-size:.85em}#report-status{font-size:.8em;color:#777}
"""

_JS = """
(function(){
  var errors=[];
  window.addEventListener('error',function(e){errors.push(String(e.message||e));},true);
  window.addEventListener('load',function(){
    var imgs=document.querySelectorAll('img.fig'),bad=0;
    for(var i=0;i<imgs.length;i++){if(!(imgs[i].complete&&imgs[i].naturalWidth>0)){bad++;}}
    var s=document.getElementById('report-status');
    s.textContent=(bad===0&&errors.length===0?'ok':'error')+': '+(imgs.length-bad)+'/'+
      imgs.length+' figures loaded'+(errors.length?'; errors: '+errors.join(' | '):'');
    s.setAttribute('data-figures-loaded',String(imgs.length-bad));
    s.setAttribute('data-figures-total',String(imgs.length));
  });
})();
"""


def _png_b64(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    return base64.b64encode(buf.getvalue()).decode()


class _Doc:
    def __init__(self, title: str):
        self.title = title
        self.parts: list[str] = []
        self.n_figs = 0

    def h2(self, text: str) -> None:
        self.parts.append(f"<h2>{html.escape(text)}</h2>")

    def p(self, text: str, cls: str = "") -> None:
        c = f' class="{cls}"' if cls else ""
        self.parts.append(f"<p{c}>{html.escape(text)}</p>")

    def pre(self, text: str) -> None:
        self.parts.append(f"<pre>{html.escape(text)}</pre>")

    def table(self, header: list[str], rows: list[list[Any]], left: int = 1) -> None:
        def cell(v, tag, i):
            cls = ' class="l"' if i < left else ""
            if isinstance(v, float):
                v = f"{v:.6g}"
            return f"<{tag}{cls}>{html.escape(str(v))}</{tag}>"

        out = ["<table><tr>" + "".join(cell(h, "th", i) for i, h in enumerate(header)) + "</tr>"]
        for r in rows:
            out.append("<tr>" + "".join(cell(v, "td", i) for i, v in enumerate(r)) + "</tr>")
        out.append("</table>")
        self.parts.append("".join(out))

    def open_figs(self) -> None:
        self.parts.append('<div class="figs">')

    def close_figs(self) -> None:
        self.parts.append("</div>")

    def figure(self, b64: str, caption: str) -> None:
        self.n_figs += 1
        self.parts.append(
            f'<figure><img class="fig" alt="{html.escape(caption)}" '
            f'src="data:image/png;base64,{b64}"><figcaption>{html.escape(caption)}'
            "</figcaption></figure>")

    def render(self) -> str:
        now = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")

        return (
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(self.title)}</title><style>{_CSS}</style>"
            f"<script>{_JS}</script></head><body>"
            f"<h1>{html.escape(self.title)}</h1>"
            f'<p class="muted">darkseesaw {__version__}, report written {now}. '
            'Figures are embedded; this file needs nothing else.</p>'
            '<p id="report-status">loading</p>' + "\n".join(self.parts) + "</body></html>\n")


def _add_fig(doc: _Doc, fig, caption: str, stem: Path) -> None:

    doc.figure(_png_b64(fig), caption)
    F.save(fig, stem)
    import matplotlib.pyplot as plt

    plt.close(fig)


def _label(name: str, units: dict) -> str:
    u = units.get(name)
    return f"{name} [{u}]" if u else name


def _scan_report(folder: Path) -> _Doc:
    import numpy as np


    s = summary(folder)
    store = ScanStore(folder)
    m = store.read_manifest()
    cfg = m.get("config", {})
    params = m.get("parameters", [])
    pspec = cfg.get("parameters", {})
    units = {k: (v or {}).get("unit") for k, v in pspec.items()}
    logs = {k: (v or {}).get("prior") == "log" for k, v in pspec.items()}
    title = cfg.get("title") or f"Scan report: {folder.name}"
    doc = _Doc(title)
    figdir = folder / "figures"

    df = store.read_pandas()
    if df.empty:
        doc.p("The scan folder holds no points yet.")
        return doc
    burn = int(m.get("burn", 0) or 0)
    if "step" in df and burn:
        post = df[df["step"] >= burn]
        burn_note = f" (MCMC chain after {burn} burn-in steps)"
    else:
        post, burn_note = df, ""

    doc.h2("Summary")
    rows = [["folder", str(folder)], ["model", s["model"]], ["sampler", s["sampler"]],
            ["parameters", ", ".join(params)],
            ["points stored", f"{s['points']:,}" + (f" of {s['n_points_planned']:,} planned"
                                                    if s.get("n_points_planned") else "")],
            ["complete", "yes" if s["complete"] else "no (resume with --resume)"],
            ["ok / allowed", f"{s['ok']:,} / {s['allowed']:,}"],
            ["failed", ", ".join(f"{k}: {v:,}" for k, v in s["failed"].items()) or "none"],
            ["best ln L", "no likelihood configured" if not s.get("has_likelihood", True)
             else "n/a" if s["best_loglike"] is None else f"{s['best_loglike']:.6g}"],
            ["time", f"{s['wall_s']:.1f} s wall over {s['sessions']} session(s), "
                     f"{s['compute_s']:.1f} s compute"]]
    if "logz" in m:
        rows.append(["evidence ln Z", f"{m['logz']:.4f} ± {m['logzerr']:.4f}"])
    doc.table(["quantity", "value"], rows, left=2)

    doc.h2("Configuration")
    cfg_file = folder / "config.yaml"
    doc.pre(cfg_file.read_text() if cfg_file.is_file() else json.dumps(cfg, indent=1))

    has_ll = F.has_likelihood(post)
    if not post["ok"].any():
        doc.h2("No successful point")
        doc.p("Every stored point failed; see the failures below and the reasons in scan-info.")
        params = []
    else:
        doc.h2("One-parameter marginals" + burn_note)
        doc.p("Filled: " + ("posterior density" if ("weight" in df or "step" in df) else
                            "allowed points (pass every limit), density") +
              ("; red: profile likelihood Δχ² with the 1σ and 2σ levels (1, 4)." if has_ll
               else "."), "muted")
        doc.open_figs()
        for k in params:
            fig = F.marginal_1d(post, k, label=_label(k, units), log=logs.get(k, False))
            _add_fig(doc, fig, f"Marginal of {k}", figdir / f"marginal-{k}")
        doc.close_figs()

    pp = params[:MAX_PAIR_PARAMS]
    if len(pp) >= 2:
        doc.h2("Two-parameter regions" + burn_note)
        doc.p("Profile likelihood Δχ² maps with the 68 % and 95 % regions (Δχ² < 2.30, 6.18) "
              if has_ll else "Allowed points over excluded and failed ones. ", "muted")
        doc.open_figs()
        for i, a in enumerate(pp):
            for b in pp[i + 1:]:
                fig = F.pair_2d(post, a, b, xlabel=_label(a, units), ylabel=_label(b, units),
                                xlog=logs.get(a, False), ylog=logs.get(b, False))
                _add_fig(doc, fig, f"{b} vs {a}", figdir / f"pair-{a}-{b}")
        doc.close_figs()

    cons = [c for c in (cfg.get("constraints") or []) if isinstance(c, dict)]
    if cons:
        doc.h2("Limits applied")
        doc.open_figs()
        cols = {c: df[c].to_numpy() for c in df.columns if df[c].dtype.kind in "biuf"}
        for c in cons:
            try:
                x = np.asarray(expr.evaluate(c["x"], cols), float)
                y = np.asarray(expr.evaluate(c["y"], cols), float)
                fig = F.limit_overlay(df, c["curve"], x, y)
            except Exception as e:  # noqa: BLE001 - a missing curve must not kill the report
                doc.p(f"limit {c['curve']}: cannot draw ({e})", "muted")
                continue
            _add_fig(doc, fig, f"{c['curve']} in the plane ({c['x']}, {c['y']})",
                     figdir / f"limit-{c['curve'].replace('/', '_')}")
        doc.close_figs()

    links = m.get("constraint_links") or []
    if links:
        _declared_constraints(doc, df, links, figdir)

    if s["failed"]:
        doc.h2("Failures")
        doc.open_figs()
        _add_fig(doc, F.failures(df, s["failed"]), "failed points by reason",
                 figdir / "failures")
        doc.close_figs()

    doc.h2("Best points")
    ok = df[df["ok"]]
    if has_ll:
        best = ok.sort_values("loglike", ascending=False).drop_duplicates(subset=params)
        best = best.head(N_BEST)
        doc.p(f"The {len(best)} points with the highest ln L.", "muted")
    else:
        best = ok[ok["allowed"]].head(N_BEST)
        doc.p(f"The first {len(best)} allowed points (the scan has no likelihood).", "muted")
    skip = {"point_id", "ok", "allowed", "reason", "loglike", "step", "walker", "weight",
            "nested_logl", *params}
    extra = [c for c in df.columns if c not in skip and not c.startswith("allowed:")
             and df[c].dtype.kind in "fi"][:8]
    header = ["point", *params, "ln L", *extra]
    doc.table(header, [[int(r["point_id"]), *[float(r[k]) for k in params],
                        float(r["loglike"]), *[float(r[k]) for k in extra]]
                       for _, r in best.iterrows()])
    return doc


def _declared_constraints(doc: _Doc, df, links: list[dict], figdir: Path, max_figs: int = 12):
    """The model's declared constraints (``constraints: auto``): allowed fractions and overlays."""
    import numpy as np


    doc.h2("Constraints declared by the model")
    doc.p("constraints: auto — every link the model declares (darkseesaw.constraints.links); "
          "a point is allowed when every excluding link passes. Fractions among the points "
          "that were computed (ok).", "muted")
    ok = df[df["ok"]] if "ok" in df else df
    groups: dict[str, list[str]] = {}
    for lk in links:
        groups.setdefault(lk["group"], []).append(lk["name"])
    rows = []
    for g, names in groups.items():
        col = f"allowed:{g}"
        frac = f"{float(ok[col].mean()):.3f}" if col in ok and len(ok) else "informative"
        rows.append([g, str(len(names)), frac])
    doc.table(["constraint", "links", "fraction allowed"], rows, left=1)
    cols = {c: df[c].to_numpy() for c in df.columns if df[c].dtype.kind in "biuf"}
    n = 0
    doc.open_figs()
    for lk in links:
        if lk.get("type") != "CurveLink" or n >= max_figs:
            continue
        try:
            c = curve(lk["curve"])
            x = ph.convert(np.asarray(expr.evaluate(lk["x"], cols), float),
                           expression_unit(lk["x"]), c.x_unit)
            y = ph.convert(np.asarray(expr.evaluate(lk["y"], cols), float),
                           expression_unit(lk["y"]), c.y_unit)
            fig = F.limit_overlay(df, lk["curve"], x, y)
        except Exception as e:  # noqa: BLE001 - a link that cannot be drawn must not kill it
            doc.p(f"{lk['name']}: cannot draw ({e})", "muted")
            continue
        n += 1
        _add_fig(doc, fig, f"{lk['name']} in the plane ({lk['x']}, {lk['y']})",
                 figdir / f"link-{n}-{lk['curve'].replace('/', '_')}")
    doc.close_figs()


def _flatten(d: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(d, dict):
        out = []
        for k, v in d.items():
            out += _flatten(v, f"{prefix}.{k}" if prefix else str(k))
        return out
    if isinstance(d, list) and len(d) > 12:
        return [(prefix, f"[{len(d)} values]")]
    if isinstance(d, list) and all(isinstance(x, float | int) and not isinstance(x, bool)
                                   for x in d):
        return [(prefix, "[" + ", ".join(f"{x:.6g}" for x in d) + "]")]
    return [(prefix, d if isinstance(d, int | float | str | bool) or d is None
             else json.dumps(d))]


def _reproduction_report(folder: Path) -> _Doc:
    doc = _Doc(f"Reproduction report: {folder.name}")
    pngs = sorted(folder.rglob("*.png"))
    if pngs:
        doc.h2("Figures")
        doc.open_figs()
        for p in pngs:
            doc.figure(base64.b64encode(p.read_bytes()).decode(), p.relative_to(folder).as_posix())
        doc.close_figs()
    for jf in sorted(folder.glob("*.json")):
        doc.h2(f"{jf.stem}: key numbers")
        try:
            data = json.loads(jf.read_text())
        except json.JSONDecodeError as e:
            doc.p(f"{jf.name}: not valid JSON ({e})")
            continue
        doc.table(["key", "value"], [[k, v] for k, v in _flatten(data)], left=2)
    return doc


def _check_writable(path: Path) -> None:
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if path.is_dir():
        raise InputError(str(path), "--out", "is a folder: give the HTML file to write")
    if not parent.is_dir():
        raise InputError(str(path), "--out", f"{parent} is a file, not a folder")
    if not os.access(parent, os.W_OK):
        raise InputError(str(path), "--out", f"cannot write in {parent}")


def write_report(folder: str | Path, out: str | Path | None = None) -> Path:
    """Write the HTML report of ``folder`` (scan or reproduction); return its path.

    Parameters
    ----------
    folder : path
        A scan folder (``manifest.json``) or a reproduction folder (``*.json`` + figures).
    out : path, optional
        HTML file to write (default ``folder/report.html``).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), None, "is a file, not a folder" if folder.exists()
                         else "no such folder")
    if out is not None:  # before the figures are drawn: a bad --out fails at once
        _check_writable(Path(out))
    if (folder / "manifest.json").is_file():
        doc = _scan_report(folder)
    elif any(folder.glob("*.json")):
        doc = _reproduction_report(folder)
    else:
        raise InputError(str(folder), None, "neither a scan folder (manifest.json) nor a "
                         "reproduction folder (*.json)")
    path = Path(out) if out is not None else folder / "report.html"
    html = doc.render()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    except OSError as e:
        raise InputError(str(path), "--out" if out is not None else None,
                         f"cannot write the report ({e.strerror or type(e).__name__})") from None
    return path

"""frontsim from Python: load a scenario with overrides, run it, read the results as
numpy arrays, run sweeps and comparisons, draw charts.

    import frontsim
    sc = frontsim.Scenario("scenarios/kursk-pokrovsk.cfg",
                           overrides={"formations.dprk.personnel": 0})
    res = sc.run(replications=2000, seed=7)
    res.metric("pokrovsk.route_cut").mean()

Every error of the library is raised as frontsim.Error, which carries the file,
line and setting path it names. docs/API.md describes the package and the C API
under it (ctypes over the shared library libfrontsim).
"""
import ctypes

import numpy as np

from . import _lib

__all__ = ["Error", "Scenario", "Results", "version", "sweep", "compare", "discover",
           "optimize", "plot", "settings_markdown", "read_csv"]

_C = _lib.load()

_STATUS = ["ok", "input", "io", "nomem", "numeric", "interrupted", "external", "timeout"]


class Error(Exception):
    """An error reported by libfrontsim: status ("input", "io", ...), file, line, path
    (the setting, e.g. "sectors.[1].width_km") and message."""

    def __init__(self, status, file, line, path, message):
        self.status = _STATUS[status] if 0 <= status < len(_STATUS) else str(status)
        self.file, self.line, self.path, self.message = file, line, path, message
        where = file + (f":{line}" if line else "") if file else ""
        parts = [p for p in (where, path, message) if p]
        super().__init__(": ".join(parts))


def _check(status, err):
    if status != 0:
        raise Error(err.status or status, err.file.decode(errors="replace"), err.line,
                    err.path.decode(errors="replace"), err.message.decode(errors="replace"))


def _b(text):
    return None if text is None else str(text).encode()


def _s(raw):
    return None if raw is None else raw.decode(errors="replace")


def version():
    """The version of the loaded libfrontsim ("MAJOR.MINOR.PATCH")."""
    return _s(_C.fsim_version())


def _overrides(overrides, params=None):
    """A C fsim_overrides from a dict {path: value} or a list of "path=value"."""
    err = _lib.Error()
    ov = _C.fsim_overrides_new()
    if not ov:
        raise MemoryError("frontsim: out of memory")
    try:
        items = overrides.items() if isinstance(overrides, dict) else None
        texts = [f"{k}={_value_text(v)}" for k, v in items] if items is not None \
            else list(overrides or [])
        for t in texts:
            _check(_C.fsim_overrides_add(ov, _b(t), ctypes.byref(err)), err)
        for t in params or []:
            _check(_C.fsim_overrides_add_param(ov, _b(t), ctypes.byref(err)), err)
    except BaseException:
        _C.fsim_overrides_free(ov)
        raise
    return ov


def _value_text(v):
    """A Python value in libconfig syntax: strings quoted, lists in brackets."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value_text(x) for x in v) + "]"
    return repr(v) if isinstance(v, float) else str(v)


class _Options:
    """A C options object set by name from keyword arguments (None: left as is)."""

    def __init__(self, kind, progress=None, **values):
        self._kind = kind
        self._new = getattr(_C, f"fsim_{kind}_options_new")
        self._free = getattr(_C, f"fsim_{kind}_options_free")
        self.ptr = self._new()
        if not self.ptr:
            raise MemoryError("frontsim: out of memory")
        err = _lib.Error()
        setter = getattr(_C, f"fsim_{kind}_options_set")
        try:
            for name, value in values.items():
                if value is None:
                    continue
                # A list sets a repeatable option once per item (optimize's
                # "decision" and "constraint").
                for item in value if isinstance(value, (list, tuple)) else [value]:
                    if isinstance(item, bool):
                        item = int(item)
                    _check(setter(self.ptr, _b(name), _b(item), ctypes.byref(err)), err)
        except BaseException:
            self.close()
            raise
        self._callback = None
        if progress is not None:
            # Kept alive as long as the options: the library calls it.
            def call(_ctx, done, total):
                try:
                    return 1 if progress(done, total) else 0
                except BaseException:  # an exception in the callback cancels the work
                    return 1
            self._callback = _lib.PROGRESS(call)
            getattr(_C, f"fsim_{kind}_options_set_progress")(self.ptr, self._callback, None)

    def close(self):
        if self.ptr:
            self._free(self.ptr)
            self.ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Scenario:
    """A loaded, validated scenario. Overrides: a dict {setting path: value} or a
    list of "path=value" texts, as frontsim run --set takes them."""

    def __init__(self, path=None, overrides=None, *, text=None, name=None, include_dir=None):
        if (path is None) == (text is None):
            raise ValueError("give a scenario file path or its text, not both")
        err = _lib.Error()
        ov = _overrides(overrides)
        out = ctypes.c_void_p()
        try:
            if text is not None:
                st = _C.fsim_scenario_load_string(_b(text), _b(name or "(string)"),
                                                  _b(include_dir), ov, ctypes.byref(out),
                                                  ctypes.byref(err))
            else:
                st = _C.fsim_scenario_load(_b(path), ov, ctypes.byref(out), ctypes.byref(err))
        finally:
            _C.fsim_overrides_free(ov)
        _check(st, err)
        self._ptr = out.value

    @classmethod
    def from_string(cls, text, overrides=None, name=None, include_dir=None):
        return cls(None, overrides, text=text, name=name, include_dir=include_dir)

    def __del__(self):
        self.close()

    def close(self):
        if getattr(self, "_ptr", None):
            _C.fsim_scenario_free(self._ptr)
            self._ptr = None

    @property
    def label(self):
        return _s(_C.fsim_scenario_label(self._ptr))

    @property
    def source(self):
        return _s(_C.fsim_scenario_source(self._ptr))

    @property
    def whatif(self):
        return _s(_C.fsim_scenario_whatif(self._ptr))

    @property
    def days(self):
        return _C.fsim_scenario_days(self._ptr)

    @property
    def replications(self):
        return _C.fsim_scenario_replications(self._ptr)

    @property
    def seed(self):
        return _C.fsim_scenario_seed(self._ptr)

    @property
    def start_date(self):
        return _s(_C.fsim_scenario_start_date(self._ptr))

    @property
    def sectors(self):
        return [_s(_C.fsim_scenario_sector_name(self._ptr, i))
                for i in range(_C.fsim_scenario_nsectors(self._ptr))]

    @property
    def formations(self):
        return [_s(_C.fsim_scenario_formation_name(self._ptr, i))
                for i in range(_C.fsim_scenario_nformations(self._ptr))]

    def to_text(self, header=None):
        """The effective scenario, every default filled in, in libconfig syntax."""
        err = _lib.Error()
        out = ctypes.c_void_p()
        _check(_C.fsim_scenario_to_text(self._ptr, _b(header), ctypes.byref(out),
                                        ctypes.byref(err)), err)
        try:
            return ctypes.string_at(out.value).decode()
        finally:
            _C.fsim_free(out.value)

    def run(self, replications=None, seed=None, threads=None, series=None,
            series_exact_max=None, point=None, progress=None, target=None):
        """Runs the replications; returns Results. series: "all", "none" or a list of
        variable names. progress(done, total) may return True to cancel (raises
        Error with status "interrupted"). target=(metric, half_width, max_replications)
        adds replications until the metric's 95% CI half-width is at most half_width."""
        if isinstance(series, (list, tuple)):
            series = ",".join(series)
        opts = _Options("run", progress, replications=replications, seed=seed,
                        threads=threads, series=series, series_exact_max=series_exact_max,
                        point=point)
        err = _lib.Error()
        out = ctypes.c_void_p()
        with opts:
            if target is None:
                st = _C.fsim_run(self._ptr, opts.ptr, ctypes.byref(out), ctypes.byref(err))
            else:
                metric, half, max_reps = target
                reached = ctypes.c_int()
                st = _C.fsim_run_target(self._ptr, opts.ptr, _b(metric), float(half),
                                        int(max_reps), ctypes.byref(out),
                                        ctypes.byref(reached), ctypes.byref(err))
        _check(st, err)
        return Results(out.value, self)


class Results:
    """The results of a run: per-replication metrics and, where kept, daily series,
    read as numpy arrays. They borrow their scenario, which they keep alive."""

    def __init__(self, ptr, scenario):
        self._ptr = ptr
        self._scenario = scenario  # the C results borrow the scenario

    def __del__(self):
        self.close()

    def close(self):
        if getattr(self, "_ptr", None):
            _C.fsim_results_free(self._ptr)
            self._ptr = None

    @property
    def replications(self):
        return _C.fsim_results_replications(self._ptr)

    @property
    def seed(self):
        return _C.fsim_results_seed(self._ptr)

    @property
    def days(self):
        return _C.fsim_results_days(self._ptr)

    @property
    def metric_names(self):
        return [_s(_C.fsim_results_metric_name(self._ptr, m))
                for m in range(_C.fsim_results_nmetrics(self._ptr))]

    @property
    def series_names(self):
        return [_s(_C.fsim_results_series_name(self._ptr, v))
                for v in range(_C.fsim_results_nseries(self._ptr))]

    def metric(self, name):
        """Metric `name` of every replication (NaN where undefined, e.g. the day a route
        was cut in a replication where it was not)."""
        m = _C.fsim_results_metric_index(self._ptr, _b(name))
        if m < 0:
            raise KeyError(f"frontsim: no metric {name!r}")
        out = np.empty(self.replications, dtype=np.float64)
        err = _lib.Error()
        _check(_C.fsim_results_metric_column(self._ptr, m, 0, out.size,
                                             out.ctypes.data_as(ctypes.c_void_p),
                                             ctypes.byref(err)), err)
        return out

    def metrics(self):
        """Every metric: a 2-D array, one row per replication, one column per metric
        (in the order of metric_names)."""
        out = np.empty((self.replications, len(self.metric_names)), dtype=np.float64)
        err = _lib.Error()
        _check(_C.fsim_results_metric_block(self._ptr, 0, self.replications,
                                            out.ctypes.data_as(ctypes.c_void_p),
                                            ctypes.byref(err)), err)
        return out

    def series(self, name):
        """Daily series `name`: one row per replication, days + 1 columns (day 0 is the
        initial state)."""
        v = _C.fsim_results_series_index(self._ptr, _b(name))
        if v < 0:
            raise KeyError(f"frontsim: no series {name!r}")
        out = np.empty((self.replications, self.days + 1), dtype=np.float64)
        err = _lib.Error()
        _check(_C.fsim_results_series_block(self._ptr, v, 0, self.replications,
                                            out.ctypes.data_as(ctypes.c_void_p),
                                            ctypes.byref(err)), err)
        return out

    def to_pandas(self):
        """The metrics as a pandas DataFrame (needs pandas, which frontsim does not)."""
        import pandas as pd
        return pd.DataFrame(self.metrics(), columns=self.metric_names)

    def write_dir(self, path, command_line=None):
        """Writes the run's output directory, as frontsim run does."""
        err = _lib.Error()
        _check(_C.fsim_results_write_dir(self._ptr, self._scenario._ptr, _b(path),
                                         _b(command_line or "(Python)"), ctypes.byref(err)),
               err)
        return path


def compare(scenarios, out_dir, replications=None, seed=None, threads=None, target=None,
            max_replications=None, progress=None, command_line=None):
    """Runs a base and its what-ifs (a list of Scenario objects, the base first, with
    distinct labels) with common random numbers, each difference paired against the
    base, and writes out_dir (compare.csv, compare.txt, a/, b/, ...); returns
    read_csv of compare.csv. target=(metric, half_width) adds replications until every
    paired difference of the metric has a 95% CI at most that wide on either side."""
    scenarios = list(scenarios)
    metric, half = target if target is not None else (None, None)
    opts = _Options("compare", progress, replications=replications, seed=seed,
                    threads=threads, target_metric=metric, target_halfwidth=half,
                    max_replications=max_replications)
    arr = (ctypes.c_void_p * len(scenarios))(*[sc._ptr for sc in scenarios])
    err = _lib.Error()
    with opts:
        st = _C.fsim_compare_run(arr, len(scenarios), opts.ptr, _b(out_dir),
                                 _b(command_line or "(Python)"), None, None, ctypes.byref(err))
    _check(st, err)
    return read_csv(f"{out_dir}/compare.csv")


def sweep(path, out_dir, overrides=None, params=None, replications=None, threads=None,
          resume=None, shard=None, progress=None, command_line=None, force=None):
    """Runs the sweep of scenario file `path` (its sweep section, or params: a list of
    "path=a,b,c" / "path=from:to:steps" as --param takes them) into out_dir; returns
    read_csv of sweep.csv. An interrupted sweep in out_dir is continued with
    resume=True, or started over with force=True (else refused)."""
    err = _lib.Error()
    ov = _overrides(overrides, params)
    sw = ctypes.c_void_p()
    try:
        _check(_C.fsim_sweep_prepare(_b(path), ov, ctypes.byref(sw), ctypes.byref(err)), err)
        opts = _Options("sweep", progress, replications=replications, threads=threads,
                        resume=resume, shard=shard, force=force,
                        command_line=command_line or "(Python)")
        with opts:
            _check(_C.fsim_sweep_run(sw.value, opts.ptr, _b(out_dir), ctypes.byref(err)), err)
    finally:
        if sw.value:
            _C.fsim_sweep_free(sw.value)
        _C.fsim_overrides_free(ov)
    return read_csv(f"{out_dir}/sweep.csv")


def discover(sweep_dir, out_dir, where, baseline=None, against=None, peel=None, paste=None,
             min_mass=None, holdout=None, box=None, seed=None, command_line=None):
    """Scenario discovery by PRIM on a finished sweep (docs/DISCOVERY.md): writes out_dir
    and returns (read_csv of box.csv, read_csv of trajectory.csv)."""
    opts = _Options("discover", None, where=where, baseline=baseline, against=against,
                    peel=peel, paste=paste, min_mass=min_mass, holdout=holdout, box=box,
                    seed=seed)
    err = _lib.Error()
    with opts:
        st = _C.fsim_discover(_b(sweep_dir), opts.ptr, _b(out_dir),
                              _b(command_line or "(Python)"), ctypes.byref(err))
    _check(st, err)
    return read_csv(f"{out_dir}/box.csv"), read_csv(f"{out_dir}/trajectory.csv")


def optimize(path, out_dir, decisions=None, objective=None, constraints=None,
             overrides=None, replications=None, seed=None, budget=None, tolerance=None,
             step=None, fresh_replications=None, fresh_seed=None, threads=None,
             resume=None, discrete=None, delta=None, confidence=None, first_stage=None,
             progress=None, command_line=None):
    """A directed search for the best decision (docs/OPTIMIZE.md): decisions a list of
    "PATH=lo:hi", "PATH=lo:hi:int" or "PATH=a,b,c"; objective "min EXPR" or "max EXPR";
    constraints a list of "METRIC OP VALUE"; discrete "kn" with delta (and confidence,
    first_stage) for Kim and Nelson's selection among discrete decisions. What is left
    None is taken from the scenario's optimize section, if it has one. Writes out_dir
    and returns read_csv of decision.csv and of estimate.csv."""
    opts = _Options("optimize", progress, decision=list(decisions or []) or None,
                    objective=objective, constraint=list(constraints or []) or None,
                    replications=replications, seed=seed, budget=budget,
                    tolerance=tolerance, step=step, fresh_replications=fresh_replications,
                    fresh_seed=fresh_seed, threads=threads, resume=resume,
                    discrete=discrete, delta=delta, confidence=confidence,
                    first_stage=first_stage)
    err = _lib.Error()
    ov = _overrides(overrides)
    try:
        with opts:
            st = _C.fsim_optimize(_b(path), ov, opts.ptr, _b(out_dir),
                                  _b(command_line or "(Python)"), ctypes.byref(err))
    finally:
        _C.fsim_overrides_free(ov)
    _check(st, err)
    return read_csv(f"{out_dir}/decision.csv"), read_csv(f"{out_dir}/estimate.csv")


def plot(directory, format=None, only=None, gnuplot=None, timeout=None, baseline=None,
         progress=None):
    """Draws the charts of a run or sweep directory (gnuplot must be installed);
    returns the list of images written. baseline=P (a sweep kept with
    sweep.per_replication = 1) adds each point's paired difference from point P."""
    opts = _Options("plot", progress, format=format, only=only, gnuplot=gnuplot,
                    timeout=timeout, baseline=baseline)
    images = []

    def written(_ctx, image, _script):
        images.append(_s(image))
    cb = _lib.WRITTEN(written)
    err = _lib.Error()
    with opts:
        _C.fsim_plot_options_set_written(opts.ptr, cb, None)
        st = _C.fsim_plot_dir(_b(directory), opts.ptr, ctypes.byref(err))
    _check(st, err)
    return images


def settings_markdown():
    """The reference of every scenario setting, in Markdown (docs/SCENARIO.md's)."""
    err = _lib.Error()
    out = ctypes.c_void_p()
    _check(_C.fsim_settings_markdown(ctypes.byref(out), ctypes.byref(err)), err)
    try:
        return ctypes.string_at(out.value).decode()
    finally:
        _C.fsim_free(out.value)


def read_csv(path):
    """A CSV file written by frontsim (header line, comment lines starting with #) as
    a dict {column: numpy array}: numbers as float64, other columns as str."""
    with open(path, encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f if ln.strip() and not ln.startswith("#")]
    if not lines:
        return {}
    import csv
    rows = list(csv.reader(lines))
    header, body = rows[0], rows[1:]
    out = {}
    for j, name in enumerate(header):
        col = [r[j] if j < len(r) else "" for r in body]
        try:
            out[name] = np.array([float(x) if x != "" else np.nan for x in col])
        except ValueError:
            out[name] = np.array(col, dtype=str)
    return out

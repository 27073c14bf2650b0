"""The ctypes declarations of libfrontsim's public API (include/frontsim/*.h).

Only this module knows the C signatures; the rest of the package speaks Python.
"""
import ctypes
import ctypes.util
import os

ERROR_PLACE = 256
ERROR_TEXT = 512


class Error(ctypes.Structure):
    """struct fsim_error: a fixed layout, filled by every call that can fail."""
    _fields_ = [
        ("status", ctypes.c_int),
        ("file", ctypes.c_char * ERROR_PLACE),
        ("line", ctypes.c_int),
        ("path", ctypes.c_char * ERROR_PLACE),
        ("message", ctypes.c_char * ERROR_TEXT),
    ]


PROGRESS = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_long, ctypes.c_long)
WRITTEN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p)
SKIPPED = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p)

_p = ctypes.c_void_p
_s = ctypes.c_char_p
_err = ctypes.POINTER(Error)
_status = ctypes.c_int

# name: (restype, argtypes)
_SIGNATURES = {
    "fsim_version": (_s, []),
    "fsim_status_name": (_s, [ctypes.c_int]),
    "fsim_free": (None, [_p]),
    "fsim_overrides_new": (_p, []),
    "fsim_overrides_free": (None, [_p]),
    "fsim_overrides_add": (_status, [_p, _s, _err]),
    "fsim_overrides_add_param": (_status, [_p, _s, _err]),
    "fsim_scenario_load": (_status, [_s, _p, ctypes.POINTER(_p), _err]),
    "fsim_scenario_load_string": (_status, [_s, _s, _s, _p, ctypes.POINTER(_p), _err]),
    "fsim_scenario_free": (None, [_p]),
    "fsim_scenario_to_text": (_status, [_p, _s, ctypes.POINTER(_p), _err]),
    "fsim_scenario_write_path": (_status, [_p, _s, _s, _err]),
    "fsim_scenario_label": (_s, [_p]),
    "fsim_scenario_source": (_s, [_p]),
    "fsim_scenario_whatif": (_s, [_p]),
    "fsim_scenario_days": (ctypes.c_int, [_p]),
    "fsim_scenario_replications": (ctypes.c_int, [_p]),
    "fsim_scenario_seed": (ctypes.c_ulonglong, [_p]),
    "fsim_scenario_start_date": (_s, [_p]),
    "fsim_scenario_nsectors": (ctypes.c_int, [_p]),
    "fsim_scenario_sector_name": (_s, [_p, ctypes.c_int]),
    "fsim_scenario_nformations": (ctypes.c_int, [_p]),
    "fsim_scenario_formation_name": (_s, [_p, ctypes.c_int]),
    "fsim_settings_markdown": (_status, [ctypes.POINTER(_p), _err]),
    "fsim_run_options_new": (_p, []),
    "fsim_run_options_free": (None, [_p]),
    "fsim_run_options_set": (_status, [_p, _s, _s, _err]),
    "fsim_run_options_get": (_status, [_p, _s, _s, ctypes.c_size_t, _err]),
    "fsim_run_options_set_progress": (None, [_p, PROGRESS, _p]),
    "fsim_run": (_status, [_p, _p, ctypes.POINTER(_p), _err]),
    "fsim_run_target": (_status, [_p, _p, _s, ctypes.c_double, ctypes.c_long,
                                  ctypes.POINTER(_p), ctypes.POINTER(ctypes.c_int), _err]),
    "fsim_results_free": (None, [_p]),
    "fsim_results_replications": (ctypes.c_long, [_p]),
    "fsim_results_seed": (ctypes.c_uint64, [_p]),
    "fsim_results_days": (ctypes.c_int, [_p]),
    "fsim_results_nmetrics": (ctypes.c_int, [_p]),
    "fsim_results_metric_name": (_s, [_p, ctypes.c_int]),
    "fsim_results_metric_index": (ctypes.c_int, [_p, _s]),
    "fsim_results_nseries": (ctypes.c_int, [_p]),
    "fsim_results_series_name": (_s, [_p, ctypes.c_int]),
    "fsim_results_series_index": (ctypes.c_int, [_p, _s]),
    "fsim_results_metric_column": (_status, [_p, ctypes.c_int, ctypes.c_long, ctypes.c_long,
                                             _p, _err]),
    "fsim_results_metric_block": (_status, [_p, ctypes.c_long, ctypes.c_long, _p, _err]),
    "fsim_results_series_block": (_status, [_p, ctypes.c_int, ctypes.c_long, ctypes.c_long,
                                            _p, _err]),
    "fsim_results_write_dir": (_status, [_p, _p, _s, _s, _err]),
    "fsim_compare_options_new": (_p, []),
    "fsim_compare_options_free": (None, [_p]),
    "fsim_compare_options_set": (_status, [_p, _s, _s, _err]),
    "fsim_compare_options_set_progress": (None, [_p, PROGRESS, _p]),
    "fsim_compare_run": (_status, [ctypes.POINTER(_p), ctypes.c_int, _p, _s, _s,
                                   ctypes.POINTER(ctypes.c_long), ctypes.POINTER(ctypes.c_int),
                                   _err]),
    "fsim_sweep_options_new": (_p, []),
    "fsim_sweep_options_free": (None, [_p]),
    "fsim_sweep_options_set": (_status, [_p, _s, _s, _err]),
    "fsim_sweep_options_set_progress": (None, [_p, PROGRESS, _p]),
    "fsim_sweep_prepare": (_status, [_s, _p, ctypes.POINTER(_p), _err]),
    "fsim_sweep_free": (None, [_p]),
    "fsim_sweep_points": (ctypes.c_long, [_p]),
    "fsim_sweep_run": (_status, [_p, _p, _s, _err]),
    "fsim_sweep_merge": (_status, [_s, ctypes.POINTER(_s), ctypes.c_int, _s, _err]),
    "fsim_discover_options_new": (_p, []),
    "fsim_discover_options_free": (None, [_p]),
    "fsim_discover_options_set": (_status, [_p, _s, _s, _err]),
    "fsim_discover": (_status, [_s, _p, _s, _s, _err]),
    "fsim_optimize_options_new": (_p, []),
    "fsim_optimize_options_free": (None, [_p]),
    "fsim_optimize_options_set": (_status, [_p, _s, _s, _err]),
    "fsim_optimize_options_set_progress": (None, [_p, PROGRESS, _p]),
    "fsim_optimize": (_status, [_s, _p, _p, _s, _s, _err]),
    "fsim_plot_options_new": (_p, []),
    "fsim_plot_options_free": (None, [_p]),
    "fsim_plot_options_set": (_status, [_p, _s, _s, _err]),
    "fsim_plot_options_set_progress": (None, [_p, PROGRESS, _p]),
    "fsim_plot_options_set_written": (None, [_p, WRITTEN, _p]),
    "fsim_plot_dir": (_status, [_s, _p, _err]),
}


def _candidates():
    """Where the shared library may be, most specific first."""
    env = os.environ.get("FRONTSIM_LIBRARY")
    if env:
        yield env
        return
    try:  # written by the install: the library relative to this package
        from . import _install_paths
        here = os.path.dirname(os.path.abspath(__file__))
        yield os.path.normpath(os.path.join(here, _install_paths.LIBRARY))
    except ImportError:
        pass
    found = ctypes.util.find_library("frontsim")
    if found:
        yield found


def load():
    tried = []
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
            break
        except OSError as e:
            tried.append(f"{path}: {e}")
    else:
        raise ImportError(
            "frontsim: cannot find the shared library libfrontsim (build with "
            "-DBUILD_SHARED_LIBS=ON and install, or set FRONTSIM_LIBRARY to its path)"
            + ("; tried " + "; ".join(tried) if tried else ""))
    for name, (restype, argtypes) in _SIGNATURES.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    return lib

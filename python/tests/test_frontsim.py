"""The Python package against the library and the frontsim tool (CTest python.package).

Environment: FRONTSIM_LIBRARY (the shared library under test), FRONTSIM_BIN (the
frontsim tool of the same build), FRONTSIM_SOURCE (the source tree: scenarios, tests).
"""
import csv
import os
import shutil
import subprocess
import tempfile
import unittest

import numpy as np

import frontsim

SOURCE = os.environ.get("FRONTSIM_SOURCE", os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("FRONTSIM_BIN", "frontsim")
DEFAULT = os.path.join(SOURCE, "scenarios", "kursk-pokrovsk.cfg")


def tool_run(tmp, *args):
    out = os.path.join(tmp, "run")
    subprocess.run([BIN, "run", DEFAULT, *args, "--quiet", "-o", out], check=True,
                   stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "replications.csv"), encoding="utf-8") as f:
        rows = [r for r in csv.reader(ln for ln in f if not ln.startswith("#"))]
    return rows[0], rows[1:]


class TestRun(unittest.TestCase):
    def test_same_metrics_as_the_tool(self):
        """Every metric of every replication equals frontsim run's replications.csv
        (same seed and replications), to the digits the CSV holds."""
        sc = frontsim.Scenario(DEFAULT)
        res = sc.run(replications=200, seed=11, series="none")
        with tempfile.TemporaryDirectory() as tmp:
            header, rows = tool_run(tmp, "-n", "200", "--seed", "11", "--series", "none")
        self.assertEqual(res.replications, len(rows))
        got = res.metrics()
        names = res.metric_names
        checked = 0
        for j, name in enumerate(names):
            self.assertIn(name, header)
            col = header.index(name)
            want = np.array([float(r[col]) if r[col] not in ("", "nan", "NaN") else np.nan
                             for r in rows])
            np.testing.assert_allclose(got[:, j], want, rtol=1e-9, atol=1e-9, equal_nan=True,
                                       err_msg=name)
            checked += 1
        self.assertGreater(checked, 20)

    def test_overrides_dict_and_list_agree(self):
        a = frontsim.Scenario(DEFAULT, {"formations.dprk.personnel": 0})
        b = frontsim.Scenario(DEFAULT, ["formations.dprk.personnel=0"])
        self.assertEqual(a.label, "kursk-pokrovsk, formations.dprk.personnel=0")
        self.assertEqual(a.to_text(), b.to_text())
        ra = a.run(replications=50, seed=3, series="none").metric("red.losses")
        rb = b.run(replications=50, seed=3, series="none").metric("red.losses")
        np.testing.assert_array_equal(ra, rb)
        # And the override changes what is simulated.
        base = frontsim.Scenario(DEFAULT).run(replications=50, seed=3, series="none")
        self.assertFalse(np.array_equal(base.metric("red.losses"), ra))

    def test_series(self):
        sc = frontsim.Scenario(DEFAULT)
        res = sc.run(replications=20, seed=5, series=["kursk.held_area_km2"])
        s = res.series("kursk.held_area_km2")
        self.assertEqual(s.shape, (20, sc.days + 1))
        # Day 0 is the initial state, the same in every replication.
        self.assertTrue(np.all(s[:, 0] == s[0, 0]))
        self.assertGreater(s[0, 0], 0)
        with self.assertRaises(frontsim.Error) as cm:
            res.series("pokrovsk.route_km")
        self.assertIn("did not keep", str(cm.exception))

    def test_progress_cancels(self):
        sc = frontsim.Scenario(DEFAULT)
        calls = []

        def progress(done, total):
            calls.append((done, total))
            return done >= 10
        with self.assertRaises(frontsim.Error) as cm:
            sc.run(replications=5000, seed=1, threads=1, series="none", progress=progress)
        self.assertEqual(cm.exception.status, "interrupted")
        self.assertTrue(calls and calls[0][1] == 5000)


class TestErrors(unittest.TestCase):
    def test_bad_file_names_file_line_setting(self):
        # The bad-input catalogue's case of a share above 1, on line 3.
        bad = os.path.join(SOURCE, "tests", "bad", "counter-share-above-one.cfg")
        with self.assertRaises(frontsim.Error) as cm:
            frontsim.Scenario(bad)
        e = cm.exception
        self.assertEqual(e.status, "input")
        self.assertEqual(e.file, bad)
        self.assertEqual(e.line, 3)
        self.assertEqual(e.path, "sectors.[0].counter_share")
        self.assertIn("must be <= 1", e.message)

    def test_bad_option(self):
        sc = frontsim.Scenario(DEFAULT)
        with self.assertRaises(frontsim.Error) as cm:
            sc.run(replications=-1)
        self.assertEqual(cm.exception.path, "replications")

    def test_bad_override(self):
        with self.assertRaises(frontsim.Error) as cm:
            frontsim.Scenario(DEFAULT, {"sectors.kursk.widht_km": 4})
        self.assertIn("widht_km", str(cm.exception))


class TestExperiments(unittest.TestCase):
    def test_from_string(self):
        with open(DEFAULT, encoding="utf-8") as f:
            text = f.read()
        sc = frontsim.Scenario.from_string(text, name="k.cfg",
                                           include_dir=os.path.dirname(DEFAULT))
        self.assertEqual(sc.sectors, ["kursk", "pokrovsk", "kurakhove"])

    def test_sweep(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "sw")
            table = frontsim.sweep(DEFAULT, out, params=["sides.red.rules.[0].delay=3,7,11"],
                                   replications=8)
            self.assertEqual(len(table["point"]), 3)
            self.assertTrue(os.path.exists(os.path.join(out, "sweep.csv")))

    def test_sweep_interrupted(self):
        # An interrupted sweep is refused unasked, continued with resume, restarted
        # with force: the last needs the option from Python too.
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "sw")
            args = dict(params=["sides.red.rules.[0].delay=3,5,7,9,11"], replications=4,
                        threads=1)
            with self.assertRaises(frontsim.Error) as cm:
                frontsim.sweep(DEFAULT, out, progress=lambda done, total: done >= 2, **args)
            self.assertEqual(cm.exception.status, "interrupted")
            with self.assertRaises(frontsim.Error) as cm:
                frontsim.sweep(DEFAULT, out, **args)
            self.assertIn("holds an interrupted sweep", str(cm.exception))
            table = frontsim.sweep(DEFAULT, out, force=True, **args)
            self.assertEqual(len(table["point"]), 5)

    @unittest.skipUnless(shutil.which("gnuplot"), "gnuplot is not installed")
    def test_plot_paired_baseline(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "sw")
            frontsim.sweep(DEFAULT, out, overrides=["sweep.per_replication=1"],
                           params=["sides.red.rules.[0].delay=3,7,11"], replications=6)
            images = frontsim.plot(out, only="red.losses", baseline=1)
            names = sorted(os.path.basename(i) for i in images)
            self.assertIn("paired_red.losses.png", names)
            # Without baseline the paired chart is not drawn (and the stale one removed).
            again = frontsim.plot(out, only="red.losses")
            self.assertNotIn("paired_red.losses.png", [os.path.basename(i) for i in again])
            self.assertFalse(os.path.exists(os.path.join(out, "charts", "paired_red.losses.png")))

    def test_compare(self):
        a = frontsim.Scenario(DEFAULT)
        b = frontsim.Scenario(DEFAULT, {"formations.dprk.personnel": 0})
        with tempfile.TemporaryDirectory() as tmp:
            table = frontsim.compare([a, b], os.path.join(tmp, "cmp"), replications=40, seed=2)
        self.assertIn("metric", table)
        self.assertIn("red.losses", list(table["metric"]))
        # The base's own mean is what a plain run of it gives.
        row = list(table["metric"]).index("red.losses")
        plain = a.run(replications=40, seed=2, series="none").metric("red.losses").mean()
        self.assertAlmostEqual(table["mean_a_all"][row], plain, delta=1e-6 * abs(plain))

    def test_discover(self):
        with tempfile.TemporaryDirectory() as tmp:
            frontsim.sweep(DEFAULT, os.path.join(tmp, "sw"), replications=6,
                           params=["sides.red.rules.[0].delay=1:21:11"])
            box, traj = frontsim.discover(os.path.join(tmp, "sw"), os.path.join(tmp, "d"),
                                          "sides.red.rules.[0].delay >= 11", holdout=0)
        self.assertEqual(list(box["parameter"]), ["sides.red.rules.[0].delay"])
        self.assertEqual(box["low"][0], 11)
        self.assertEqual(traj["step"][0], 0)

    def test_optimize(self):
        with tempfile.TemporaryDirectory() as tmp:
            decision, estimate = frontsim.optimize(
                DEFAULT, os.path.join(tmp, "opt"),
                decisions=["formations.ua-kursk-strike.personnel=3000,6000"],
                objective="min pokrovsk.route_cut", replications=30, budget=4,
                fresh_replications=30)
        self.assertIn("formations.ua-kursk-strike.personnel", "".join(decision.keys()) +
                      "".join(str(v) for v in decision.values()))
        with self.assertRaises(frontsim.Error) as cm:
            frontsim.optimize(DEFAULT, "/nonexistent/x", decisions=["no.such.setting=1:2"],
                              objective="min pokrovsk.route_cut")
        self.assertEqual(cm.exception.status, "input")

    def test_optimize_file_and_kn(self):
        # The problem from the scenario's optimize section, options overriding it.
        strike = os.path.join(os.path.dirname(DEFAULT), "optimize", "strike-group.cfg")
        with tempfile.TemporaryDirectory() as tmp:
            decision, _ = frontsim.optimize(strike, os.path.join(tmp, "file"),
                                            replications=30, budget=3, fresh_replications=30)
            self.assertEqual(list(decision["setting"]), ["formations.ua-kursk-strike.personnel"])
            decision, _ = frontsim.optimize(
                DEFAULT, os.path.join(tmp, "kn"),
                decisions=["formations.ua-kursk-strike.personnel=3000,6000"],
                objective="min pokrovsk.route_cut", discrete="kn", delta=0.05, first_stage=10,
                replications=30, fresh_replications=30)
            self.assertEqual(list(decision["kind"]), ["discrete"])

    def test_settings_markdown(self):
        self.assertIn("### `run`", frontsim.settings_markdown())


if __name__ == "__main__":
    unittest.main()

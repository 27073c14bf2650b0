/* frontsim: allocation of forces between sectors of a front under a diversion.
 * One include for the whole public API; docs/API.md is its manual.
 *
 * Ownership and lifetimes. Every object the library creates has one owner, the
 * caller, who frees it with the matching fsim_X_free (fsim_free for text): a
 * scenario (fsim_scenario_load), overrides, options (fsim_run_options_new, ...),
 * results (fsim_run), a sweep and a sweep job. Results borrow their scenario: free
 * the results first, the scenario after. A sweep job borrows its sweep and its
 * options; fsim_compare_run and fsim_plot_dir borrow their arguments for the call only.
 * Options copy the texts they are given. Strings the accessors return belong to the
 * object asked and live as long as it. Every freeing function accepts NULL.
 *
 * Errors are values: a function that can fail returns an fsim_status and fills the
 * caller's fsim_error (file, line, setting path, message; err may be NULL); it never
 * exits or aborts. NULL where an object is expected is FSIM_E_INPUT; an accessor
 * answers 0, -1, NULL or NaN instead. GSL's aborting error handler is replaced by
 * the library on first use where the host left GSL's default; a handler the host
 * installed itself is kept.
 *
 * Threads: distinct objects may be used from distinct threads; one object is not
 * to be used from two threads at once. Runs and sweeps use OpenMP threads inside
 * ("threads" option); their results do not depend on the number. Progress callbacks
 * are called from one of those threads, never concurrently, and must not call back
 * into the library; a non-zero return cancels the work (FSIM_E_INTERRUPTED). */
#ifndef FRONTSIM_H
#define FRONTSIM_H

#include "frontsim/compare.h"
#include "frontsim/discover.h"
#include "frontsim/error.h"
#include "frontsim/fit.h"
#include "frontsim/optimize.h"
#include "frontsim/output.h"
#include "frontsim/plot.h"
#include "frontsim/run.h"
#include "frontsim/scenario.h"
#include "frontsim/sweep.h"
#include "frontsim/version.h"

#endif

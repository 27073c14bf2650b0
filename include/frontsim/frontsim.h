/* frontsim: allocation of forces between sectors of a front under a diversion.
 * One include for the whole public API. */
#ifndef FRONTSIM_H
#define FRONTSIM_H

#include "frontsim/compare.h"
#include "frontsim/error.h"
#include "frontsim/fit.h"
#include "frontsim/output.h"
#include "frontsim/plot.h"
#include "frontsim/run.h"
#include "frontsim/scenario.h"
#include "frontsim/sweep.h"
#include "frontsim/version.h"

#endif

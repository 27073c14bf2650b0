/* frontsim sweep with a choice of scheduler: in-process (threads), or MPI ranks. */
#ifndef FRONTSIM_CLI_SWEEP_H
#define FRONTSIM_CLI_SWEEP_H

#include "frontsim/sweep.h"

typedef fsim_status (*cli_sweep_runner)(fsim_sweep *sw, fsim_sweep_options *opt,
                                        const char *dir, fsim_error *err);

/* Parses the sweep options, prepares the sweep and hands it to runner. */
int cli_sweep_with(int argc, char **argv, cli_sweep_runner runner);

#endif

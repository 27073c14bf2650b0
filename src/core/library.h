/* What the library does for itself so that a host does not have to. */
#ifndef FSIM_CORE_LIBRARY_H
#define FSIM_CORE_LIBRARY_H

/* Makes sure GSL's default error handler, which calls abort(), can never fire
 * inside the library: called on entry by every public function that can reach
 * GSL (loading a scenario, fitting), so that no host, a Python session say, needs to
 * know. A handler the host installed itself is left alone. Idempotent and cheap;
 * docs/API.md states the policy. */
void fsim_gsl_policy_apply(void);

#endif

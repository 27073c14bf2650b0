/* The attrition laws of docs/MODEL.md 5 that fix their exponents: a side's losses
 * alpha_j P_j^a N_i^b. Written once for the model (model.attrition.law) and for fit
 * (fsim_fit_law), whose enums list the laws in this order: square, linear,
 * logarithmic, then free (exponents given or fitted, not from here). */
#ifndef FRONTSIM_LAWS_H
#define FRONTSIM_LAWS_H

enum { FSIM_FIXED_LAWS = 3 };

static inline void fsim_law_exponents(int law, double *a, double *b) {
  static const double ab[FSIM_FIXED_LAWS][2] = {{1, 0}, {1, 1}, {0, 1}};
  *a = ab[law][0];
  *b = ab[law][1];
}

#endif

/* The names of the scenario format's enumerations, as written in files and
 * outputs: the one place where "grid", "square", "reinforce", "blue" ... are
 * spelled. The settings table, the messages, the writers and the charts all read
 * them from here. */
#include <string.h>

#include "scenario_internal.h"

const fsim_enum_name fsim_side_names[FSIM_NSIDES] = {
    {.name = "blue", .value = FSIM_BLUE},
    {.name = "red", .value = FSIM_RED},
};

const fsim_enum_name fsim_run_mode_names[FSIM_NMODES] = {
    {.name = "stochastic", .value = FSIM_MODE_STOCHASTIC},
    {.name = "expected", .value = FSIM_MODE_EXPECTED},
};

const fsim_enum_name fsim_attrition_law_names[FSIM_NLAWS] = {
    {.name = "square", .value = FSIM_LAW_SQUARE},
    {.name = "linear", .value = FSIM_LAW_LINEAR},
    {.name = "logarithmic", .value = FSIM_LAW_LOGARITHMIC},
    {.name = "free", .value = FSIM_LAW_FREE},
};

const fsim_enum_name fsim_sweep_method_names[FSIM_NSWEEP_METHODS] = {
    {.name = "grid", .value = FSIM_SWEEP_GRID},
    {.name = "lhs", .value = FSIM_SWEEP_LHS},
    {.name = "sobol", .value = FSIM_SWEEP_SOBOL},
    {.name = "morris", .value = FSIM_SWEEP_MORRIS},
};

const fsim_enum_name fsim_con_op_names[FSIM_NOPS] = {
    {.name = "<", .value = FSIM_OP_LT},
    {.name = "<=", .value = FSIM_OP_LE},
    {.name = ">", .value = FSIM_OP_GT},
    {.name = ">=", .value = FSIM_OP_GE},
};

const fsim_enum_name fsim_discrete_method_names[FSIM_NDISCRETE] = {
    {.name = "enumerate", .value = FSIM_DISCRETE_ENUMERATE},
    {.name = "kn", .value = FSIM_DISCRETE_KN},
};

const fsim_enum_name fsim_rule_type_names[FSIM_RULE_NTYPES] = {
    {.name = "transfer", .value = FSIM_RULE_TRANSFER},
    {.name = "reinforce", .value = FSIM_RULE_REINFORCE},
    {.name = "replacements", .value = FSIM_RULE_REPLACEMENTS},
    {.name = "withdraw", .value = FSIM_RULE_WITHDRAW, .since = 2},
};

const char *fsim_enum_name_of(const fsim_enum_name *names, size_t n, int value) {
  for (size_t i = 0; i < n; i++)
    if (names[i].value == value) return names[i].name;
  return NULL;
}

int fsim_enum_value_of(const fsim_enum_name *names, size_t n, const char *text) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(names[i].name, text) == 0) return names[i].value;
  return -1;
}

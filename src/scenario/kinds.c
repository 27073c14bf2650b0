/* The per-kind operations table (kinds.h): one row per kind of setting, so that
 * what a kind means to the loader, the writer and the reference is read in one
 * place, and a new kind is one new row. */
#include "kinds.h"

#include <stddef.h>

static const fsim_kind_ops kind_ops[] = {
    [FSIM_K_INT] = {.load = fsim_load_integer, .set_default = fsim_default_int,
                    .is_unset = fsim_unset_int, .write = fsim_write_int, .doc_name = "integer",
                    .doc_default = fsim_doc_default_number, .numeric = 1},
    [FSIM_K_INT64] = {.load = fsim_load_integer, .set_default = fsim_default_int64,
                      .write = fsim_write_int64, .doc_name = "integer",
                      .doc_default = fsim_doc_default_number, .numeric = 1},
    [FSIM_K_FLOAT] = {.load = fsim_load_float, .set_default = fsim_default_float,
                      .is_unset = fsim_unset_float, .write = fsim_write_float,
                      .doc_name = "number", .doc_type = fsim_doc_type_float,
                      .doc_default = fsim_doc_default_number, .numeric = 1},
    [FSIM_K_TEXT] = {.load = fsim_load_text, .set_default = fsim_default_text,
                     .is_unset = fsim_unset_text, .write = fsim_write_text,
                     .doc_name = "string", .doc_default = fsim_doc_default_text},
    [FSIM_K_NAME] = {.load = fsim_load_text, .set_default = fsim_default_text,
                     .is_unset = fsim_unset_text, .write = fsim_write_text, .doc_name = "name",
                     .doc_default = fsim_doc_default_text},
    [FSIM_K_REF] = {.load = fsim_load_text, .set_default = fsim_default_text,
                    .is_unset = fsim_unset_text, .write = fsim_write_text,
                    .doc_name = "name of a", .doc_type = fsim_doc_type_ref,
                    .doc_default = fsim_doc_default_text},
    [FSIM_K_REFLIST] = {.load = fsim_load_reflist, .set_default = fsim_default_counted,
                        .is_unset = fsim_unset_counted, .write = fsim_write_reflist,
                        .doc_name = "array of names of", .doc_type = fsim_doc_type_ref,
                        .doc_default = fsim_doc_default_text},
    [FSIM_K_TEXTS] = {.load = fsim_load_texts, .set_default = fsim_default_counted,
                      .is_unset = fsim_unset_counted, .write = fsim_write_texts,
                      .doc_name = "string or array of strings",
                      .doc_default = fsim_doc_default_text},
    [FSIM_K_ENUM] = {.load = fsim_load_enum, .set_default = fsim_default_int,
                     .write = fsim_write_enum, .doc_name = "one of",
                     .doc_type = fsim_doc_type_enum, .doc_default = fsim_doc_default_enum},
    [FSIM_K_DATE] = {.load = fsim_load_text, .set_default = fsim_default_text,
                     .is_unset = fsim_unset_text, .write = fsim_write_text, .doc_name = "date",
                     .doc_default = fsim_doc_default_text},
    [FSIM_K_NUMLIST] = {.load = fsim_load_numlist, .set_default = fsim_default_counted,
                        .is_unset = fsim_unset_counted, .write = fsim_write_numlist,
                        .doc_name = "array of numbers", .doc_default = fsim_doc_default_text},
    [FSIM_K_VALUE] = {.load = fsim_load_value, .set_default = fsim_default_text,
                      .is_unset = fsim_unset_text, .write = fsim_write_value,
                      .doc_name = "any value", .doc_default = fsim_doc_default_text},
    [FSIM_K_GROUP] = {.structural = 1, .set_default = fsim_default_group,
                      .is_unset = fsim_unset_group, .doc_name = "group",
                      .doc_default = fsim_doc_default_text},
    [FSIM_K_LIST] = {.structural = 1, .set_default = fsim_default_list,
                     .is_unset = fsim_unset_counted, .doc_name = "list of groups",
                     .doc_default = fsim_doc_default_text},
};

_Static_assert(sizeof kind_ops / sizeof kind_ops[0] == FSIM_K_LIST + 1,
               "every kind has a row");

const fsim_kind_ops *fsim_kind_ops_of(fsim_kind k) { return &kind_ops[k]; }

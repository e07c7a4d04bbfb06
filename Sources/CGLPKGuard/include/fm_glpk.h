#ifndef FELLOWMATCH_GLPK_GUARD_H
#define FELLOWMATCH_GLPK_GUARD_H

/*
 * The only C that touches GLPK. Every entry point builds its own glp_prob,
 * works on it and deletes it before returning, all on the calling thread,
 * inside a setjmp/glp_error_hook guard: an invalid use of GLPK (which would
 * otherwise abort() the process) comes back as FM_FATAL with GLPK's message.
 * Only C frames sit between the setjmp and GLPK; Swift callbacks never call
 * GLPK themselves.
 */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum fm_col_kind { FM_CONTINUOUS = 0, FM_INTEGER = 1, FM_BINARY = 2 };

/* A problem as flat arrays. Bounds use -HUGE_VAL / +HUGE_VAL for "none".
 * The matrix is in triplet form with 0-based row and column indices and no
 * duplicate entries. Names may be NULL. */
typedef struct fm_problem {
    const char *name;
    int maximize;
    int ncols;
    const int *col_kind;
    const double *col_lb;
    const double *col_ub;
    const double *obj;
    double obj_constant;
    const char *const *col_names;
    int nrows;
    const double *row_lb;
    const double *row_ub;
    const char *const *row_names;
    int nnz;
    const int *ia;
    const int *ja;
    const double *ar;
} fm_problem;

/* One subproblem of the branch-and-bound search as GLPK holds it, shown to
 * the application before GLPK solves its LP (GLP_IPREPRO; presolve off
 * only, so that the columns are the problem's own). */
typedef struct fm_node {
    int ncols;
    const double *lb;     /* column bounds (0-based; -HUGE_VAL / HUGE_VAL: none) */
    const double *ub;
    int has_incumbent;
    double incumbent;     /* objective of GLPK's incumbent */
    /* Answered by the application: */
    int prune;            /* 1: no solution better than the incumbent lies here */
    double *new_lb;       /* tightened bounds; start as copies of lb and ub */
    double *new_ub;
    int has_solution;     /* 1: solution (0-based, ncols) is feasible for the whole problem */
    double *solution;
} fm_node;

/* Must not call GLPK. */
typedef void (*fm_node_fn)(void *context, fm_node *node);

/* Must not call GLPK. */
typedef int (*fm_stop_fn)(void *context);

typedef struct fm_params {
    int msg_lev;          /* GLP_MSG_OFF .. GLP_MSG_ALL */
    int presolve;         /* 0/1 */
    int tm_lim_ms;        /* <= 0: none */
    double mip_gap;       /* relative gap */
    int gmi_cuts, mir_cuts, cov_cuts, clq_cuts;
    int br_tech;          /* GLP_BR_* */
    int bt_tech;          /* GLP_BT_* */
    int fp_heur;          /* feasibility pump */
    int ps_heur;          /* proximity search */
    double progress_interval; /* seconds between progress reports (not counting new incumbents) */
    int node_limit;       /* <= 0: none; else stop once the search has created this many subproblems */
    int it_limit;         /* <= 0: none; else stop (as interrupted) once the simplex has made this many
                           * iterations in all: the warm start's, the root LP's and the search's. Like
                           * node_limit, the same point on every run; it also bounds a slow root LP. */
    /* A starting solution (length ncols), or NULL. Used only for integer
     * programs with presolve off: its integer columns are fixed, an LP
     * completes the continuous ones, and if that succeeds the root LP starts
     * from the resulting basis and the completed solution is offered to the
     * search as its first incumbent. Otherwise it is ignored. */
    const double *start;
    /* Examines each subproblem (see fm_node), or NULL. Pruning makes GLPK
     * fix every integer column of the subproblem at its lower bound, so the
     * subproblem becomes a single point that GLPK still evaluates; tightened
     * bounds are kept by the subproblem's descendants; a solution is offered
     * to the search at its next heuristic call (glp_ios_heur_sol). */
    fm_node_fn node;
    /* Asked at every callback of the branch-and-bound whether to stop, or
     * NULL; non-zero ends the search as interrupted with the best solution
     * found so far. Must not call GLPK. */
    fm_stop_fn stopped;
} fm_params;

typedef struct fm_progress {
    int has_incumbent;
    double incumbent;
    int has_bound;
    double bound;
    double gap;          /* relative gap as GLPK computes it; meaningful with an incumbent */
    double elapsed;      /* seconds since the solve started */
    int nodes;           /* subproblems created so far */
} fm_progress;

typedef void (*fm_progress_fn)(void *context, const fm_progress *progress);
typedef void (*fm_log_fn)(void *context, const char *text);

#define FM_MESSAGE_SIZE 2048

typedef struct fm_outcome {
    int fatal;           /* 1: GLPK reported a fatal error (message holds it) */
    int is_mip;
    int ret;             /* glp_intopt / glp_simplex return code */
    int status;          /* glp_mip_status / glp_get_status */
    double objective;
    int has_bound;
    double bound;        /* best bound seen during the search */
    double elapsed;
    int nodes;
    char message[FM_MESSAGE_SIZE]; /* tail of GLPK's terminal output */
} fm_outcome;

/* Builds, solves (glp_intopt when any column is integer, else glp_simplex)
 * and deletes the problem. values (length ncols) and row_duals (length nrows,
 * LP only; may be NULL) receive the solution. Returns 0, or 1 on a fatal
 * GLPK error. */
int fm_solve(const fm_problem *problem, const fm_params *params,
             fm_progress_fn progress, fm_log_fn log, void *context,
             fm_outcome *outcome, double *values, double *row_duals);

enum fm_format { FM_FORMAT_LP = 0, FM_FORMAT_MPS = 1 };

/* Writes the problem to a file. Returns 0, or non-zero with message filled. */
int fm_write(const fm_problem *problem, int format, const char *path,
             char *message, size_t message_size);

/* Reads a model file written in `format` and solves it with the given
 * parameters (used to check exports and to run GLPK on foreign models).
 * Returns 0, or non-zero with outcome->message filled. */
int fm_solve_file(const char *path, int format, const fm_params *params,
                  fm_outcome *outcome);

#ifdef __cplusplus
}
#endif

#endif

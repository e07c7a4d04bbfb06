#include "fm_glpk.h"

#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------------------
 * Terminal capture: GLPK's messages go to the log sink and the tail is kept
 * for error messages.
 * ------------------------------------------------------------------------- */

typedef struct fm_session {
    jmp_buf jump;
    fm_log_fn log;
    fm_progress_fn progress;
    void *context;
    const fm_params *params;
    char tail[FM_MESSAGE_SIZE];
    double started;
    double last_report;
    int has_bound;
    double bound;
    int nodes;
    int offered_start;
    int ncols;
    /* A complete feasible solution built from params->start (1-based,
     * length ncols + 1), offered to the search at the root; or NULL. */
    double *incumbent;
    /* Subproblem examination (params->node): work arrays (0-based, ncols),
     * a solution waiting for the next heuristic call (1-based), counts. */
    double *node_lb, *node_ub, *node_new_lb, *node_new_ub, *node_solution, *pending;
    int has_pending;
    int examined, pruned, tightened, offered;
} fm_session;

static void fm_keep_tail(fm_session *s, const char *text) {
    size_t have = strlen(s->tail);
    size_t add = strlen(text);
    if (add >= FM_MESSAGE_SIZE) {
        text += add - (FM_MESSAGE_SIZE - 1);
        add = FM_MESSAGE_SIZE - 1;
    }
    if (have + add >= FM_MESSAGE_SIZE) {
        size_t drop = have + add - (FM_MESSAGE_SIZE - 1);
        memmove(s->tail, s->tail + drop, have - drop + 1);
        have -= drop;
    }
    memcpy(s->tail + have, text, add + 1);
}

static int fm_term_hook(void *info, const char *text) {
    fm_session *s = (fm_session *)info;
    fm_keep_tail(s, text);
    if (s->log != NULL) s->log(s->context, text);
    return 1; /* never write to stdout ourselves */
}

static void fm_error_hook(void *info) {
    fm_session *s = (fm_session *)info;
    longjmp(s->jump, 1);
}

static void fm_begin(fm_session *s) {
    glp_term_hook(fm_term_hook, s);
    glp_error_hook(fm_error_hook, s);
}

/* Releases this thread's GLPK environment: every problem on it is gone. */
static void fm_end(void) {
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    glp_free_env();
}

/* ---------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------- */

static int fm_bound_type(double lb, double ub) {
    int has_lb = lb > -HUGE_VAL, has_ub = ub < HUGE_VAL;
    if (has_lb && has_ub) return lb == ub ? GLP_FX : GLP_DB;
    if (has_lb) return GLP_LO;
    if (has_ub) return GLP_UP;
    return GLP_FR;
}

static double fm_finite(double v) { return isinf(v) ? 0.0 : v; }

static int fm_any_integer(const fm_problem *p) {
    for (int j = 0; j < p->ncols; j++)
        if (p->col_kind[j] != FM_CONTINUOUS) return 1;
    return 0;
}

static glp_prob *fm_load(const fm_problem *p, int negate_objective) {
    glp_prob *P = glp_create_prob();
    if (p->name != NULL) glp_set_prob_name(P, p->name);
    glp_set_obj_dir(P, (p->maximize && !negate_objective) ? GLP_MAX : GLP_MIN);
    double sign = negate_objective ? -1.0 : 1.0;
    glp_set_obj_coef(P, 0, sign * p->obj_constant);
    if (p->nrows > 0) glp_add_rows(P, p->nrows);
    for (int i = 0; i < p->nrows; i++) {
        if (p->row_names != NULL && p->row_names[i] != NULL)
            glp_set_row_name(P, i + 1, p->row_names[i]);
        glp_set_row_bnds(P, i + 1, fm_bound_type(p->row_lb[i], p->row_ub[i]),
                         fm_finite(p->row_lb[i]), fm_finite(p->row_ub[i]));
    }
    if (p->ncols > 0) glp_add_cols(P, p->ncols);
    for (int j = 0; j < p->ncols; j++) {
        if (p->col_names != NULL && p->col_names[j] != NULL)
            glp_set_col_name(P, j + 1, p->col_names[j]);
        switch (p->col_kind[j]) {
        case FM_INTEGER: glp_set_col_kind(P, j + 1, GLP_IV); break;
        case FM_BINARY: glp_set_col_kind(P, j + 1, GLP_IV); break;
        default: break;
        }
        glp_set_col_bnds(P, j + 1, fm_bound_type(p->col_lb[j], p->col_ub[j]),
                         fm_finite(p->col_lb[j]), fm_finite(p->col_ub[j]));
        glp_set_obj_coef(P, j + 1, sign * p->obj[j]);
    }
    if (p->nnz > 0) {
        /* GLPK's arrays are 1-based: element 0 is unused. */
        int *ia = (int *)glp_alloc(p->nnz + 1, sizeof(int));
        int *ja = (int *)glp_alloc(p->nnz + 1, sizeof(int));
        double *ar = (double *)glp_alloc(p->nnz + 1, sizeof(double));
        for (int k = 0; k < p->nnz; k++) {
            ia[k + 1] = p->ia[k] + 1;
            ja[k + 1] = p->ja[k] + 1;
            ar[k + 1] = p->ar[k];
        }
        glp_load_matrix(P, p->nnz, ia, ja, ar);
        glp_free(ia);
        glp_free(ja);
        glp_free(ar);
    }
    return P;
}

/* ---------------------------------------------------------------------------
 * Branch-and-cut callback: bound tracking, progress, a starting solution.
 * ------------------------------------------------------------------------- */

static void fm_track_bound(fm_session *s, glp_tree *T) {
    int best = glp_ios_best_node(T);
    if (best != 0) {
        s->bound = glp_ios_node_bound(T, best);
        s->has_bound = 1;
    }
    int a_cnt = 0, n_cnt = 0, t_cnt = 0;
    glp_ios_tree_size(T, &a_cnt, &n_cnt, &t_cnt);
    s->nodes = t_cnt;
}

static void fm_report(fm_session *s, glp_tree *T, int force) {
    if (s->progress == NULL) return;
    double now = glp_time();
    double elapsed = glp_difftime(now, s->started);
    if (!force && glp_difftime(now, s->last_report) < s->params->progress_interval) return;
    s->last_report = now;
    glp_prob *P = glp_ios_get_prob(T);
    fm_progress pr;
    memset(&pr, 0, sizeof pr);
    int status = glp_mip_status(P);
    pr.has_incumbent = (status == GLP_FEAS || status == GLP_OPT);
    pr.incumbent = pr.has_incumbent ? glp_mip_obj_val(P) : 0.0;
    pr.has_bound = s->has_bound;
    pr.bound = s->bound;
    pr.gap = pr.has_incumbent ? glp_ios_mip_gap(T) : HUGE_VAL;
    pr.elapsed = elapsed;
    pr.nodes = s->nodes;
    s->progress(s->context, &pr);
}

/* Pruning: every integer column fixed at its lower bound (its upper bound
 * when it has none), so the subproblem is one point. GLPK's LP then finds it
 * infeasible, or no better than the incumbent, or a genuine solution (which
 * GLPK records as it would any other); in each case the branch ends there.
 * GLPK has no call to drop the current subproblem from a callback. */
static void fm_collapse(glp_prob *P, int n) {
    for (int j = 1; j <= n; j++) {
        if (glp_get_col_kind(P, j) == GLP_CV) continue;
        int type = glp_get_col_type(P, j);
        if (type == GLP_FR) continue;
        double v = (type == GLP_UP) ? glp_get_col_ub(P, j) : glp_get_col_lb(P, j);
        glp_set_col_bnds(P, j, GLP_FX, v, v);
    }
}

/* Shows the current subproblem to the application (params->node) and applies
 * its answer: prune, tighten bounds, keep a solution for the next heuristic
 * call. Bounds changed here are part of the subproblem, so GLPK's own
 * bookkeeping hands them down to its children. */
static void fm_examine(fm_session *s, glp_tree *T) {
    glp_prob *P = glp_ios_get_prob(T);
    int n = s->ncols;
    if (s->node_lb == NULL || glp_get_num_cols(P) != n) return;
    for (int j = 0; j < n; j++) {
        int type = glp_get_col_type(P, j + 1);
        s->node_lb[j] = (type == GLP_FR || type == GLP_UP) ? -HUGE_VAL : glp_get_col_lb(P, j + 1);
        s->node_ub[j] = (type == GLP_FR || type == GLP_LO) ? HUGE_VAL : glp_get_col_ub(P, j + 1);
        s->node_new_lb[j] = s->node_lb[j];
        s->node_new_ub[j] = s->node_ub[j];
    }
    fm_node node;
    memset(&node, 0, sizeof node);
    node.ncols = n;
    node.lb = s->node_lb;
    node.ub = s->node_ub;
    int status = glp_mip_status(P);
    node.has_incumbent = (status == GLP_FEAS || status == GLP_OPT);
    node.incumbent = node.has_incumbent ? glp_mip_obj_val(P) : 0.0;
    node.new_lb = s->node_new_lb;
    node.new_ub = s->node_new_ub;
    node.solution = s->node_solution;
    s->params->node(s->context, &node);
    s->examined++;
    if (node.has_solution) {
        s->pending[0] = 0.0;
        for (int j = 0; j < n; j++) s->pending[j + 1] = s->node_solution[j];
        s->has_pending = 1;
    }
    if (node.prune) {
        fm_collapse(P, n);
        s->pruned++;
        return;
    }
    for (int j = 0; j < n; j++) {
        double lb = s->node_lb[j], ub = s->node_ub[j];
        double nl = node.new_lb[j] > lb ? node.new_lb[j] : lb;
        double nu = node.new_ub[j] < ub ? node.new_ub[j] : ub;
        if (nl > nu) {
            fm_collapse(P, n);
            s->pruned++;
            return;
        }
        if (nl != lb || nu != ub) {
            glp_set_col_bnds(P, j + 1, fm_bound_type(nl, nu), fm_finite(nl), fm_finite(nu));
            s->tightened++;
        }
    }
}

static void fm_callback(glp_tree *T, void *info) {
    fm_session *s = (fm_session *)info;
    if (s->params->stopped != NULL && s->params->stopped(s->context)) {
        glp_ios_terminate(T);
        return;
    }
    switch (glp_ios_reason(T)) {
    case GLP_IHEUR:
        if (s->incumbent != NULL && !s->offered_start && glp_ios_curr_node(T) == 1) {
            s->offered_start = 1;
            /* Only valid when the search sees the original columns (presolve
             * off, which the warm start requires). */
            glp_prob *P = glp_ios_get_prob(T);
            if (glp_get_num_cols(P) == s->ncols) glp_ios_heur_sol(T, s->incumbent);
        }
        if (s->has_pending) {
            s->has_pending = 0;
            if (glp_ios_heur_sol(T, s->pending) == 0) s->offered++;
        }
        break;
    case GLP_IPREPRO:
        if (s->params->node != NULL) fm_examine(s, T);
        /* fall through */
    case GLP_ISELECT:
    case GLP_IBRANCH:
        fm_track_bound(s, T);
        fm_report(s, T, 0);
        /* A node limit stops at the same point on every run, unlike a time limit. */
        if (s->params->node_limit > 0 && s->nodes >= s->params->node_limit) glp_ios_terminate(T);
        else if (s->params->it_limit > 0 && glp_get_it_cnt(glp_ios_get_prob(T)) >= s->params->it_limit)
            glp_ios_terminate(T);
        break;
    case GLP_IBINGO:
        fm_track_bound(s, T);
        fm_report(s, T, 1);
        break;
    default:
        break;
    }
}

/* ---------------------------------------------------------------------------
 * Warm start: the root LP begins at a known integer solution.
 *
 * GLPK's primal simplex from the standard (all-slack) basis first finds any
 * feasible point, then walks to the optimum one vertex at a time; on a
 * placement of 1,000 fellows that is ~9,000 iterations, because the first
 * feasible point leaves most fellows unplaced. Started from a basis whose
 * solution is a good placement, it needs a fraction of that.
 *
 * Given values for the integer columns (a heuristic's solution), the integer
 * columns are fixed there and the LP over the continuous columns (payments)
 * is solved: if feasible, its optimal basis, with the integer columns freed
 * again at their bounds, is a primal feasible basis of the whole LP, and its
 * solution is a complete feasible solution, offered to the search as the
 * first incumbent. If not, the standard basis is restored: the start only
 * ever saves time, it never changes what is optimal.
 * ------------------------------------------------------------------------- */

/* After the LP with fixed integer columns, every equality row whose only
 * basic variable is its own (fixed) auxiliary would block the simplex: each
 * column entering through that row makes a degenerate pivot first. Where an
 * integer column of the row is at a non-zero value and has no entry in a row
 * already handled, it takes the auxiliary's place in the basis. The point is
 * the same (the column keeps its value, the auxiliary stays at its bound), and
 * the basis stays non-singular: in each handled row the new column is the
 * only basic one, as the auxiliary was.
 * Checked by factorising; on failure the previous basis is restored. */
static void fm_swap_fixed_basics(glp_prob *P, const double *at) {
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    int *ind = (int *)glp_alloc(n + 1, sizeof(int));
    double *val = (double *)glp_alloc(n + 1, sizeof(double));
    int *cind = (int *)glp_alloc(m + 1, sizeof(int));
    double *cval = (double *)glp_alloc(m + 1, sizeof(double));
    char *swapped = (char *)glp_alloc(m + 1, sizeof(char));
    int *swapped_row = (int *)glp_alloc(m + 1, sizeof(int));
    int *swapped_col = (int *)glp_alloc(m + 1, sizeof(int));
    int *old_stat = (int *)glp_alloc(m + 1, sizeof(int));
    int nswap = 0;
    memset(swapped, 0, (size_t)(m + 1));
    for (int i = 1; i <= m; i++) {
        if (glp_get_row_type(P, i) != GLP_FX || glp_get_row_stat(P, i) != GLP_BS) continue;
        int len = glp_get_mat_row(P, i, ind, val);
        int pick = 0, clash = 0;
        for (int k = 1; k <= len; k++) {
            int j = ind[k];
            if (glp_get_col_stat(P, j) == GLP_BS) { clash = 1; break; }
            if (pick == 0 && glp_get_col_kind(P, j) != GLP_CV && at[j] != 0.0) pick = j;
        }
        if (clash || pick == 0) continue;
        int clen = glp_get_mat_col(P, pick, cind, cval);
        int bad = 0;
        for (int k = 1; k <= clen; k++) if (swapped[cind[k]]) { bad = 1; break; }
        if (bad) continue;
        swapped[i] = 1;
        swapped_row[nswap] = i;
        swapped_col[nswap] = pick;
        old_stat[nswap] = glp_get_col_stat(P, pick);
        nswap++;
        glp_set_row_stat(P, i, GLP_NS);
        glp_set_col_stat(P, pick, GLP_BS);
    }
    if (nswap > 0 && glp_factorize(P) != 0) {
        for (int k = 0; k < nswap; k++) {
            glp_set_row_stat(P, swapped_row[k], GLP_BS);
            glp_set_col_stat(P, swapped_col[k], old_stat[k]);
        }
    }
    glp_free(ind); glp_free(val); glp_free(cind); glp_free(cval); glp_free(swapped);
    glp_free(swapped_row); glp_free(swapped_col); glp_free(old_stat);
}

/* Simplex iterations of params->it_limit left (at least 1: GLPK reads 0 as none left). */
static int fm_iterations_left(glp_prob *P, const fm_params *params) {
    int left = params->it_limit - glp_get_it_cnt(P);
    return left > 1 ? left : 1;
}

/* Milliseconds of params->tm_lim_ms left since the solve started (at least 1). */
static int fm_time_left(const fm_session *s, const fm_params *params) {
    double used = 1000.0 * glp_difftime(glp_time(), s->started);
    double left = (double)params->tm_lim_ms - used;
    return left > 1.0 ? (int)left : 1;
}

static int fm_warm_start(glp_prob *P, const fm_problem *p, const double *start,
                         const fm_params *params, fm_session *s) {
    int n = p->ncols;
    int *type = (int *)glp_alloc(n + 1, sizeof(int));
    double *lb = (double *)glp_alloc(n + 1, sizeof(double));
    double *ub = (double *)glp_alloc(n + 1, sizeof(double));
    double *at = (double *)glp_alloc(n + 1, sizeof(double));
    for (int j = 1; j <= n; j++) {
        at[j] = 0.0;
        type[j] = glp_get_col_type(P, j);
        lb[j] = glp_get_col_lb(P, j);
        ub[j] = glp_get_col_ub(P, j);
        if (glp_get_col_kind(P, j) == GLP_CV) continue;
        double v = floor(start[j - 1] + 0.5);
        if ((type[j] == GLP_LO || type[j] == GLP_DB || type[j] == GLP_FX) && v < lb[j]) v = lb[j];
        if ((type[j] == GLP_UP || type[j] == GLP_DB || type[j] == GLP_FX) && v > ub[j]) v = ub[j];
        at[j] = v;
        glp_set_col_bnds(P, j, GLP_FX, v, v);
    }
    glp_std_basis(P);
    glp_smcp sm;
    glp_init_smcp(&sm);
    sm.msg_lev = params->msg_lev < GLP_MSG_ON ? params->msg_lev : GLP_MSG_ERR;
    if (params->msg_lev >= GLP_MSG_ON) glp_printf("Warm start: completing the starting solution...\n");
    if (params->tm_lim_ms > 0) sm.tm_lim = fm_time_left(s, params);
    if (params->it_limit > 0) sm.it_lim = fm_iterations_left(P, params);
    int ok = glp_simplex(P, &sm) == 0 && glp_get_status(P) == GLP_OPT;
    if (ok) {
        s->incumbent = (double *)glp_alloc(n + 1, sizeof(double));
        s->incumbent[0] = 0.0;
        for (int j = 1; j <= n; j++) s->incumbent[j] = glp_get_col_prim(P, j);
    }
    for (int j = 1; j <= n; j++) {
        if (glp_get_col_kind(P, j) == GLP_CV) continue;
        glp_set_col_bnds(P, j, type[j], lb[j], ub[j]);
        if (!ok || glp_get_col_stat(P, j) == GLP_BS) continue;
        /* Non-basic at the bound where the start put it (an integer column
         * strictly inside its bounds cannot be non-basic there; it then
         * starts at its lower bound, which only costs iterations). */
        int stat;
        switch (type[j]) {
        case GLP_FX: stat = GLP_NS; break;
        case GLP_UP: stat = GLP_NU; break;
        case GLP_DB: stat = at[j] >= ub[j] ? GLP_NU : GLP_NL; break;
        case GLP_LO: stat = GLP_NL; break;
        default: stat = GLP_NF; break;
        }
        glp_set_col_stat(P, j, stat);
    }
    if (ok) fm_swap_fixed_basics(P, at);
    if (!ok) {
        if (s->incumbent != NULL) { glp_free(s->incumbent); s->incumbent = NULL; }
        glp_std_basis(P);
    }
    if (params->msg_lev >= GLP_MSG_ON)
        glp_printf(ok ? "Warm start: feasible, objective %.9g (%d iterations); the root LP starts there\n"
                      : "Warm start: infeasible; the root LP starts from the slack basis\n",
                   ok ? glp_get_obj_val(P) : 0.0, glp_get_it_cnt(P));
    glp_free(type);
    glp_free(lb);
    glp_free(ub);
    glp_free(at);
    return ok;
}

/* ---------------------------------------------------------------------------
 * Entry points
 * ------------------------------------------------------------------------- */

/* Branch-and-cut parameters from ours, with the callback attached. */
static void fm_init_iocp(glp_iocp *parm, const fm_params *params, fm_session *s) {
    glp_init_iocp(parm);
    parm->msg_lev = params->msg_lev;
    parm->presolve = params->presolve ? GLP_ON : GLP_OFF;
    if (params->tm_lim_ms > 0) parm->tm_lim = params->tm_lim_ms;
    parm->mip_gap = params->mip_gap;
    parm->gmi_cuts = params->gmi_cuts ? GLP_ON : GLP_OFF;
    parm->mir_cuts = params->mir_cuts ? GLP_ON : GLP_OFF;
    parm->cov_cuts = params->cov_cuts ? GLP_ON : GLP_OFF;
    parm->clq_cuts = params->clq_cuts ? GLP_ON : GLP_OFF;
    if (params->br_tech > 0) parm->br_tech = params->br_tech;
    if (params->bt_tech > 0) parm->bt_tech = params->bt_tech;
    parm->fp_heur = params->fp_heur ? GLP_ON : GLP_OFF;
    parm->ps_heur = params->ps_heur ? GLP_ON : GLP_OFF;
    parm->cb_func = fm_callback;
    parm->cb_info = s;
}

static void fm_copy_message(char *dst, size_t size, const char *src) {
    if (size == 0) return;
    strncpy(dst, src, size - 1);
    dst[size - 1] = '\0';
}

/* A search stopped (time or node limit) before it took the completed
 * starting solution as its incumbent still has that solution: report it
 * rather than none. */
static void fm_fall_back_on_start(const fm_session *s, const fm_problem *problem,
                                  fm_outcome *outcome, double *values) {
    if (s->incumbent == NULL || outcome->status == GLP_OPT || outcome->status == GLP_FEAS) return;
    double objective = problem->obj_constant;
    for (int j = 0; j < problem->ncols; j++) {
        values[j] = s->incumbent[j + 1];
        objective += problem->obj[j] * values[j];
    }
    outcome->status = GLP_FEAS;
    outcome->objective = objective;
}

int fm_solve(const fm_problem *problem, const fm_params *params,
             fm_progress_fn progress, fm_log_fn log, void *context,
             fm_outcome *outcome, double *values, double *row_duals) {
    fm_session s;
    memset(&s, 0, sizeof s);
    memset(outcome, 0, sizeof *outcome);
    s.log = log;
    s.progress = progress;
    s.context = context;
    s.params = params;
    s.ncols = problem->ncols;

    if (setjmp(s.jump) != 0) {
        fm_end();
        outcome->fatal = 1;
        fm_copy_message(outcome->message, sizeof outcome->message, s.tail);
        return 1;
    }
    fm_begin(&s);
    s.started = glp_time();
    s.last_report = s.started;

    glp_prob *P = fm_load(problem, 0);
    /* Scale rows and columns (geometric mean, equilibration, powers of 2), as
     * glpsol does: without it GLPK's simplex is several times slower on
     * models mixing 0/1 assignments with money. */
    glp_scale_prob(P, GLP_SF_AUTO);
    int is_mip = fm_any_integer(problem);
    outcome->is_mip = is_mip;
    int ret;
    if (is_mip) {
        glp_iocp parm;
        fm_init_iocp(&parm, params, &s);
        if (!params->presolve) {
            if (params->start != NULL) fm_warm_start(P, problem, params->start, params, &s);
            if (params->node != NULL) {
                int n = problem->ncols;
                s.node_lb = (double *)glp_alloc(n + 1, sizeof(double));
                s.node_ub = (double *)glp_alloc(n + 1, sizeof(double));
                s.node_new_lb = (double *)glp_alloc(n + 1, sizeof(double));
                s.node_new_ub = (double *)glp_alloc(n + 1, sizeof(double));
                s.node_solution = (double *)glp_alloc(n + 1, sizeof(double));
                s.pending = (double *)glp_alloc(n + 1, sizeof(double));
            }
            /* glp_intopt needs an optimal LP basis when presolve is off. */
            glp_smcp sm;
            glp_init_smcp(&sm);
            sm.msg_lev = params->msg_lev;
            if (params->tm_lim_ms > 0) sm.tm_lim = fm_time_left(&s, params);
            if (params->it_limit > 0) sm.it_lim = fm_iterations_left(P, params);
            int lp = glp_simplex(P, &sm);
            if (lp == GLP_EITLIM) lp = GLP_ESTOP; /* the iteration limit: interrupted, like node_limit */
            if (lp != 0 || glp_get_status(P) != GLP_OPT) {
                ret = lp != 0 ? lp : (glp_get_status(P) == GLP_NOFEAS ? GLP_ENOPFS : GLP_ENODFS);
                outcome->ret = ret;
                outcome->status = glp_get_status(P) == GLP_NOFEAS ? GLP_NOFEAS
                                : glp_get_status(P) == GLP_UNBND ? GLP_UNBND : GLP_UNDEF;
                if (ret == GLP_ETMLIM || ret == GLP_ESTOP) fm_fall_back_on_start(&s, problem, outcome, values);
                outcome->elapsed = glp_difftime(glp_time(), s.started);
                glp_delete_prob(P);
                fm_end();
                return 0;
            }
        }
        /* The warm start and the root LP took part of the limit: the search gets what is left. */
        if (params->tm_lim_ms > 0) parm.tm_lim = fm_time_left(&s, params);
        ret = glp_intopt(P, &parm);
        if (s.node_lb != NULL && params->msg_lev >= GLP_MSG_ON)
            glp_printf("Subproblems examined: %d; pruned %d; bounds tightened %d; solutions taken %d\n",
                       s.examined, s.pruned, s.tightened, s.offered);
        outcome->ret = ret;
        outcome->status = glp_mip_status(P);
        if (outcome->status == GLP_OPT || outcome->status == GLP_FEAS) {
            outcome->objective = glp_mip_obj_val(P);
            for (int j = 0; j < problem->ncols; j++) values[j] = glp_mip_col_val(P, j + 1);
        }
        if (ret == GLP_ETMLIM || ret == GLP_ESTOP) fm_fall_back_on_start(&s, problem, outcome, values);
    } else {
        glp_smcp parm;
        glp_init_smcp(&parm);
        parm.msg_lev = params->msg_lev;
        parm.presolve = params->presolve ? GLP_ON : GLP_OFF;
        if (params->tm_lim_ms > 0) parm.tm_lim = params->tm_lim_ms;
        ret = glp_simplex(P, &parm);
        if (params->presolve && (ret == GLP_ENOPFS || ret == GLP_ENODFS)) {
            /* The LP presolver says "infeasible or unbounded" without a
             * status; solve again without it to tell them apart. */
            parm.presolve = GLP_OFF;
            ret = glp_simplex(P, &parm);
        }
        outcome->ret = ret;
        outcome->status = glp_get_status(P);
        if (outcome->status == GLP_OPT || outcome->status == GLP_FEAS) {
            outcome->objective = glp_get_obj_val(P);
            for (int j = 0; j < problem->ncols; j++) values[j] = glp_get_col_prim(P, j + 1);
            if (row_duals != NULL)
                for (int i = 0; i < problem->nrows; i++) row_duals[i] = glp_get_row_dual(P, i + 1);
        }
        if (outcome->status == GLP_OPT) {
            outcome->has_bound = 1;
            outcome->bound = outcome->objective;
        }
    }
    if (is_mip) {
        outcome->has_bound = s.has_bound;
        outcome->bound = s.bound;
    }
    outcome->nodes = s.nodes;
    outcome->elapsed = glp_difftime(glp_time(), s.started);
    fm_copy_message(outcome->message, sizeof outcome->message, s.tail);
    glp_delete_prob(P);
    fm_end();
    return 0;
}

int fm_write(const fm_problem *problem, int format, const char *path,
             char *message, size_t message_size) {
    fm_session s;
    memset(&s, 0, sizeof s);
    if (setjmp(s.jump) != 0) {
        fm_end();
        fm_copy_message(message, message_size, s.tail);
        return 1;
    }
    fm_begin(&s);
    /* MPS has no objective sense: a maximisation is written negated. */
    int negate = (format == FM_FORMAT_MPS && problem->maximize);
    glp_prob *P = fm_load(problem, negate);
    int rc;
    if (format == FM_FORMAT_MPS) {
        rc = glp_write_mps(P, GLP_MPS_FILE, NULL, path);
    } else {
        rc = glp_write_lp(P, NULL, path);
    }
    if (rc != 0) fm_copy_message(message, message_size, s.tail);
    glp_delete_prob(P);
    fm_end();
    return rc;
}

int fm_solve_file(const char *path, int format, const fm_params *params,
                  fm_outcome *outcome) {
    fm_session s;
    memset(&s, 0, sizeof s);
    memset(outcome, 0, sizeof *outcome);
    s.params = params;
    if (setjmp(s.jump) != 0) {
        fm_end();
        outcome->fatal = 1;
        fm_copy_message(outcome->message, sizeof outcome->message, s.tail);
        return 1;
    }
    fm_begin(&s);
    s.started = glp_time();
    glp_prob *P = glp_create_prob();
    int rc = format == FM_FORMAT_MPS ? glp_read_mps(P, GLP_MPS_FILE, NULL, path)
                                      : glp_read_lp(P, NULL, path);
    if (rc != 0) {
        fm_copy_message(outcome->message, sizeof outcome->message, s.tail);
        glp_delete_prob(P);
        fm_end();
        return rc;
    }
    int is_mip = glp_get_num_int(P) > 0;
    outcome->is_mip = is_mip;
    if (is_mip) {
        glp_iocp parm;
        fm_init_iocp(&parm, params, &s);
        parm.presolve = GLP_ON; /* no LP basis of our own here */
        outcome->ret = glp_intopt(P, &parm);
        outcome->status = glp_mip_status(P);
        outcome->objective = glp_mip_obj_val(P);
        outcome->has_bound = s.has_bound;
        outcome->bound = s.bound;
    } else {
        glp_smcp parm;
        glp_init_smcp(&parm);
        parm.msg_lev = params->msg_lev;
        outcome->ret = glp_simplex(P, &parm);
        outcome->status = glp_get_status(P);
        outcome->objective = glp_get_obj_val(P);
    }
    outcome->elapsed = glp_difftime(glp_time(), s.started);
    glp_delete_prob(P);
    fm_end();
    return 0;
}

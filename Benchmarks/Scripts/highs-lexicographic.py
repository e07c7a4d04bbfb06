"""The lexicographic objectives of the scenario format, solved by HiGHS on a model that
`fellowmatch export SCENARIO --format lp` wrote (its objective, total rank with mentor_weight 0,
gives each assign column its rank): one stage per criterion, each holding the previous optimum.

    pip install highspy
    python3 highs-lexicographic.py MODEL.lp rank-maximal|generous [MARGIN]

Each optimum v is held exactly (>= v, or <= v), as FellowMatch holds it; MARGIN (default 0)
holds v - MARGIN instead (0.5 is how both held them before session 8: the same integer
solutions, a weaker LP). Prints the seconds spent in HiGHS's stages and each stage's optimum, for BENCHMARKS.md.
"""
import highspy, sys, time, numpy as np
path, kind = sys.argv[1], sys.argv[2]
margin = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
h = highspy.Highs(); h.setOptionValue("output_flag", False); h.setOptionValue("threads", 1)
h.readModel(path)
lp = h.getLp(); n = lp.num_col_
names = [h.getColName(j)[1] for j in range(n)]
cost = np.array(lp.col_cost_)
assign = [j for j in range(n) if names[j].startswith("assign(")]
unpl = [j for j in range(n) if names[j].startswith("unplaced(")]
rank = {j: int(round(cost[j])) for j in assign}
ranks = sorted(set(rank.values()))
t0 = time.time()
def solve(obj, sense):
    c = np.zeros(n)
    for j, v in obj.items(): c[j] = v
    h.changeColsCost(n, np.arange(n, dtype=np.int32), c)
    h.changeObjectiveSense(sense)
    h.run()
    return h.getInfo().objective_function_value, h.getModelStatus()
def hold(obj, lo, hi):
    idx = np.array(list(obj.keys()), dtype=np.int32); val = np.array(list(obj.values()), dtype=float)
    h.addRow(lo, hi, len(idx), idx, val)
MAX, MIN = highspy.ObjSense.kMaximize, highspy.ObjSense.kMinimize
prof = []
if unpl:
    o = {j: 1.0 for j in assign}; v, st = solve(o, MAX); hold(o, round(v) - margin, highspy.kHighsInf); prof.append(("placed", v, str(st)))
if kind == "rank-maximal":
    for r in ranks[:-1]:
        o = {j: 1.0 for j in assign if rank[j] == r}; v, st = solve(o, MAX); hold(o, round(v) - margin, highspy.kHighsInf); prof.append((r, v, str(st)))
else:
    # generous: smallest worst rank, fewest at it, smallest total
    w = ranks[-1]
    for r in reversed(ranks):
        o = {j: 1.0 for j in assign if rank[j] == r}; v, st = solve(o, MIN)
        if round(v) == 0 and r != ranks[0]:
            for j in o: h.changeColBounds(j, 0, 0)
            continue
        hold(o, -highspy.kHighsInf, round(v) + margin); prof.append(("worst", r, v, str(st))); break
    o = {j: float(rank[j]) for j in assign}; v, st = solve(o, MIN); prof.append(("total", v, str(st)))
print(kind, "%.2f s" % (time.time() - t0), prof)

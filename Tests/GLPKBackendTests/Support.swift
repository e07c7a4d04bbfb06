import Foundation
import Modeling
import ORLibrary

/// The repository root (three levels above this file).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The OR-Library files kept in the repository (Tests/Data/gap).
let gapFolder: URL = GAPLibrary.defaultFolder(repositoryRoot: repositoryRoot)

func gapInstance(_ name: String) throws -> (GAPInstance, GAPReference) {
    let folder = gapFolder
    guard let ref = try GAPLibrary.references(in: folder).first(where: { $0.instance == name }) else {
        throw GAPFormatError(path: "optima.tsv", message: "no \(name)")
    }
    return (try GAPLibrary.instance(ref, in: folder), ref)
}

/// The textbook GAP model built directly in the modeling layer:
/// x[i][j] ∈ {0,1}; Σᵢ x[i][j] = 1 for each job; Σⱼ a[i][j]·x[i][j] ≤ b[i];
/// optimise Σ c[i][j]·x[i][j] in the instance's sense.
func gapModel(_ g: GAPInstance) -> (Model, [[Variable]]) {
    var m = Model(name: g.name)
    let x = (0..<g.agents).map { i in (0..<g.jobs).map { j in m.addBinary("x(\(i),\(j))") } }
    for j in 0..<g.jobs {
        m.add((0..<g.agents).sum { x[$0][j] } == 1, name: "assign(\(j))")
    }
    for i in 0..<g.agents {
        m.add(
            (0..<g.jobs).sum { Double(g.resource[i][$0]) * x[i][$0] } <= Double(g.capacity[i]), name: "capacity(\(i))")
    }
    let objective = (0..<g.agents).flatMap { i in (0..<g.jobs).map { j in (Double(g.cost[i][j]), x[i][j]) } }
    let e = LinearExpression(sum: objective)
    if g.sense == .max { m.maximize(e) } else { m.minimize(e) }
    return (m, x)
}

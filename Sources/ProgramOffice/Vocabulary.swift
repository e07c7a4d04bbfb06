import Modeling

// The engine's values a front end names when it asks for a run, so that a
// front end needs this module (and Domain, Reports, RunHistory) only.

/// A choice of cut families for GLPK: `all`, `none`, or a list.
public typealias CutChoice = CutSelection
/// A long solve's progress: incumbent, bound, gap, time, nodes.
public typealias SolveProgress = Modeling.SolveProgress
/// A request, from any thread, that a running use case's solves stop.
public typealias StopSignal = Modeling.StopSignal
/// The file formats the placement model can be exported in (`lp`, `mps`).
public typealias ModelFileFormat = ExportFormat

import Foundation
import Modeling

/// The solves the server has under way, one queue per program: a run (or a
/// comparison) pressed while another of the same program is under way waits
/// for it, so two coordinators take turns and the history's rules hold;
/// other programs and every page go on meanwhile (each solve holds a thread
/// of its own, see `Office.runInBackground`).
actor RunDesk {
    /// What a program's page shows of its solves.
    struct Status: Sendable {
        var running: String?
        var startedBy: String?
        var waiting = 0
        var progress: String?
        var last: Finished?
    }

    /// A solve that ended: who pressed it, what it said, where its files are.
    struct Finished: Sendable {
        var kind: String
        var by: String
        var at: String
        var succeeded: Bool
        /// What the page shows first, in a sentence or two.
        var headline: [String]
        /// The whole text, as the command line prints it.
        var lines: [String]
        var problems: [String] = []
    }

    private var tails: [String: Task<Void, Never>] = [:]
    private var statuses: [String: Status] = [:]
    private var stops: [StopSignal] = []

    func status(_ program: String) -> Status { statuses[program] ?? Status() }

    /// Queues `work` behind the program's earlier solves.
    ///
    /// - Returns: the task that ends when `work` has ended (tests await it).
    @discardableResult
    func start(
        _ program: String, kind: String, by coordinator: String,
        work: @escaping @Sendable (StopSignal, @escaping @Sendable (String) -> Void) async -> Finished
    ) -> Task<Void, Never> {
        let previous = tails[program]
        let stop = StopSignal()
        stops.append(stop)
        statuses[program, default: Status()].waiting += 1
        let task = Task {
            await previous?.value
            await self.begin(program, kind: kind, by: coordinator)
            let finished = await work(stop) { text in Task { await self.progress(program, text) } }
            await self.end(program, finished, stop: stop)
        }
        tails[program] = task
        return task
    }

    /// Returns when every solve pressed so far has ended.
    func idle() async {
        for task in tails.values { await task.value }
    }

    /// Stops every solve under way and queued (on shutdown): each ends with
    /// what it has; returns when all have ended.
    func stopAll() async {
        for s in stops { s.stop() }
        for task in tails.values { await task.value }
    }

    private func begin(_ program: String, kind: String, by coordinator: String) {
        statuses[program, default: Status()].waiting -= 1
        statuses[program]?.running = kind
        statuses[program]?.startedBy = coordinator
        statuses[program]?.progress = nil
    }

    private func progress(_ program: String, _ text: String) {
        if statuses[program]?.running != nil { statuses[program]?.progress = text }
    }

    private func end(_ program: String, _ finished: Finished, stop: StopSignal) {
        statuses[program]?.running = nil
        statuses[program]?.progress = nil
        statuses[program]?.last = finished
        stops.removeAll { $0 === stop }
    }
}

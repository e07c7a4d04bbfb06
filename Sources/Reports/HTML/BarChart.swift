/// A vertical bar chart's geometry, computed from the data; the SVG itself is
/// written by the page templates. Every bar and both axes carry a label.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Int
        public var x: Int, y: Int, width: Int, height: Int
        /// Where the value is written (above the bar) and the label (below).
        public var labelX: Int, valueY: Int
        public var series: Int
    }

    public struct Tick: Sendable {
        public var y: Int
        public var label: String
    }
    public struct Legend: Sendable {
        public var name: String
        public var series: Int
        public var x: Int
        public var row: Int
    }

    public var width: Int
    public var height: Int
    public var bars: [Bar]
    public var groupLabels: [(label: String, x: Int)]
    public var ticks: [Tick]
    public var legend: [Legend]
    public var xAxisLabel: String
    public var yAxisLabel: String
    public var plotTop = 20, plotLeft = 56, plotBottom: Int, plotRight: Int

    /// One group per category (e.g. a rank) with one bar per series (e.g. a
    /// scenario); `values[group][series]`.
    public init(
        groups: [String], series: [String], values: [[Int]], xAxisLabel: String, yAxisLabel: String,
        groupWidth: Int = 60
    ) {
        // At least 360 pixels of plot, so few groups still make a readable chart; bars at most 56 wide.
        let groupWidth = max(groupWidth, 360 / max(1, groups.count))
        let barWidth = min(56, max(8, (groupWidth - 12) / max(1, series.count)))
        let plotTop = 20, plotLeft = 56, plotBottom = 170
        width = plotLeft + max(1, groups.count) * groupWidth + 20
        let perRow = max(
            1, (plotLeft + max(1, groups.count) * max(groupWidth, 360 / max(1, groups.count)) + 20 - plotLeft) / 150)
        let legendRows = series.count > 1 ? (series.count + perRow - 1) / perRow : 0
        height = 220 + legendRows * 20
        self.plotBottom = plotBottom
        plotRight = width - 20
        self.xAxisLabel = xAxisLabel
        self.yAxisLabel = yAxisLabel
        let top = max(1, values.flatMap { $0 }.max() ?? 1)
        let step = max(1, Int((Double(top) / 4).rounded(.up)))
        let axisMax = step * Int((Double(top) / Double(step)).rounded(.up))
        let scale = Double(plotBottom - plotTop) / Double(axisMax)
        ticks = stride(from: 0, through: axisMax, by: step).map {
            Tick(y: plotBottom - Int((Double($0) * scale).rounded()), label: "\($0)")
        }
        var bars: [Bar] = []
        var labels: [(String, Int)] = []
        for (g, group) in groups.enumerated() {
            let left = plotLeft + g * groupWidth + (groupWidth - barWidth * series.count) / 2
            labels.append((group, left + (barWidth * series.count) / 2))
            for (s, _) in series.enumerated() {
                let v = g < values.count && s < values[g].count ? values[g][s] : 0
                let h = Int((Double(v) * scale).rounded())
                let x = left + s * barWidth
                bars.append(
                    Bar(
                        label: series.count > 1 ? "\(series[s]), \(group)" : group, value: v, x: x, y: plotBottom - h,
                        width: barWidth - 2, height: h, labelX: x + (barWidth - 2) / 2, valueY: plotBottom - h - 4,
                        series: s))
            }
        }
        self.bars = bars
        groupLabels = labels
        legend =
            series.count > 1
            ? series.enumerated().map {
                Legend(
                    name: $0.element, series: $0.offset, x: plotLeft + ($0.offset % perRow) * 150,
                    row: $0.offset / perRow)
            } : []
    }

    /// The chart as a template context.
    var context: [String: Any] {
        [
            "width": width, "height": height, "plotTop": plotTop, "plotLeft": plotLeft, "plotBottom": plotBottom,
            "plotRight": plotRight,
            "xAxisLabel": xAxisLabel, "yAxisLabel": yAxisLabel, "xAxisY": plotBottom + 36, "yAxisX": 14,
            "yAxisMid": (plotTop + plotBottom) / 2,
            "xAxisMid": (plotLeft + plotRight) / 2, "groupLabelY": plotBottom + 16, "legendY": plotBottom + 50,
            "legendTextY": plotBottom + 61, "plotLeftLabel": plotLeft - 6,
            "bars": bars.map {
                [
                    "label": $0.label, "value": $0.value, "x": $0.x, "y": $0.y, "width": $0.width, "height": $0.height,
                    "labelX": $0.labelX, "valueY": $0.valueY, "series": $0.series
                ] as [String: Any]
            },
            "groups": groupLabels.map { ["label": $0.label, "x": $0.x] as [String: Any] },
            "ticks": ticks.map { ["y": $0.y, "label": $0.label, "labelY": $0.y + 4] as [String: Any] },
            "legend": legend.map {
                [
                    "name": $0.name, "series": $0.series, "x": $0.x, "textX": $0.x + 16,
                    "y": plotBottom + 46 + $0.row * 20, "textY": plotBottom + 57 + $0.row * 20
                ] as [String: Any]
            },
            "hasLegend": !legend.isEmpty
        ]
    }
}

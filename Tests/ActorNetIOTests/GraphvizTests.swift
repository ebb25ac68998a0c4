import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// Graphviz settings chosen by size, and the runner's stops (timeout, cancellation). Whether a
/// stopped Graphviz is left running is checked from outside, on the real binary
/// (`RenderCLITests`), where the child can be told apart from other tests' Graphviz processes.
@Suite struct GraphvizTests {
    /// The graph attribute line ActorNet has always written, before settings followed the size.
    static let todaysGraphLine = "  graph [overlap=false, splines=true, sep=\"+6\", outputorder=edgesfirst, fontname=\"Helvetica\"];\n"

    static func graphLine(_ dot: String) -> String? {
        dot.split(separator: "\n", omittingEmptySubsequences: false).first { $0.hasPrefix("  graph [") }.map { $0 + "\n" }
    }

    @Test func smallNetworksKeepTodaysDrawing() throws {
        let shipped = try DOTTests.shipped()
        #expect(shipped.actors.count * shipped.relations.count <= GraphvizSettings.splineWork)
        let settings = GraphvizSettings.automatic(actors: shipped.actors.count, relations: shipped.relations.count)
        #expect(settings == GraphvizSettings(layout: .neato, splines: .spline, overlap: "false", namesLayout: false))
        #expect(Self.graphLine(DOTWriter().write(shipped)) == Self.todaysGraphLine)
        let export = try Exporter.export(shipped, format: .dot, toFiles: false)
        let text = String(decoding: try export.outputs[0].bytes(), as: UTF8.self)
        #expect(Self.graphLine(text) == Self.todaysGraphLine)
    }

    @Test func thresholdsPickStraightLinesThenSfdp() {
        let routed = GraphvizSettings.automatic(actors: 30, relations: 200)
        #expect(routed == GraphvizSettings(layout: .neato, splines: .spline, overlap: "false", namesLayout: false))
        let straight = GraphvizSettings.automatic(actors: 31, relations: 200)
        #expect(straight == GraphvizSettings(layout: .neato, splines: .line, overlap: "false", namesLayout: true))
        // Many isolated actors count too.
        #expect(GraphvizSettings.automatic(actors: GraphvizSettings.neatoSize + 1, relations: 10).layout == .sfdp)
        let medium = GraphvizSettings.automatic(actors: 500, relations: 2_000)
        #expect(medium == GraphvizSettings(layout: .sfdp, splines: .line, overlap: "prism", namesLayout: true))
        let huge = GraphvizSettings.automatic(actors: 5_000, relations: 20_000)
        #expect(huge == GraphvizSettings(layout: .sfdp, splines: .line, overlap: "prism", namesLayout: true))
    }

    @Test func overridesKeepTheOtherChoicesBySize() {
        // A layout alone keeps the size's straight lines; splines alone keep the size's layout.
        let dot = GraphvizSettings.automatic(actors: 500, relations: 2_000, layout: .dot)
        #expect(dot == GraphvizSettings(layout: .dot, splines: .line, overlap: "false", namesLayout: true))
        let routed = GraphvizSettings.automatic(actors: 500, relations: 2_000, splines: .ortho)
        #expect(routed.layout == .sfdp && routed.splines == .ortho && routed.overlap == "prism")
        // Naming a layout on a small network writes it into the DOT.
        let small = GraphvizSettings.automatic(actors: 5, relations: 5, layout: .neato)
        #expect(small.namesLayout && small.graphAttributes.first! == ("layout", "neato"))
    }

    @Test func largeDOTExportNamesSfdpAndStraightLines() throws {
        let network = RandomNetworks.make(actors: 500, relations: 2_000, seed: 7)
        let text = DOTWriter().write(network)
        #expect(Self.graphLine(text) == "  graph [layout=sfdp, overlap=prism, splines=line, sep=\"+6\", outputorder=edgesfirst, fontname=\"Helvetica\"];\n")
        var settings = ExportSettings()
        settings.dotLayout = .dot
        settings.dotSplines = .polyline
        let export = try Exporter.export(network, format: .dot, settings: settings, toFiles: false)
        let overridden = String(decoding: try export.outputs[0].bytes(), as: UTF8.self)
        #expect(Self.graphLine(overridden) == "  graph [layout=dot, overlap=false, splines=polyline, sep=\"+6\", outputorder=edgesfirst, fontname=\"Helvetica\"];\n")
    }

    /// DOT that neato cannot finish for minutes: routed splines on 2,000 relations.
    static func slowDOT() -> String {
        var writer = DOTWriter()
        writer.graphviz = GraphvizSettings.automatic(actors: 500, relations: 2_000, layout: .neato, splines: .spline)
        return writer.write(RandomNetworks.make(actors: 500, relations: 2_000, seed: 3))
    }

    @Test func drawsLargeOutputThroughThePipes() throws {
        // Megabytes of SVG out while DOT goes in: nothing may deadlock on a full pipe.
        let network = RandomNetworks.make(actors: 500, relations: 2_000, seed: 5)
        let svg = try Graphviz.render(DOTWriter().write(network), layout: .sfdp, format: "svg", timeout: 600)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<svg") && text.hasSuffix("</svg>\n"))
        #expect(svg.count > 500_000)
    }

    @Test func reportsGraphvizErrors() {
        #expect {
            try Graphviz.render("graph { a -- }", layout: .dot, format: "svg", timeout: 600)
        } throws: { error in
            guard let failure = error as? Graphviz.Failure else { return false }
            return failure.reason == .failed && failure.message.contains("syntax error")
        }
    }

    @Test func timeoutKillsGraphvizAndSaysSo() {
        let dot = Self.slowDOT()
        #expect {
            try Graphviz.render(dot, layout: .neato, format: "svg", timeout: 0.5)
        } throws: { error in
            guard let failure = error as? Graphviz.Failure else { return false }
            return failure.reason == .timedOut(seconds: 0.5) && failure.message.contains("neato did not finish within 0.5 s")
        }
    }

    @Test func cancellationKillsGraphviz() {
        let dot = Self.slowDOT()
        let token = Cancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { token.cancel(reason: "the test's deadline") }
        #expect {
            try token.run { try Graphviz.render(dot, layout: .neato, format: "svg") }
        } throws: { error in
            // The token's run reports the cancellation; Graphviz's failure said why it stopped.
            error is CancelledError || (error as? Graphviz.Failure)?.reason == .cancelled
        }
    }
}

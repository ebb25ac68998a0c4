import ActorNetCore
import ActorNetIO
@testable import ActorNetServer
import ActorNetReports
import ActorNetTestSupport
import Foundation
import Testing

@Suite struct HTMLReportTests {
    /// The page `GET /networks/NAME` serves: the report as of the latest start date and the
    /// metrics `actornet metrics` shows by default, built as Sources/actornet/Metrics.swift does.
    static func page(_ network: Network, name: String, svg: String? = nil) throws -> String {
        let report = try NetworkReport(network: network, options: NetworkReport.Options(at: network.latestStart))
        let filter = ViewFilter(sign: .positive, at: network.latestStart, direction: .undirected)
        let view = try NetworkView(network, filter: filter)
        let options = MetricOptions()
        let degrees = DegreeStrength().run(on: view)
        let scores = try Metric.defaults.map { try $0.compute(on: view, options: options, degrees: degrees) }
        var settings = ["distance": options.distance.description]
        for (metric, score) in zip(Metric.defaults, scores) { settings[metric.rawValue] = score.measure }
        let metrics = MetricsReport(file: name, view: filter.describe(in: network), options: settings,
                                    distanceSetting: options.distance.rawValue, actors: network.actors,
                                    metrics: Metric.defaults, scores: scores)
        return HTMLReport.network(name: name, report: report, metrics: metrics, svg: svg)
    }

    static func shipped() throws -> Network {
        try #require(NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml")).network)
    }

    /// Three actors: two rivals and one friend of both, every name and id hostile.
    static let hostileYAML = """
        actornet: 1
        name: "Tom & Jerry's \\"<i>network</i>\\""
        actors:
          - id: "X"
            name: "<script>alert(1)</script>"
          - id: "<img src=x onerror=alert(2)>"
            name: "a \\"quoted\\" & 'apostrophed' name"
          - id: "Z&Z"
            name: "</td></tr></table><b>broken"
        relations:
          - {id: r1, source: X, target: "<img src=x onerror=alert(2)>", kind: cooperation, weight: 2, channel: stated}
          - {id: r2, source: X, target: "Z&Z", kind: cooperation, weight: 3, channel: material}
          - {id: r3, source: "<img src=x onerror=alert(2)>", target: "Z&Z", kind: rivalry, weight: 1}
        """

    /// The tags of a page, opened and closed in order, checked on a simple level: comments,
    /// the doctype and the raw text of `<script>` and `<style>` are skipped, void and
    /// self-closing (SVG) elements need no end tag. Returns the first problem, or nil.
    static func unbalancedTag(_ html: String) -> String? {
        let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return "unterminated comment" }
                rest = rest[end.upperBound...]
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { return "unterminated tag" }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
            let closing = tag.hasPrefix("/")
            let name = String((closing ? tag.dropFirst() : tag).prefix { $0.isLetter || $0.isNumber || $0 == ":" || $0 == "-" }).lowercased()
            guard !name.isEmpty else { return "a bare '<' in markup" }
            if closing {
                guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
                stack.removeLast()
            } else if !void.contains(name), !tag.hasSuffix("/") {
                if name == "script" || name == "style" {
                    guard let end = rest.range(of: "</\(name)>") else { return "unterminated <\(name)>" }
                    rest = rest[end.upperBound...]
                } else {
                    stack.append(name)
                }
            }
        }
        return stack.isEmpty ? nil : "unclosed: \(stack.joined(separator: " "))"
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func shippedNetworkPageHasEverySection() throws {
        let html = try Self.page(Self.shipped(), name: "russia-iran")
        #expect(Self.unbalancedTag(html) == nil, "\(Self.unbalancedTag(html) ?? "")")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        // The view, stated as the text report states it.
        #expect(html.contains("As of 2025-06-18</strong>, the latest date a relation starts in the file"))
        #expect(html.contains("24 actors; 63 relations in this view (42 positive, 21 negative); 19 relations fall outside it."))
        #expect(html.contains("distance = 1/weight (stronger tie = shorter path)"))
        // No Graphviz: a note instead of a drawing.
        #expect(html.contains("Graphviz is not installed"))
        #expect(!html.contains("<svg"))
        // Every actor in the metrics table, Russia first (by degree), exact values for sorting.
        let metrics = try #require(html.range(of: "<table class=\"sortable\" id=\"metrics-table\">"))
        let metricsTable = html[metrics.lowerBound...]
        let body = try #require(metricsTable.range(of: "</table>")).lowerBound
        let rows = metricsTable[..<body].components(separatedBy: "<tr>").dropFirst(2)
        #expect(rows.count == 24)
        #expect(rows.first?.hasPrefix("<td>RUS</td><td>Russia</td><td class=\"num\" data-sort=\"30\">30</td>") == true)
        for metric in Metric.defaults { #expect(html.contains(">\(metric.rawValue)</th>")) }
    }

    @Test func hedgersCampsAndSayDo() throws {
        let html = try Self.page(Self.shipped(), name: "russia-iran")
        let hedging = try #require(html.range(of: "id=\"hedging-table\""))
        let table = html[hedging.upperBound...]
        let end = try #require(table.range(of: "</table>")).lowerBound
        let rows = table[..<end].components(separatedBy: "<tr>").dropFirst(2)
        // Russia alone hedges: Saudi Arabia and the UAE no longer do (their US partnerships were removed).
        #expect(rows.count == 1)
        #expect(html.contains("<caption>1 actor hedges; Σ H = 4 (the number of ++− triangles).</caption>"))
        let russia = try #require(rows.first)
        #expect(russia.hasPrefix("<td class=\"num\">1</td><td>RUS Russia</td><td class=\"num\">4</td>"))
        // The strongest rivalry Russia straddles comes first: Iran × Israel; then the two inferred Gulf
        // rivalries (UAE × Iran, Iran × Saudi Arabia), and Armenia × Azerbaijan last.
        let items = russia.components(separatedBy: "<li>").dropFirst()
        #expect(items.count == 4)
        #expect(items.first?.hasPrefix("<abbr title=\"Iran\">IRN</abbr> × <abbr title=\"Israel\">ISR</abbr>") == true)
        #expect(items.dropFirst().first?.hasPrefix("<abbr title=\"United Arab Emirates\">ARE</abbr> × <abbr title=\"Iran\">IRN</abbr>") == true)
        #expect(items.dropFirst(2).first?.hasPrefix("<abbr title=\"Iran\">IRN</abbr> × <abbr title=\"Saudi Arabia\">SAU</abbr>") == true)
        #expect(items.last?.hasPrefix("<abbr title=\"Armenia\">ARM</abbr> × <abbr title=\"Azerbaijan\">AZE</abbr>") == true)
        #expect(html.contains("<var>L</var> = <strong>4</strong> (exact)"))
        #expect(html.contains("Balanced share (+++ and +−−) <strong>0.692</strong> of 13."))
        #expect(html.contains("Estrada–Benzi <var>K</var> = <strong>0.572</strong>"))
        #expect(html.contains("<div class=\"camp\" id=\"camp-a\"><h3>Camp A <span class=\"count\">(18)</span></h3><ul><li>AFG"))
        for id in ["RUS Russia", "IRN Iran", "CHN China"] {
            let campA = try #require(html.range(of: "id=\"camp-a\"")), campB = try #require(html.range(of: "id=\"camp-b\""))
            let item = try #require(html.range(of: "<li>\(id)</li>"))
            #expect(item.lowerBound > campA.lowerBound && item.lowerBound < campB.lowerBound)
        }
        let campB = try #require(html.range(of: "id=\"camp-b\""))
        for id in ["AZE Azerbaijan", "USA United States", "UKR Ukraine"] {
            #expect(html[campB.upperBound...].contains("<li>\(id)"))
        }
        #expect(html.contains("<li><abbr title=\"Azerbaijan\">AZE</abbr>–<abbr title=\"Russia\">RUS</abbr> (friends across camps)</li>"))
        #expect(html.contains("<li><abbr title=\"Iran\">IRN</abbr>–<abbr title=\"Israel\">ISR</abbr> (rivals in one camp)</li>"))
        // Say versus do: Russia → Iran, more words than deeds, is the largest gap.
        let sayDo = try #require(html.range(of: "id=\"saydo-table\""))
        #expect(html[sayDo.upperBound...].contains("<tbody>\n<tr><td><abbr title=\"Russia\">RUS</abbr></td>"
            + "<td><abbr title=\"Iran\">IRN</abbr></td><td class=\"num\">14.0</td><td class=\"num\">9.0</td>"
            // unspecified 4, and 6 asked or promised and not given (air defences 2, mutual defence 4).
            + "<td class=\"num\">4.0</td><td class=\"num\">6.0</td>"))
        // What the headlines rest on: the Gulf hedges are inferred, and the camps are said to be.
        #expect(html.contains("<code>irn-sau-rivalry</code>"))
        #expect(html.contains("</span> <em>inferred</em></li>"))
        #expect(html.contains("Without the inferred relations: <var>L</var> = 2; the split differs"))
    }

    @Test func everyDownloadAndEndpointIsLinked() throws {
        let html = try Self.page(Self.shipped(), name: "russia-iran")
        for format in ["graphml", "gexf", "dot", "csv", "json", "yaml"] {
            #expect(html.contains("href=\"/v1/networks/russia-iran/export?format=\(format)\""), "\(format)")
        }
        #expect(html.contains("href=\"/v1/networks/russia-iran/export?format=gexf&amp;dynamic=true\""))
        for path in ["", "/metrics", "/hedging", "/balance", "/report", "/render.svg"] {
            #expect(html.contains("href=\"/v1/networks/russia-iran\(path)\""), "\(path)")
        }
        #expect(html.contains("href=\"/openapi.json\""))
        #expect(html.contains("href=\"/\""))
    }

    @Test func hostileTextIsEscaped() throws {
        let network = try #require(Fixtures.load(yaml: Self.hostileYAML).network)
        let html = try Self.page(network, name: "a/b?c#d e\"'<>")
        #expect(Self.unbalancedTag(html) == nil, "\(Self.unbalancedTag(html) ?? "")")
        // The page's own script is the only one, and no data becomes markup.
        #expect(Self.occurrences(of: "<script", in: html) == 1)
        #expect(!html.contains("alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!html.contains("<b>broken"))
        #expect(!html.contains("<i>network"))
        #expect(html.contains("<h1>Tom &amp; Jerry&#39;s &quot;&lt;i&gt;network&lt;/i&gt;&quot;</h1>"))
        #expect(html.contains("a &quot;quoted&quot; &amp; &#39;apostrophed&#39; name"))
        // The hedger X straddles the rivalry of the other two; its name is shown escaped.
        #expect(html.contains("<td>X &lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"num\">1</td>"))
        // The name is one percent-encoded path segment in every URL.
        #expect(html.contains("href=\"/v1/networks/a%2Fb%3Fc%23d%20e%22%27%3C%3E/export?format=graphml\""))
        #expect(!html.contains("/v1/networks/a/b"))
    }

    @Test func indexListsNetworksEscapedAndSorted() {
        let html = HTMLReport.index([
            .init(name: "russia-iran", actors: 24, relations: 69, modified: "2025-06-30T12:00:00Z"),
            .init(name: "<script>alert(1)</script>", actors: 1, relations: 0, modified: "now & then"),
        ], title: "ActorNet <workspace>")
        #expect(Self.unbalancedTag(html) == nil, "\(Self.unbalancedTag(html) ?? "")")
        #expect(Self.occurrences(of: "<script", in: html) == 1)
        #expect(html.contains("<title>ActorNet &lt;workspace&gt;</title>"))
        #expect(html.contains("<tr><td><a href=\"/networks/russia-iran\">russia-iran</a></td><td class=\"num\">24</td>"
            + "<td class=\"num\">69</td><td>2025-06-30T12:00:00Z</td></tr>"))
        #expect(html.contains("<a href=\"/networks/%3Cscript%3Ealert%281%29%3C%2Fscript%3E\">&lt;script&gt;alert(1)&lt;/script&gt;</a>"))
        #expect(html.contains("now &amp; then"))
        let hostile = html.range(of: "%3Cscript"), shipped = html.range(of: "/networks/russia-iran")
        #expect(hostile != nil && shipped != nil && hostile!.lowerBound < shipped!.lowerBound)
        #expect(HTMLReport.index([], title: "Empty").contains("No networks yet"))
    }

    @Test func svgIsInlinedWithoutItsProlog() throws {
        let svg = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <!-- Generated by graphviz -->
            <svg width="62pt" height="44pt"
             viewBox="0 0 62 44" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
            <!-- RUS -->
            <g id="node1" class="node"><title>RUS</title><ellipse cx="27" cy="-18" rx="27" ry="18"/></g>
            </svg>
            """
        let html = try Self.page(Self.shipped(), name: "russia-iran", svg: svg)
        #expect(Self.unbalancedTag(html) == nil, "\(Self.unbalancedTag(html) ?? "")")
        #expect(html.contains("<div class=\"drawing\">\n<svg width=\"62pt\" height=\"44pt\"\n viewBox=\"0 0 62 44\">\n"))
        // HTML implies the SVG namespaces; their names would look like loads from elsewhere.
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("<title>RUS</title><ellipse cx=\"27\" cy=\"-18\" rx=\"27\" ry=\"18\"/></g>\n</svg>\n</div>"))
        #expect(!html.contains("<?xml") && !html.contains("<!DOCTYPE svg") && !html.contains("<!--"))
        #expect(!html.contains("Graphviz is not installed"))
    }

    @Test func deterministicAndSelfContained() throws {
        let network = try Self.shipped()
        let html = try Self.page(network, name: "russia-iran")
        #expect(try Self.page(network, name: "russia-iran") == html)
        // Nothing is loaded from elsewhere: no absolute URL at all, no src or external stylesheet.
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains(" src=") && !html.contains("<link") && !html.contains("@import"))
        #expect(html.contains("default-src 'none'"))
    }

    /// The CSP allows the sorting script by its hash; a stale hash would silently turn sorting off.
    @Test(.enabled(if: Python.has(), "needs python3 (its hashlib computes the hash)"))
    func scriptHashMatchesTheScript() throws {
        let html = try Self.page(Self.shipped(), name: "russia-iran")
        let open = try #require(html.range(of: "<script>")), close = try #require(html.range(of: "</script>"))
        let script = String(html[open.upperBound..<close.lowerBound])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-script-\(UUID().uuidString).js")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let python = Python.command(["-c", """
            import base64, hashlib, sys
            print("sha256-" + base64.b64encode(hashlib.sha256(open(sys.argv[1], "rb").read()).digest()).decode())
            """, file.path])
        let out = try ExportToolRunner.run(python.executable, python.arguments)
        #expect(out.status == 0, "\(out.stderr)")
        let hash = out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(HTMLReport.sortScriptHash == hash)
        #expect(html.contains("script-src '\(hash)'"))
    }
}

/// The network page with the timeline chart (TimelineReport.overview) drawn into it.
@Suite struct HTMLTimelineTests {
    static func shipped() throws -> Network { try HTMLReportTests.shipped() }

    @Test func theNetworkPageEmbedsTheChart() throws {
        let network = try Self.shipped()
        let report = try NetworkReport(network: network, options: NetworkReport.Options(at: network.latestStart))
        let filter = ViewFilter(sign: .positive, at: network.latestStart, direction: .undirected)
        let metrics = try MetricsReport.compute(network, file: "russia-iran", filter: filter, metrics: [.degree],
                                                options: MetricOptions(), distanceName: "inverse")
        let timeline = try #require(TimelineReport.overview(network, file: "russia-iran"))
        let page = HTMLReport.network(name: "russia-iran", report: report, metrics: metrics, svg: nil, timeline: timeline)
        #expect(page.contains("<section id=\"timeline\""))
        #expect(page.contains("<li><a href=\"#timeline\">Over time</a></li>"))
        #expect(page.contains("/v1/networks/russia-iran/timeline.svg?metric=hedging&amp;from=2010&amp;to=2025-06-18&amp;step=month"))
        #expect(page.contains("<path class=\"series\" data-series=\"RUS\""))
        #expect(!page.contains("<?xml"))
        #expect(!page.contains("http://"))
        let without = HTMLReport.network(name: "russia-iran", report: report, metrics: metrics, svg: nil)
        #expect(!without.contains("id=\"timeline\""))
        #expect(!without.contains("Over time"))
    }
}

import ActorNetReports
import ActorNetIO
import ActorNetCore
import Foundation

/// Server-rendered HTML pages for `actornet serve`: the workspace (`GET /`) and one network
/// (`GET /networks/NAME`).
///
/// The pages need nothing but themselves: inline CSS, no web fonts, no CDN, no build step, and
/// a few lines of vanilla JavaScript that make tables sortable (without JavaScript they are
/// plain tables in a useful order). A Content-Security-Policy `<meta>` forbids every external
/// load and allows only that one script, by its hash, so nothing a network file holds can run
/// even if an escape were missed. Every piece of data is escaped (`& < > " '`); URLs carry the
/// network name percent-encoded. The output depends only on the arguments (no clock, no
/// dictionary order), so a page diffs cleanly and can be cached by content.
///
/// The numbers are those of the text report (`AnalystReport`) and of `actornet metrics`
/// (`MetricsReport`), with the same rounding, and each section states the view it was computed on.
enum HTMLReport {
    /// One network of the workspace, as the index page lists it.
    public struct Listing: Sendable {
        public var name: String
        public var actors: Int
        public var relations: Int
        /// When the file last changed, as the server formats it (shown as given).
        public var modified: String

        public init(name: String, actors: Int, relations: Int, modified: String) {
            self.name = name
            self.actors = actors
            self.relations = relations
            self.modified = modified
        }
    }

    /// The workspace page: a table of the networks with links to /networks/NAME.
    ///
    /// Networks are listed by name (then by the other fields), whatever the order given, so the
    /// page does not depend on the order a directory listing returns.
    ///
    /// - Complexity: O(k log k) for k listings, plus the length of the page.
    public static func index(_ listings: [Listing], title: String) -> String {
        var page = Page(title: title)
        page.line("<header><h1>\(escape(title))</h1>")
        page.line("<p class=\"lead\">Networks of international actors in this workspace: open one for its drawing, "
            + "who is central, who hedges between which rivals, whether it splits into two camps, and what its "
            + "actors say versus what they do.</p></header>")
        page.line("<main>")
        page.line("<section id=\"networks\" aria-labelledby=\"networks-title\">")
        page.line("<h2 id=\"networks-title\">Networks</h2>")
        let sorted = listings.sorted { a, b in
            (a.name, a.actors, a.relations, a.modified) < (b.name, b.actors, b.relations, b.modified)
        }
        if sorted.isEmpty {
            page.line("<p class=\"empty\">No networks yet. Add one with "
                + "<code>curl -X PUT --data-binary @network.yaml http://HOST/v1/networks/NAME</code> "
                + "(YAML or JSON in ActorNet's format).</p>")
        } else {
            page.line("<table class=\"sortable\" id=\"network-table\">")
            page.line("<caption>\(sorted.count) network\(sorted.count == 1 ? "" : "s"); click a column header to sort.</caption>")
            page.line("<thead><tr><th scope=\"col\" aria-sort=\"ascending\">network</th><th scope=\"col\" class=\"num\">actors</th>"
                + "<th scope=\"col\" class=\"num\">relations</th><th scope=\"col\">modified</th></tr></thead>")
            page.line("<tbody>")
            for listing in sorted {
                page.line("<tr><td><a href=\"/networks/\(escape(pathSegment(listing.name)))\">\(escape(listing.name))</a></td>"
                    + "<td class=\"num\">\(listing.actors)</td><td class=\"num\">\(listing.relations)</td>"
                    + "<td>\(escape(listing.modified))</td></tr>")
            }
            page.line("</tbody></table>")
        }
        page.line("</section>")
        page.line("<section id=\"api\" aria-labelledby=\"api-title\">")
        page.line("<h2 id=\"api-title\">JSON API</h2>")
        page.line("<ul class=\"links\">")
        page.line("<li><a href=\"/v1/networks\"><code>GET /v1/networks</code></a>: the networks as JSON</li>")
        page.line("<li><a href=\"/openapi.json\"><code>GET /openapi.json</code></a>: the OpenAPI description of every endpoint</li>")
        page.line("<li><a href=\"/healthz\"><code>GET /healthz</code></a>: liveness</li>")
        page.line("</ul>")
        page.line("</section>")
        page.line("</main>")
        return page.finish()
    }

    /// One network: its drawing (the SVG inline, or a note that Graphviz is not installed), a
    /// sortable metrics table (click a header to sort; works without JS as a plain table), the
    /// hedgers with the rivalries they straddle, balance (triangles, walk balance, frustration
    /// and the two camps), say versus do, and download links for every export format
    /// (/v1/networks/NAME/export?format=graphml|gexf|dot|csv|json|yaml, plus gexf&dynamic=true)
    /// and the JSON API endpoints.
    ///
    /// `svg` is Graphviz's SVG of the network (its XML declaration, doctype and comments are
    /// dropped so it can sit inside HTML); it is inserted as markup, so it must come from
    /// Graphviz, never from a client. nil when Graphviz is not installed.
    ///
    /// `timeline`, when given, is drawn after the drawing as ActorNet's own SVG line chart
    /// (`TimelineReport.svg`, every text escaped), with links to the same chart and its JSON
    /// from the API; pass `TimelineReport.overview` for the page's default.
    ///
    /// - Complexity: O(n · k) for n actors and k metrics, plus the hedgers' rivalries, the
    ///   say-versus-do pairs, the SVG and the timeline's steps × series.
    ///
    /// `drawingURL`, given instead of `svg`, is the `render.svg` URL of the drawing: the page
    /// answers at once and its script fetches the drawing as a job (`Prefer: respond-async`),
    /// showing the job's progress, then the drawing or why there is none; without JavaScript,
    /// a link to the drawing.
    public static func network(name: String, report r: NetworkReport, metrics: MetricsReport, svg: String?,
                               timeline: TimelineReport? = nil, dyad: DyadResult? = nil, dyadChart: String? = nil,
                               drawingURL: String? = nil) -> String {
        let n = r.network
        let title = n.name ?? name
        let base = "/v1/networks/" + pathSegment(name)
        var page = Page(title: "\(title) · ActorNet")
        page.line("<header>")
        page.line("<p class=\"crumbs\"><a href=\"/\">Networks</a> / \(escape(name))</p>")
        page.line("<h1>\(escape(title))</h1>")
        page.line("<nav aria-label=\"Sections\"><ul>" + [
            ("drawing", "Drawing"), ("timeline", timeline == nil ? "" : "Over time"), ("central", "Who is central"),
            ("metrics", "Metrics"), ("hedging", "Who hedges"), ("balance", "Balance"), ("saydo", "Say versus do"),
            ("dyad", dyad == nil ? "" : "Does A support B?"), ("downloads", "Downloads"), ("api", "JSON API"),
        ].filter { !$0.1.isEmpty }.map { "<li><a href=\"#\($0.0)\">\($0.1)</a></li>" }.joined() + "</ul></nav>")
        page.line("</header>")
        page.line("<main>")
        viewSection(r, into: &page)
        drawingSection(svg, base: base, deferred: drawingURL, into: &page)
        if let timeline { timelineSection(timeline, base: base, into: &page) }
        centralSection(r, into: &page)
        metricsSection(metrics, into: &page)
        hedgingSection(r, into: &page)
        balanceSection(r, into: &page)
        sayDoSection(r, into: &page)
        if let dyad { dyadSection(dyad, network: n, name: name, base: base, chart: dyadChart, into: &page) }
        downloadsSection(name: name, base: base, into: &page)
        page.line("</main>")
        return page.finish()
    }
}

// MARK: - Sections of the network page

extension HTMLReport {
    /// The view, stated as the text report states it: the date, the counts, the filters.
    static func viewSection(_ r: NetworkReport, into page: inout Page) {
        let n = r.network
        page.line("<section id=\"view\" class=\"view\" aria-label=\"View\">")
        if let at = r.options.at {
            page.line("<p><strong>As of \(escape(at.description))</strong>"
                + (n.latestStart == at ? ", the latest date a relation starts in the file" : "")
                + ". Relations that started later or had ended are left out. Undated relations count as always present.</p>")
        } else {
            page.line("<p><strong>All relations together</strong>, whatever their dates.</p>")
        }
        let inView = r.signedView.edgeCount
        let positive = r.signedView.edgeSign.count { $0 > 0 }
        page.line("<p>\(n.actors.count) actors; \(inView) relations in this view (\(positive) positive, "
            + "\(inView - positive) negative)"
            + (inView < n.relations.count ? "; \(n.relations.count - inView) relations fall outside it." : ".") + "</p>")
        if !r.options.includeInferred {
            page.line("<p>Inferred relations (those the source does not state) are left out.</p>")
        } else if !r.inferredInView.isEmpty {
            page.line("<p>\(r.inferredInView.count) relation\(r.inferredInView.count == 1 ? " is" : "s are") inferred, not stated "
                + "by the source: " + r.inferredInView.map { "<code>\(escape($0))</code>" }.joined(separator: ", ")
                + ". Results that rest on them are marked <em>inferred</em>.</p>")
        }
        page.line("</section>")
    }

    static let drawingCaption = "Drawn by Graphviz from the DOT export. Dark blue: cooperation; green: supply; "
        + "purple dotted: membership; red dashed: rivalry and other hostile kinds; light blue: other friendly "
        + "kinds; line width: strength. Hover over an actor or a tie for its details. "

    static func drawingSection(_ svg: String?, base: String, deferred: String? = nil, into page: inout Page) {
        page.line("<section id=\"drawing\" aria-labelledby=\"drawing-title\">")
        page.line("<h2 id=\"drawing-title\">Drawing</h2>")
        if svg == nil, let deferred {
            // Filled by the page's script from a job; the link works without it.
            page.line("<figure id=\"drawing-job\" data-render=\"\(escape(deferred))\">")
            page.line("<div class=\"drawing\" id=\"drawing-box\">")
            page.line("<p class=\"note\" id=\"drawing-status\" role=\"status\">The drawing is made by Graphviz after the page: "
                + "<a href=\"\(escape(deferred))\">open it alone</a> if it does not appear here.</p>")
            page.line("</div>")
            page.line("<figcaption>" + drawingCaption + "<a href=\"\(escape(deferred))\">Open the SVG alone</a>.</figcaption>")
            page.line("</figure>")
        } else if let svg {
            page.line("<figure>")
            page.line("<div class=\"drawing\">")
            page.line(inlineSVG(svg))
            page.line("</div>")
            page.line("<figcaption>Drawn by Graphviz from the DOT export. Dark blue: cooperation; green: supply; "
                + "purple dotted: membership; red dashed: rivalry and other hostile kinds; light blue: other friendly "
                + "kinds; line width: strength. Hover over an actor or a tie for its details. "
                + "<a href=\"\(escape(base))/render.svg\">Open the SVG alone</a>.</figcaption>")
            page.line("</figure>")
        } else {
            page.line("<p class=\"note\">No drawing: Graphviz is not installed on the server "
                + "(Debian: <code>apt-get install graphviz</code>). Every other section works without it.</p>")
        }
        page.line("</section>")
    }

    /// A timeline chart (ActorNet's SVG, inline) with what it shows and links to the chart
    /// and its JSON from the API, with the parameters that reproduce it.
    static func timelineSection(_ t: TimelineReport, base: String, into page: inout Page) {
        let range = t.result.range
        let query = "metric=\(t.asked ?? t.result.measure.name)&from=\(range.from)&to=\(range.to)&step=\(range.size.rawValue)"
            + (t.result.filter.includeInferred ? "" : "&no_inferred=true")
        page.line("<section id=\"timeline\" aria-labelledby=\"timeline-title\">")
        page.line("<h2 id=\"timeline-title\">Over time</h2>")
        page.line("<figure>")
        page.line("<div class=\"drawing chart\">")
        page.line(inlineSVG(t.svg(width: 960, height: 460)))
        page.line("</div>")
        // The chart states its measure, view, range and dating itself; the caption says where to get more.
        let chart = "<a href=\"\(escape(base))/timeline.svg?\(escape(query))\">this chart alone</a>"
        let json = "<a href=\"\(escape(base))/timeline?\(escape(query))\">its JSON</a>"
        let parameters = ["metric", "from", "to", "step", "actors"].map { "<code>\($0)</code>" }.joined(separator: ", ")
        page.line("<figcaption>Drawn by ActorNet. Open \(chart) or \(json); change "
            + "\(parameters) in their address for other measures, ranges and actors, as <code>actornet timeline</code> "
            + "takes them.</figcaption>")
        page.line("</figure>")
        page.line("</section>")
    }

    /// The top actors by the report's ranked measures, as in part 1 of the text report.
    static func centralSection(_ r: NetworkReport, into page: inout Page) {
        let n = r.network
        page.line("<section id=\"central\" aria-labelledby=\"central-title\">")
        page.line("<h2 id=\"central-title\">Who is central</h2>")
        page.line("<p class=\"explain\">View: \(escape(r.centralityView.filter.describe(in: n))). Betweenness uses "
            + "\(escape(r.options.metric.distance.description)). Eigenvector and PageRank weight ties by strength.</p>")
        page.line("<table id=\"central-table\">")
        page.line("<thead><tr><th scope=\"col\" class=\"num\">rank</th>"
            + r.rankings.map { "<th scope=\"col\" colspan=\"2\">\(escape($0.metric.rawValue))</th>" }.joined() + "</tr></thead>")
        page.line("<tbody>")
        for i in 0..<r.options.top {
            var row = "<tr><td class=\"num\">\(i + 1)</td>"
            for ranking in r.rankings {
                if i < ranking.top.count {
                    let entry = ranking.top[i]
                    let shown = ranking.metric.isCount ? String(format: "%.0f", entry.value) : AnalystReport.number(entry.value)
                    row += "<td>\(actorLabel(n, entry.id))</td><td class=\"num\">\(shown)</td>"
                } else if i == 0, ranking.failure != nil {
                    row += "<td colspan=\"2\">(not computed)</td>"
                } else {
                    row += "<td></td><td></td>"
                }
            }
            page.line(row + "</tr>")
        }
        page.line("</tbody></table>")
        for ranking in r.rankings {
            if let failure = ranking.failure {
                page.line("<p class=\"note\">\(escape(ranking.metric.rawValue)): \(escape(failure))</p>")
            }
        }
        page.line("</section>")
    }

    /// Every actor with every metric, in `MetricsReport`'s order (by the first metric); the
    /// cells carry the exact value for sorting and show the rounding of `actornet metrics`.
    static func metricsSection(_ m: MetricsReport, into page: inout Page) {
        page.line("<section id=\"metrics\" aria-labelledby=\"metrics-title\">")
        page.line("<h2 id=\"metrics-title\">Metrics</h2>")
        page.line("<p class=\"explain\">View: \(escape(m.view)).</p>")
        page.line("<table class=\"sortable\" id=\"metrics-table\">")
        page.line("<caption>\(m.actors.count) actors by \(escape(m.metrics.first?.rawValue ?? "id"))"
            + "; click a column header to sort.</caption>")
        var header = "<thead><tr><th scope=\"col\">id</th><th scope=\"col\">actor</th>"
        for (i, (metric, scores)) in zip(m.metrics, m.scores).enumerated() {
            header += "<th scope=\"col\" class=\"num\" title=\"\(escape(scores.measure))\""
                + (i == 0 ? " aria-sort=\"descending\"" : "") + ">\(escape(metric.rawValue))</th>"
        }
        page.line(header + "</tr></thead>")
        page.line("<tbody>")
        for a in m.order {
            let actor = m.actors[a]
            var row = "<tr><td>\(escape(actor.id))</td><td>\(escape(actor.name))</td>"
            for (metric, scores) in zip(m.metrics, m.scores) {
                let value = scores.values[a]
                row += "<td class=\"num\" data-sort=\"\(escape(NumberText.exact(value)))\">"
                    + "\(escape(MetricsReport.fixed(value, integral: metric.isCount)))</td>"
            }
            page.line(row + "</tr>")
        }
        page.line("</tbody></table>")
        page.line("<dl class=\"measures\">")
        for key in m.options.keys.sorted() {
            page.line("<dt>\(escape(key))</dt><dd>\(escape(m.options[key] ?? ""))</dd>")
        }
        page.line("</dl>")
        page.line("</section>")
    }

    /// Part 2 of the text report, with every hedger and every rivalry it straddles.
    static func hedgingSection(_ r: NetworkReport, into page: inout Page) {
        let n = r.network
        page.line("<section id=\"hedging\" aria-labelledby=\"hedging-title\">")
        page.line("<h2 id=\"hedging-title\">Who hedges</h2>")
        page.line("<p class=\"explain\">An actor hedges when it keeps positive ties to both sides of a rivalry. "
            + "<var>H</var> counts the rivalries it straddles; <var>h</var> is the share of its pairs of partners that "
            + "are rivals; <var>H<sub>w</sub></var> weights each straddled rivalry by the geometric mean of the three tie "
            + "strengths (1 = as strong as the strongest tie); <var>d</var><sup>+</sup> is the number of positive partners. "
            + "View: \(escape(r.signedView.filter.describe(in: n))); several relations between a pair are combined into one "
            + "net sign (Σ sign × weight).</p>")
        if r.signedGraph.ambivalentPairs > 0 {
            page.line("<p class=\"note\">\(r.signedGraph.ambivalentPairs) pairs whose relations cancel out exactly are left out.</p>")
        }
        let hedgers = r.hedging.ranking().filter { $0.hedges > 0 }
        if hedgers.isEmpty {
            page.line("<p class=\"empty\">No actor hedges: no one has positive ties to two rivals.</p>")
        } else {
            page.line("<table class=\"sortable\" id=\"hedging-table\">")
            page.line("<caption>\(hedgers.count) actor\(hedgers.count == 1 ? " hedges" : "s hedge"); Σ H = "
                + "\(r.hedging.totalHedges) (the number of ++− triangles).</caption>")
            page.line("<thead><tr><th scope=\"col\" class=\"num\" aria-sort=\"ascending\">rank</th><th scope=\"col\">actor</th>"
                + "<th scope=\"col\" class=\"num\">H</th><th scope=\"col\" class=\"num\">h</th>"
                + "<th scope=\"col\" class=\"num\">H<sub>w</sub></th><th scope=\"col\" class=\"num\">d<sup>+</sup></th>"
                + "<th scope=\"col\">rivalries straddled, strongest first (strength)</th></tr></thead>")
            page.line("<tbody>")
            for (i, h) in hedgers.enumerated() {
                let rivalries = h.rivalries.map { rivalry in
                    "<li>\(actorLabel(n, rivalry.first)) × \(actorLabel(n, rivalry.second)) "
                        + "<span class=\"strength\">(\(AnalystReport.number(rivalry.strength, 2)))</span>"
                        + (r.restsOnInferred(hedger: h.id, rivalry) ? " <em>inferred</em>" : "") + "</li>"
                }.joined()
                page.line("<tr><td class=\"num\">\(i + 1)</td><td>\(escape(AnalystReport.name(n, h.id)))</td>"
                    + "<td class=\"num\">\(h.hedges)</td>"
                    + "<td class=\"num\" data-sort=\"\(escape(NumberText.exact(h.hedgingRatio)))\">\(AnalystReport.number(h.hedgingRatio, 2))</td>"
                    + "<td class=\"num\" data-sort=\"\(escape(NumberText.exact(h.weightedHedges)))\">\(AnalystReport.number(h.weightedHedges, 2))</td>"
                    + "<td class=\"num\">\(h.positiveDegree)</td>"
                    + "<td data-sort=\"\(h.rivalries.count)\"><ul class=\"rivalries\">\(rivalries)</ul></td></tr>")
            }
            page.line("</tbody></table>")
        }
        page.line("</section>")
    }

    /// Part 3 of the text report: triangles, walk balance, frustration and the two camps.
    static func balanceSection(_ r: NetworkReport, into page: inout Page) {
        let n = r.network
        page.line("<section id=\"balance\" aria-labelledby=\"balance-title\">")
        page.line("<h2 id=\"balance-title\">Balance: does the network split into two camps?</h2>")
        page.line("<p class=\"explain\">View: \(escape(r.signedView.filter.describe(in: n))).</p>")
        let c = r.census.counts
        page.line("<dl class=\"facts\">")
        page.line("<dt>Triangles</dt><dd>+++ \(c.plusPlusPlus), ++− \(c.plusPlusMinus), +−− \(c.plusMinusMinus), "
            + "−−− \(c.minusMinusMinus). "
            + (c.balanceRatio.map { "Balanced share (+++ and +−−) <strong>\(AnalystReport.number($0))</strong> of \(c.total)." }
                ?? "No triangles, so no triangle balance.") + "</dd>")
        switch r.walkBalance {
        case let .success(w):
            page.line("<dt>Walk balance</dt><dd>Estrada–Benzi <var>K</var> = <strong>\(AnalystReport.number(w.value))</strong> "
                + "(1 = perfectly balanced).</dd>")
        case let .failure(e):
            page.line("<dt>Walk balance</dt><dd>Not computed: \(escape(e.description))</dd>")
        }
        switch r.frustration {
        case let .success(f):
            let method = f.unweighted.method == .exact ? "exact"
                : f.unweighted.isOptimal ? "optimal: the heuristic met its lower bound"
                : "heuristic; lower bound \(f.indexLowerBound)"
            page.line("<dt>Frustration index</dt><dd><var>L</var> = <strong>\(f.index)</strong> (\(escape(method))): the fewest "
                + "relations that must change sign (or go) for the network to split into two camps, friendly inside and "
                + "hostile across; normalised <var>F</var> = <strong>\(AnalystReport.number(f.normalizedIndex))</strong> "
                + "(1 = balanced).</dd>")
            page.line("</dl>")
            // Actors without any tie in the view belong to neither camp, as in the text report.
            let camps = [0, 1].map { camp in
                f.actorIDs.indices.filter { f.unweighted.camps[$0] == camp && r.signedGraph.offsets[$0] != r.signedGraph.offsets[$0 + 1] }
                    .map { f.actorIDs[$0] }.sorted()
            }
            page.line("<div class=\"camps\">")
            for (camp, label) in zip(camps, ["A", "B"]) {
                page.line("<div class=\"camp\" id=\"camp-\(label.lowercased())\"><h3>Camp \(label) "
                    + "<span class=\"count\">(\(camp.count))</span></h3><ul>"
                    + camp.map { "<li>\(escape(AnalystReport.name(n, $0)))</li>" }.joined() + "</ul></div>")
            }
            page.line("</div>")
            if f.unweighted.frustrated.isEmpty {
                page.line("<p>No tie is frustrated: the split is clean.</p>")
            } else {
                page.line("<h3>Frustrated ties</h3>")
                page.line("<ul class=\"frustrated\">" + f.unweighted.frustrated.map {
                    "<li>\(actorLabel(n, $0.first))–\(actorLabel(n, $0.second)) "
                        + "(\($0.sign == .positive ? "friends across camps" : "rivals in one camp"))</li>"
                }.joined() + "</ul>")
            }
        case let .failure(e):
            page.line("<dt>Frustration index</dt><dd>Not computed: \(escape(e.description))</dd>")
            page.line("</dl>")
        }
        if case let .success(with) = r.frustration, case let .success(without)? = r.frustrationWithoutInferred {
            page.line("<p class=\"note\">Without the inferred relations: <var>L</var> = \(without.index)"
                + (AnalystReport.sameSplit(with, without) ? ", the same split: the camps do not rest on inferences."
                    : "; the split differs, so these camps rest in part on inferred relations.") + "</p>")
        }
        page.line("</section>")
    }

    /// Part 4 of the text report, with every pair (the text report shows the extremes).
    static func sayDoSection(_ r: NetworkReport, into page: inout Page) {
        let n = r.network
        page.line("<section id=\"saydo\" aria-labelledby=\"saydo-title\">")
        page.line("<h2 id=\"saydo-title\">Say versus do</h2>")
        page.line("<p class=\"explain\">For each actor supporting another: stated support (words: statements, votes, "
            + "pledges, treaties, mediation) against material support (arms, drones, fuel, money, troops), each the sum of "
            + "the weights of the positive relations on that channel; an undirected relation supports both ways. Not given: "
            + "what the target asked for, or the source promised, and did not get (unmet or refused; half for partly met). "
            + "Gap = stated − material; relations without a channel are counted apart. "
            + "View: \(escape(r.supportView.filter.describe(in: n))).</p>")
        let pairs = r.sayDo.pairs
        if pairs.isEmpty {
            page.line("<p class=\"empty\">No relation in this view records a channel (stated or material) or an unmet "
                + "request or pledge.</p>")
        } else {
            page.line("<table class=\"sortable\" id=\"saydo-table\">")
            page.line("<caption>\(pairs.count) supporting pairs, most words over deeds first.</caption>")
            page.line("<thead><tr><th scope=\"col\">source</th><th scope=\"col\">target</th>"
                + "<th scope=\"col\" class=\"num\">stated</th><th scope=\"col\" class=\"num\">material</th>"
                + "<th scope=\"col\" class=\"num\">unspecified</th><th scope=\"col\" class=\"num\">not given</th>"
                + "<th scope=\"col\" class=\"num\" aria-sort=\"descending\">gap</th></tr></thead>")
            page.line("<tbody>")
            for p in pairs {
                let gapClass = p.gap > 0 ? "num words" : p.gap < 0 ? "num deeds" : "num"
                page.line("<tr><td>\(actorLabel(n, p.source))</td><td>\(actorLabel(n, p.target))</td>"
                    + "<td class=\"num\">\(AnalystReport.number(p.stated, 1))</td>"
                    + "<td class=\"num\">\(AnalystReport.number(p.material, 1))</td>"
                    + "<td class=\"num\">\(AnalystReport.number(p.unspecified, 1))</td>"
                    + "<td class=\"num\">\(AnalystReport.number(p.notGiven, 1))</td>"
                    + "<td class=\"\(gapClass)\" data-sort=\"\(escape(NumberText.exact(p.gap)))\">\(String(format: "%+.1f", p.gap))"
                    + (p.restsOnInferred ? " <em>inferred</em>" : "") + "</td></tr>")
            }
            page.line("</tbody></table>")
        }
        page.line("</section>")
    }

    /// The export formats, in the order of `NetworkFormat.all`: (query, file suffix, what it is
    /// for); a format that can be dynamic is offered both ways.
    static let downloads: [(query: String, suffix: String, label: String, use: String)] =
        NetworkFormat.all.filter(\.canWrite).flatMap { format in
            let ext = format.extensions[0]
            var links = [("format=\(format.name)", ".\(ext)", format.title, format.uses)]
            if format.capabilities.contains(.dynamic) {
                links.append(("format=\(format.name)&dynamic=true", "-dynamic.\(ext)", "\(format.title), dynamic",
                              "Gephi's timeline: relations' dates as intervals"))
            }
            return links
        }

    static func downloadsSection(name: String, base: String, into page: inout Page) {
        page.line("<section id=\"downloads\" aria-labelledby=\"downloads-title\">")
        page.line("<h2 id=\"downloads-title\">Downloads</h2>")
        page.line("<ul class=\"links\">")
        for d in downloads {
            page.line("<li><a href=\"\(escape(base))/export?\(escape(d.query))\" download=\"\(escape(name + d.suffix))\">"
                + "\(escape(d.label))</a> <span class=\"use\">\(escape(d.use))</span></li>")
        }
        page.line("<li><a href=\"\(escape(base))/render.svg\" download=\"\(escape(name)).svg\">SVG drawing</a> "
            + "<span class=\"use\">Graphviz</span></li>")
        page.line("</ul>")
        page.line("</section>")
        page.line("<section id=\"api\" aria-labelledby=\"api-title\">")
        page.line("<h2 id=\"api-title\">JSON API</h2>")
        page.line("<ul class=\"links\">")
        for (path, what) in [
            ("", "the network itself (GET; PUT replaces it, DELETE removes it)"),
            ("/metrics", "centrality per actor (metric=a,b,… picks the measures)"),
            ("/hedging", "every actor's hedging with the rivalries it straddles"),
            ("/balance", "triangles, walk balance, frustration with its camps, PN centrality"),
            ("/report", "everything on this page"),
            ("/dyad?a=RUS&b=IRN", "everything between two actors: does a support b? (a, b: actor ids)"),
        ] {
            page.line("<li><a href=\"\(escape(base + path))\"><code>GET \(escape(base + path))</code></a>: \(escape(what))</li>")
        }
        page.line("<li><a href=\"/openapi.json\"><code>GET /openapi.json</code></a>: the OpenAPI description of every endpoint</li>")
        page.line("</ul>")
        page.line("</section>")
    }

    /// "RUS" with the actor's name as a tooltip when it differs from the id.
    static func actorLabel(_ network: Network, _ id: String) -> String {
        let shown = escape(AnalystReport.shortLabel(network, id))
        guard let actor = network.actor(withID: id), actor.name != id else { return shown }
        return "<abbr title=\"\(escape(actor.name))\">\(shown)</abbr>"
    }

    /// Graphviz's SVG without what only a standalone XML file may hold (declaration, doctype,
    /// comments) and without the namespace declarations of its root, which HTML implies: so the
    /// page holds no `http://` at all, not even a namespace name that looks like a load.
    static func inlineSVG(_ svg: String) -> String {
        var text = Substring(svg)
        if let start = text.range(of: "<svg") { text = text[start.lowerBound...] }
        if let end = text.firstIndex(of: ">") {
            let root = String(text[...end]).replacingOccurrences(
                of: #"\s+xmlns(:[A-Za-z][A-Za-z0-9]*)?="[^"]*""#, with: "", options: .regularExpression)
            text = Substring(root + text[text.index(after: end)...])
        }
        var out = ""
        while let open = text.range(of: "<!--") {
            out += text[..<open.lowerBound]
            guard let close = text[open.upperBound...].range(of: "-->") else {
                text = text[text.endIndex...]
                break
            }
            text = text[close.upperBound...]
        }
        out += text
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

// MARK: - Escaping and the page frame

extension HTMLReport {
    /// Text for HTML content and quoted attribute values: `& < > " '` become entities.
    /// A plain page for an error on a page route (unknown network, invalid stored file), so a
    /// browser shows a page rather than raw JSON; no script, no external resource.
    public static func errorPage(status: Int, message: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(status) · ActorNet</title>
        <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}</style>
        </head><body><p><a href="/">Networks</a></p><h1>\(status)</h1><p>\(escape(message))</p></body></html>

        """
    }

    /// Data for HTML text and quoted attribute values: `& < > " '` as entities (`'` as `&#39;`),
    /// everything else, line breaks included, as it is.
    static func escape(_ text: String) -> String {
        XMLEscape.text(text, lineBreaks: .keep, forbidden: .keep, apostrophe: .numeric)
    }

    /// A network name as one URL path segment: everything but RFC 3986's unreserved characters
    /// percent-encoded (UTF-8), so `/`, `?`, `#` and spaces in a name cannot change the URL.
    static func pathSegment(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Makes every `table.sortable` sortable by clicking a header: numbers (a cell's
    /// `data-sort`, else its text) compare as numbers, the rest as text; the first click sorts
    /// numeric columns highest first. Headers become buttons so the keyboard reaches them.
    /// Then fetches a deferred drawing (`drawingURL` of `network`) as a job, showing its progress.
    /// The script is `sort.js`; any change there must update `sortScriptHash` (the test checks it).
    static let sortScript = resource("sort", "js")

    /// base64 of SHA-256 over `sortScript` between its tags: the CSP allows this script only.
    static let sortScriptHash = "sha256-OdXEWEf0dKy7EKbKPz7leziV/qKEPeasICvRE8zRRAU="

    /// The page's style sheet (`page.css`, inlined: the CSP loads nothing from outside).
    static let styleSheet = resource("page", "css")

    /// A text resource of the server module without its final newline; the server cannot run
    /// without its page resources, so a missing one is a build error, reported at first use.
    static func resource(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext),
              let data = try? Data(contentsOf: url) else {
            preconditionFailure("the server's resource \(name).\(ext) is missing from its bundle")
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.last == "\n" { text.removeLast() }
        return text
    }

    /// The frame every page shares; sections add lines.
    struct Page {
        var lines: [String]

        init(title: String) {
            lines = [
                "<!DOCTYPE html>",
                "<html lang=\"en\">",
                "<head>",
                "<meta charset=\"utf-8\">",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                // Nothing outside the page may load; the only script is the sorting one.
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    + "style-src 'unsafe-inline'; script-src '\(HTMLReport.sortScriptHash)'; img-src data:; connect-src 'self'; "
                    + "base-uri 'none'; form-action 'self'\">",
                "<meta name=\"generator\" content=\"ActorNet\">",
                "<title>\(HTMLReport.escape(title))</title>",
                "<style>\n\(HTMLReport.styleSheet)\n</style>",
                "</head>",
                "<body>",
            ]
        }

        mutating func line(_ text: String) { lines.append(text) }

        func finish() -> String {
            (lines + ["<script>\(HTMLReport.sortScript)</script>", "</body>", "</html>"]).joined(separator: "\n") + "\n"
        }
    }
}

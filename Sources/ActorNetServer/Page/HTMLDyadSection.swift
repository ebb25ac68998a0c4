import ActorNetReports
import ActorNetIO
import ActorNetCore

extension HTMLReport {
    /// "Does A support B?": the analyst picks the two actors (a form that reloads the page with
    /// `?a=…&b=…`, no script), then the computed summary, say versus do both ways, what was asked
    /// or promised and not given, the caps, the episodes and every relation with its evidence —
    /// what `actornet dyad` prints.
    static func dyadSection(_ d: DyadResult, network n: Network, name: String, base: String, chart: String?,
                            into page: inout Page) {
        let a = d.first.id, b = d.second.id
        page.line("<section id=\"dyad\" aria-labelledby=\"dyad-title\">")
        page.line("<h2 id=\"dyad-title\">Does \(escape(d.first.name)) support \(escape(d.second.name))?</h2>")
        page.line("<form class=\"pick\" method=\"get\" action=\"/networks/\(escape(pathSegment(name)))#dyad\">")
        for (field, label, chosen) in [("a", "Does", a), ("b", "support", b)] {
            page.line("<label>\(label) <select name=\"\(field)\">" + n.actors.map(\.id).sorted().map { id in
                "<option value=\"\(escape(id))\"\(id == chosen ? " selected" : "")>\(escape(AnalystReport.name(n, id)))</option>"
            }.joined() + "</select></label>")
        }
        page.line("<button type=\"submit\">Show</button></form>")
        page.line("<ul class=\"summary\">" + d.summary.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        if let chart {
            page.line("<figure><div class=\"drawing chart\">\(inlineSVG(chart))</div>")
            page.line("<figcaption>Say versus do of \(escape(a)) towards \(escape(b)) over time, drawn by ActorNet.</figcaption></figure>")
        }

        page.line("<h3>Say versus do, both ways</h3>")
        page.line("<table><thead><tr><th scope=\"col\">giver → receiver</th><th scope=\"col\" class=\"num\">stated</th>"
            + "<th scope=\"col\" class=\"num\">material</th><th scope=\"col\" class=\"num\">unspecified</th>"
            + "<th scope=\"col\" class=\"num\">not given</th><th scope=\"col\">reading</th></tr></thead><tbody>")
        for p in [d.now.forward, d.now.backward] {
            page.line("<tr><td>\(escape(p.source)) → \(escape(p.target))</td><td class=\"num\">\(NumberText.exact(p.stated))</td>"
                + "<td class=\"num\">\(NumberText.exact(p.material))</td><td class=\"num\">\(NumberText.exact(p.unspecified))</td>"
                + "<td class=\"num\">\(NumberText.exact(p.notGiven))</td><td>\(escape(p.verdict.rawValue))"
                + (p.restsOnInferred ? " (rests on inferred relations)" : "") + "</td></tr>")
        }
        page.line("</tbody></table>")

        page.line("<h3>Asked and promised</h3>")
        let commitments = d.commitments
        if commitments.isEmpty {
            page.line("<p class=\"empty\">No relation between them records a request or a pledge.</p>")
        } else {
            page.line("<ul>" + commitments.map { c in
                let r = c.relation
                let who = r.commitment == .request ? "\(r.source) asked \(r.target) for" : "\(r.source) promised \(r.target)"
                return "<li>\(escape(who)) \(escape(r.flows.isEmpty ? r.label ?? r.id : r.flows.joined(separator: ", "))) "
                    + "(\(escape(DyadReport.dates(r)))): <strong>\(escape(r.fulfilment?.rawValue ?? "fulfilment not recorded"))</strong>"
                    + " <code>\(escape(r.id))</code></li>"
            }.joined() + "</ul>")
        }

        page.line("<h3>What caps the support: \(escape(a))'s positive ties with \(escape(b))'s rivals</h3>")
        if d.now.caps.isEmpty {
            page.line("<p class=\"empty\">\(escape(a)) has no positive tie with a rival of \(escape(b)).</p>")
        } else {
            page.line("<ul>" + d.now.caps.map { c in
                "<li>\(actorLabel(n, c.third)): \(escape(a))–\(escape(c.third)) +\(NumberText.exact(c.friendTie)), "
                    + "\(escape(b))–\(escape(c.third)) −\(NumberText.exact(c.rivalTie))"
                    + (c.restsOnInferred ? " <em>rests on inferred relations</em>" : "") + "</li>"
            }.joined() + "</ul>")
        }

        page.line("<h3>Episodes</h3>")
        if d.episodes.isEmpty {
            page.line("<p class=\"empty\">No dated change up to this date.</p>")
        } else {
            page.line("<table><thead><tr><th scope=\"col\">date</th><th scope=\"col\" class=\"num\">net tie</th>"
                + "<th scope=\"col\" class=\"num\">stated</th><th scope=\"col\" class=\"num\">material</th>"
                + "<th scope=\"col\" class=\"num\">not given</th><th scope=\"col\">relations started / ended</th></tr></thead><tbody>")
            for e in d.episodes {
                let moved = (e.started.map { "+" + $0 } + e.ended.map { "−" + $0 }).joined(separator: ", ")
                page.line("<tr><td>\(escape(e.date.description))</td><td class=\"num\">\(NumberText.exact(e.after.net))</td>"
                    + "<td class=\"num\">\(NumberText.exact(e.after.stated))</td><td class=\"num\">\(NumberText.exact(e.after.material))</td>"
                    + "<td class=\"num\">\(NumberText.exact(e.after.notGiven))</td><td>\(escape(moved))</td></tr>")
            }
            page.line("</tbody></table>")
        }

        page.line("<h3>Every relation between them, with its evidence</h3>")
        for r in d.relations {
            let rel = r.relation
            let summary = "<code>\(escape(rel.id))</code> \(escape(DyadReport.arrow(r))), \(escape(rel.kind)) "
                + "(\(r.sign.symbol)\(NumberText.exact(rel.weight))), \(escape(rel.channel?.rawValue ?? "no channel")), "
                + "\(escape(DyadReport.dates(rel)))\(rel.inferred ? ", <strong>inferred</strong>" : "")"
                + (r.present ? "" : " — not counted at this date")
            let evidence: [String] = rel.evidence.map { e in
                "<li>\(escape(e.text ?? e.url ?? ""))"
                    + (e.section.map { " <span class=\"use\">[\(escape($0))]</span>" } ?? "") + "</li>"
            }
            let items = (rel.label.map { "<li>\(escape($0))</li>" } ?? "") + evidence.joined()
                + (rel.note.map { "<li><em>Note:</em> \(escape($0))</li>" } ?? "")
            page.line("<details><summary>\(summary)</summary><ul>\(items)</ul></details>")
        }
        let query = "a=\(pathSegment(a))&b=\(pathSegment(b))"
        page.line("<p class=\"explain\">The same as JSON: <a href=\"\(escape(base))/dyad?\(escape(query))\">"
            + "<code>GET \(escape(base))/dyad?\(escape(query))</code></a>; on the command line: "
            + "<code>actornet dyad FILE \(escape(a)) \(escape(b))</code>.</p>")
        page.line("</section>")
    }

    /// The pair a page shows when none is asked for: the ordered pair joined by the most
    /// relations (ties: the one whose giver has more relations overall, then by ids), nil for
    /// a network without relations.
    public static func defaultDyad(_ network: Network) -> (String, String)? {
        var counts: [String: Int] = [:]
        var pairs: [[String]: Int] = [:]
        for r in network.relations {
            counts[r.source, default: 0] += 1
            counts[r.target, default: 0] += 1
            pairs[[r.source, r.target], default: 0] += 1
        }
        let best = pairs.max { x, y in
            if x.value != y.value { return x.value < y.value }
            let cx = counts[x.key[0]] ?? 0, cy = counts[y.key[0]] ?? 0
            if cx != cy { return cx < cy }
            return x.key.lexicographicallyPrecedes(y.key) == false
        }
        return best.map { ($0.key[0], $0.key[1]) }
    }
}

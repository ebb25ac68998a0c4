document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, column) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener("click", function () {
      var numeric = th.classList.contains("num");
      var current = th.getAttribute("aria-sort");
      var descending = current ? current === "ascending" : numeric;
      Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var key = function (row) {
        var cell = row.cells[column];
        return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
      };
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return descending ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
(function () {
  // The drawing, made as a job: submitted with Prefer: respond-async, polled for its progress,
  // inserted when done (Graphviz's SVG, parsed as SVG, never as HTML).
  var figure = document.getElementById("drawing-job");
  if (!figure || !window.fetch) return;
  var status = document.getElementById("drawing-status");
  var box = document.getElementById("drawing-box");
  var say = function (text) { status.textContent = text; };
  var fail = function (why) { say("No drawing: " + why + " (every other section works without it)."); };
  var poll = function (location) {
    fetch(location, { cache: "no-store", headers: { "Prefer": "wait=10" } }).then(function (response) { return response.json(); }).then(function (job) {
      if (job.state === "done") {
        return fetch(job.result).then(function (response) { return response.text(); }).then(function (text) {
          var svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
          if (svg.nodeName !== "svg") return fail("the server sent no SVG");
          box.replaceChildren(document.importNode(svg, true));
        });
      }
      if (job.state === "failed" || job.state === "cancelled") return fail(job.error ? job.error.detail : job.state);
      say("Graphviz is drawing the network (" + job.state + (job.progress === null ? "" : ", " + Math.round(job.progress * 100) + "%") + ")…");
      setTimeout(function () { poll(location); }, 500);
    }).catch(function (error) { fail(String(error)); });
  };
  say("Graphviz is drawing the network…");
  fetch(figure.getAttribute("data-render"), { headers: { "Prefer": "respond-async" } }).then(function (response) {
    if (response.status !== 202) {
      return response.json().then(function (problem) {
        fail(problem.detail || (problem.error && problem.error.message) || "HTTP " + response.status);
      });
    }
    poll(response.headers.get("Location"));
  }).catch(function (error) { fail(String(error)); });
})();

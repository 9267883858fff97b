// The staff console: reads /console/api/* and renders red flags, missed messages and charts (Chart.js).
// Everything the owner wrote is put on the page as text, never as HTML.
(function () {
  "use strict";

  var kindNames = { "not-sure": "not sure", "did-you-mean": "did you mean", "out-of-scope": "not something I know", "did-not-help": "\u201cNo\u201d to \u201cDid that help?\u201d" };
  var palette = ["#1b5e20", "#0d47a1", "#b71c1c", "#6a1b9a", "#e65100", "#004d40", "#37474f"];
  var topics = [];
  var charts = [];

  function $(selector, root) { return (root || document).querySelector(selector); }

  function query() {
    return "?site=" + encodeURIComponent($("#site").value || "all") + "&days=" + encodeURIComponent($("#days").value);
  }

  function getJson(path) {
    return fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (response) {
      if (response.status === 401) { window.location.assign("/console"); throw new Error("signed out"); }
      if (!response.ok) { throw new Error(path + ": " + response.status); }
      return response.json();
    });
  }

  function text(element, value) { element.textContent = value; return element; }

  function loadMe() {
    return getJson("/console/api/me").then(function (me) {
      topics = me.topics;
      var select = $("#site");
      if (me.sites.length > 1) {
        select.appendChild(new Option("All sites", "all"));
      }
      me.sites.forEach(function (site) { select.appendChild(new Option(site.name + " (" + site.id + ")", site.id)); });
      text($("#who"), me.name ? "Signed in as " + me.name : "Open on this machine");
    });
  }

  function renderRedFlags(rows) {
    var list = $("#redflag-list");
    list.replaceChildren();
    $("#redflags-empty").hidden = rows.length > 0;
    rows.forEach(function (row) {
      var card = $("#redflag-template").content.firstElementChild.cloneNode(true);
      var tier = text($("[data-tier]", card), row.tier === "emergency" ? "Emergency" : "Vet soon");
      tier.className = "tier " + row.tier;
      text($("[data-signs]", card), row.signs.join(", "));
      text($("[data-time]", card), row.localTime);
      text($("[data-channel]", card), row.channel);
      text($("[data-owner]", card), "owner " + row.owner);
      text($("[data-systems]", card), row.bodySystems.join(", "));
      var messages = $("[data-messages]", card);
      if (row.messages.length === 0) {
        messages.appendChild(text(document.createElement("li"), "(no words kept)"));
      }
      row.messages.forEach(function (m) {
        var item = text(document.createElement("li"), m.text);
        item.className = m.role;
        messages.appendChild(item);
      });
      var followed = $("[data-followed]", card);
      var button = $("[data-follow]", card);
      button.setAttribute("aria-label", "Mark as followed up: the red flag of " + row.localTime);
      if (row.followedUpBy) {
        text(followed, "Followed up by " + row.followedUpBy + " at " + row.followedUpAt);
        button.hidden = true;
      }
      button.addEventListener("click", function () {
        button.disabled = true;
        fetch("/console/api/redflags/" + row.id + "/followed-up", { method: "POST", credentials: "same-origin" }).then(function (response) {
          if (response.ok) { refresh(); } else { button.disabled = false; }
        });
      });
      list.appendChild(card);
    });
  }

  function renderMissed(groups) {
    var list = $("#missed-list");
    list.replaceChildren();
    $("#missed-empty").hidden = groups.length > 0;
    groups.forEach(function (group, index) {
      var card = $("#group-template").content.firstElementChild.cloneNode(true);
      card.dataset.group = group.id;
      text($("[data-title]", card), "\u201c" + group.examples[0] + "\u201d");
      var kinds = Object.keys(group.kinds).map(function (k) { return group.kinds[k] + " " + (kindNames[k] || k); }).join(", ");
      text($("[data-size]", card), group.size + (group.size === 1 ? " message" : " messages") + " (" + kinds + ")" + (group.nearTopic ? "; nearest topic: " + group.nearTopic : ""));
      var examples = $("[data-examples]", card);
      group.examples.forEach(function (example) { examples.appendChild(text(document.createElement("li"), example)); });
      var select = $("[data-topic]", card);
      var id = "topic-" + index;
      select.id = id;
      $("[data-label-for]", card).htmlFor = id;
      text($("[data-label-for]", card), "Topic for this group");
      select.required = true;
      select.appendChild(new Option("Choose a topic", "", !group.nearTopic, !group.nearTopic));
      topics.forEach(function (topic) {
        select.appendChild(new Option(topic === "outOfScope" ? "out of scope" : topic, topic, false, topic === group.nearTopic));
      });
      $("[data-label-form]", card).addEventListener("submit", function (event) {
        event.preventDefault();
        var apply = event.submitter ? event.submitter.value === "true" : true;
        fetch("/console/api/labels", {
          method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ topic: select.value, texts: group.texts, apply: apply })
        }).then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
          .then(function (result) {
            var status = $("#missed-status");
            if (!result.ok) { text(status, "Not labelled: " + (result.body.detail || result.body.error || "") + " " + (result.body.problems || []).join("; ")); return; }
            text(status, result.body.labelled + " labelled as " + select.value + (result.body.applied ? ", and the bot uses it from the next message." : "."));
            card.classList.add("done");
          });
      });
      list.appendChild(card);
    });
  }

  function renderCharts(data) {
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    document.querySelectorAll("figure[data-chart]").forEach(function (figure) {
      var chart = data.find(function (c) { return c.name === figure.dataset.chart; });
      figure.querySelectorAll(".chart-body").forEach(function (old) { old.remove(); });
      if (!chart) { return; }
      var body = document.createElement("div");
      body.className = "chart-body";
      var canvas = document.createElement("canvas");
      canvas.setAttribute("role", "img");
      var names = Object.keys(chart.series);
      var shown = figure.dataset.series ? [figure.dataset.series] : names;
      canvas.setAttribute("aria-label", figure.querySelector("figcaption").textContent + ": " + summary(chart, shown));
      body.appendChild(canvas);
      body.appendChild(table(chart, figure.querySelector("figcaption").textContent));
      var csv = text(document.createElement("a"), "Download CSV");
      csv.href = "/console/api/charts/" + chart.name + ".csv" + query();
      csv.setAttribute("download", chart.name + ".csv");
      body.appendChild(csv);
      figure.appendChild(body);
      if (!window.Chart) { return; }
      var type = figure.dataset.type;
      charts.push(new window.Chart(canvas, {
        type: type,
        data: {
          labels: chart.labels,
          datasets: shown.map(function (name, i) {
            return { label: name, data: chart.series[name], backgroundColor: type === "doughnut" ? ["#1b5e20", "#b71c1c"] : palette[i % palette.length] };
          })
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          indexAxis: figure.dataset.horizontal ? "y" : "x",
          scales: type === "doughnut" ? {} : { x: { stacked: !!figure.dataset.stacked }, y: { stacked: !!figure.dataset.stacked, beginAtZero: true } },
          plugins: { legend: { display: shown.length > 1 || type === "doughnut" } }
        }
      }));
      figure.dataset.rendered = "true";
    });
  }

  function summary(chart, shown) {
    if (chart.labels.length === 0) { return "no data yet"; }
    return chart.labels.map(function (label, i) {
      return label + " " + shown.map(function (name) { return chart.series[name][i]; }).join("/");
    }).join(", ");
  }

  function table(chart, caption) {
    var details = document.createElement("details");
    details.appendChild(text(document.createElement("summary"), "Table"));
    var t = document.createElement("table");
    t.appendChild(text(document.createElement("caption"), caption));
    var head = document.createElement("tr");
    head.appendChild(text(document.createElement("th"), ""));
    Object.keys(chart.series).forEach(function (name) { var th = text(document.createElement("th"), name); th.scope = "col"; head.appendChild(th); });
    t.appendChild(head);
    chart.labels.forEach(function (label, i) {
      var row = document.createElement("tr");
      var th = text(document.createElement("th"), label);
      th.scope = "row";
      row.appendChild(th);
      Object.keys(chart.series).forEach(function (name) { row.appendChild(text(document.createElement("td"), String(chart.series[name][i]))); });
      t.appendChild(row);
    });
    details.appendChild(t);
    return details;
  }

  function refresh() {
    var q = query();
    $("#labels-export").href = "/console/api/labels.json" + q;
    return Promise.all([
      getJson("/console/api/redflags" + q).then(renderRedFlags),
      getJson("/console/api/missed" + q).then(renderMissed),
      getJson("/console/api/charts" + q).then(renderCharts)
    ]).then(function () { document.body.dataset.loaded = "true"; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("#filters").addEventListener("change", refresh);
    loadMe().then(refresh);
  });
})();

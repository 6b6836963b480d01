/*
 * The coverage layer of the live map: the line of contact cut into segments, green where a sensor looked in the
 * last hour, grey where nobody did. Grey means "no coverage" — not seen — never "nothing happened".
 * Fetched from /api/coverage (the hour before the center clock) when shown, and every minute while shown.
 * Every string comes from I18n.
 */
"use strict";
const TruceCoverage = (() => {
  const t = (id, vars) => I18n.t(id, vars);
  const REFRESH_MS = 60_000;
  // Grey is also dashed, so "no coverage" reads without colour.
  const OBSERVED = { color: "#2e7d32", weight: 5, opacity: 0.95 };
  const UNOBSERVED = { color: "#8d8d8d", weight: 5, opacity: 0.95, dashArray: "4 6" };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }
  const fmtTime = (iso) => I18n.time(iso);

  function popup(p) {
    const table = el("table", { class: "details" },
      el("tr", {}, el("th", {}, t("coverage.interval")),
        el("td", {}, t("coverage.intervalValue", { from: fmtTime(p.from), to: fmtTime(p.to) }))),
      el("tr", {}, el("th", {}, t("coverage.status")),
        el("td", {}, p.observed ? t("coverage.observedValue", { value: I18n.percent(p.probability) })
          : t("coverage.notObserved"))));
    if (p.assets.length) {
      table.append(el("tr", {}, el("th", {}, t("coverage.assets")), el("td", {}, p.assets.join(", "))));
    }
    return el("div", { class: "popup coverage-popup" }, el("h3", {}, t("coverage.segment", { id: p.id })), table);
  }

  /**
   * Adds the layer's toggle and legend rows to {@code legend} and shows the layer.
   * @param map Leaflet map; @param pane the pane to draw in; @param legend the legend element
   */
  function start(map, pane, legend) {
    const group = L.layerGroup();
    const state = { shown: false, timer: null, segments: 0, observed: 0 };
    const toggle = el("input", { type: "checkbox", id: "coverage-toggle" });
    const status = el("div", { class: "coverage-status", id: "coverage-status" });
    const swatch = (cls) => el("span", { class: "swatch coverage " + cls });
    legend.append(
      el("label", { class: "legend-row coverage-toggle", for: "coverage-toggle" }, toggle, t("coverage.layer")),
      el("div", { class: "legend-row" }, swatch("coverage-observed"), t("coverage.legendObserved")),
      el("div", { class: "legend-row" }, swatch("coverage-none"), t("coverage.legendNone")),
      status);

    async function refresh() {
      const response = await fetch("/api/coverage", { headers: { Accept: "application/geo+json" } });
      if (!response.ok) {
        status.textContent = t("coverage.unavailable");
        return;
      }
      const fc = await response.json();
      const segments = fc.features.filter((f) => f.properties.kind === "segment");
      group.clearLayers();
      L.geoJSON({ type: "FeatureCollection", features: segments }, {
        pane,
        style: (f) => Object.assign({ className: "coverage-segment "
          + (f.properties.observed ? "coverage-observed" : "coverage-none") },
        f.properties.observed ? OBSERVED : UNOBSERVED),
        onEachFeature: (f, lyr) => lyr.bindPopup(() => popup(f.properties)),
      }).addTo(group);
      state.segments = segments.length;
      state.observed = segments.filter((f) => f.properties.observed).length;
      const first = segments[0];
      status.textContent = first ? t("coverage.statusLine", { observed: I18n.number(state.observed), total: I18n.number(state.segments),
        from: fmtTime(first.properties.from), to: fmtTime(first.properties.to) }) : "";
    }
    const refreshQuietly = () => refresh().catch((e) => console.error(e));

    function show(on) {
      state.shown = on;
      toggle.checked = on;
      clearInterval(state.timer);
      state.timer = null;
      if (on) {
        group.addTo(map);
        refreshQuietly();
        state.timer = setInterval(refreshQuietly, REFRESH_MS);
      } else {
        group.remove();
        group.clearLayers();
        status.textContent = "";
      }
    }
    toggle.addEventListener("change", () => show(toggle.checked));
    show(true);
    return {
      refresh: refreshQuietly,
      shown: () => state.shown,
      counts: () => ({ segments: state.segments, observed: state.observed }),
    };
  }

  return { start };
})();

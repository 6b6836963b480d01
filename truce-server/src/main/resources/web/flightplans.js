/*
 * The flight-plans layer of the live map: the drone flights the contingents have filed (docs/flight-plans.md),
 * drawn dashed along their route or around their area, for the window from the center clock to 12 hours ahead.
 * Cancelled plans are not drawn. A person who may not read plans (the public, on a center that keeps them to
 * people signed in) sees the layer say so. Every string comes from I18n.
 */
"use strict";
const TruceFlightPlans = (() => {
  const t = (id, vars) => I18n.t(id, vars);
  const REFRESH_MS = 60_000;
  const AHEAD_MS = 12 * 3600_000;
  const STYLE = { color: "#6a3d9a", weight: 2, opacity: 0.9, dashArray: "6 6", fillOpacity: 0.05 };

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
    const rows = [
      [t("flightPlan.asset"), t("flightPlan.assetValue", { asset: p.asset, contingent: p.contingent })],
      [t("flightPlan.window"), t("flightPlan.windowValue", { from: fmtTime(p.from), to: fmtTime(p.to) })],
      [t("flightPlan.altitude"), t("flightPlan.altitudeValue", { min: I18n.number(Math.round(p.minAltitudeM)),
        max: I18n.number(Math.round(p.maxAltitudeM)) })],
      [t("flightPlan.purpose"), p.purpose],
      [t("flightPlan.filed"), t("flightPlan.filedValue", { by: p.filedBy, time: fmtTime(p.filed) })],
    ];
    const table = el("table", { class: "details" });
    for (const [k, v] of rows) table.append(el("tr", {}, el("th", {}, k), el("td", {}, v)));
    const link = el("a", { href: `/api/flight-plans/${encodeURIComponent(p.id)}`, target: "_blank", rel: "noopener" },
      t("common.api"));
    return el("div", { class: "popup flight-plan-popup" }, el("h3", {}, t("flightPlan.title", { id: p.id }), " ", link), table);
  }

  /**
   * Adds the layer's toggle and legend row to {@code legend} and shows the layer.
   * @param map Leaflet map; @param pane the pane to draw in; @param legend the legend element
   */
  function start(map, pane, legend) {
    const group = L.layerGroup();
    const state = { shown: false, timer: null, ids: [] };
    const toggle = el("input", { type: "checkbox", id: "flight-plans-toggle" });
    const status = el("div", { class: "flight-plans-status", id: "flight-plans-status" });
    const swatch = el("span", { class: "swatch flight-plan" });
    legend.append(
      el("label", { class: "legend-row flight-plans-toggle", for: "flight-plans-toggle" }, toggle, swatch,
        t("flightPlan.layer")),
      status);

    async function refresh() {
      const clock = await (await fetch("/api/clock")).json();
      const now = Date.parse(clock.time);
      const to = new Date(now + AHEAD_MS).toISOString();
      const response = await fetch(`/api/flight-plans?from=${encodeURIComponent(clock.time)}&to=${encodeURIComponent(to)}`,
        { credentials: "same-origin" });
      if (!response.ok) {
        group.clearLayers();
        state.ids = [];
        status.textContent = t("flightPlan.unavailable");
        return;
      }
      const plans = (await response.json()).filter((p) => p.status === "FILED");
      group.clearLayers();
      for (const p of plans) {
        L.geoJSON(p.path, { pane, style: () => Object.assign({ className: "flight-plan" }, STYLE) })
          .bindTooltip(t("flightPlan.tooltip", { asset: p.asset, from: fmtTime(p.from), to: fmtTime(p.to) }), { sticky: true })
          .bindPopup(() => popup(p))
          .addTo(group);
      }
      state.ids = plans.map((p) => p.id);
      status.textContent = t("flightPlan.statusLine", { count: I18n.number(plans.length), to: fmtTime(to) });
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
        state.ids = [];
        status.textContent = "";
      }
    }
    toggle.addEventListener("change", () => show(toggle.checked));
    show(true);
    return { refresh: refreshQuietly, shown: () => state.shown, ids: () => [...state.ids] };
  }

  return { start };
})();

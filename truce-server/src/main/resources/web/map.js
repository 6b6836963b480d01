/*
 * The live map: draws the agreement's zones as the basemap (no tile server), then assets, footprints, tracks and
 * incidents from the JSON API, and keeps them current from the server-sent events at /api/events.
 * Every figure links to the API record it comes from; every string comes from I18n.
 */
"use strict";
(() => {
  const t = (id, vars) => I18n.t(id, vars);
  const $ = (id) => document.getElementById(id);

  // Roles are drawn bottom to top in this order; styles make each role recognisable without colour alone.
  const ZONE_STYLES = {
    REFERENCE: { color: "#8a8478", weight: 1, dashArray: "3 3", fill: false },
    THEATER: { color: "#4d4d4d", weight: 2, fill: false },
    HANDOVER_DISTRICT: { color: "#c77700", weight: 1.5, dashArray: "8 4", fillColor: "#f0a030", fillOpacity: 0.18 },
    AIRSPACE: { color: "#5a6f8a", weight: 1, dashArray: "1 5", fill: false },
    PEACEKEEPING_ZONE: { color: "#1b7f5c", weight: 2, dashArray: "6 4", fillColor: "#1b7f5c", fillOpacity: 0.05 },
    HELD_AREA: { color: "#8e2c2c", weight: 2.5, fillColor: "#d98c8c", fillOpacity: 0.25 },
    CORRIDOR: { color: "#6a3d9a", weight: 1.5, fillColor: "#6a3d9a", fillOpacity: 0.35 },
    PREMISES: { color: "#000000", weight: 2, fillColor: "#000000", fillOpacity: 0.6 },
  };
  const ROLE_ORDER = Object.keys(ZONE_STYLES);
  // Sides and contingents get colours by their position in the agreement: they are data, never named here.
  // The two palettes share no hue with each other or with the incident red, so a colour never means two things.
  const PARTY_COLOURS = ["#1565c0", "#2e7d32", "#f9a825", "#5d4037", "#00acc1"];
  const CONTINGENT_COLOURS = ["#00838f", "#c2185b", "#ef6c00", "#827717"];
  const UNDETERMINED_COLOUR = "#7f7f7f";

  const state = {
    agreement: null,
    map: null,
    panes: {},
    incidents: new Map(), // id -> {incident, marker, ring}
    tracks: new Map(), // id -> marker
    assets: new Map(), // id -> {info, marker, footprint, fix, fixId, health}
    partyIndex: new Map(),
    contingentIndex: new Map(),
    zoneNames: new Map(),
    coverage: null, // the coverage layer's handle (coverage.js)
    flightPlans: null, // the flight-plans layer's handle (flightplans.js)
    pending: [], // live events that arrived before the initial load finished
    loaded: false,
  };

  // ---------- formatting ----------
  // Locale-aware through I18n: times in UTC and marked so, numbers with the language's separators.
  const fmtTime = (iso) => I18n.time(iso);
  const fmtPercent = (p) => I18n.percent(p);
  const fmtCoord = (x) => I18n.number(x, 5);
  const fmtInt = (x) => I18n.number(Math.round(Number(x)), 0);
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }
  function apiLink(path, text) {
    return el("a", { href: path, target: "_blank", rel: "noopener" }, text);
  }
  function row(label, ...value) {
    return el("tr", {}, el("th", {}, label), el("td", {}, ...value));
  }
  function partyName(id) {
    const p = state.agreement.parties.find((x) => x.id === id);
    return p ? p.name : id;
  }
  function contingentName(id) {
    const c = state.agreement.contingents.find((x) => x.id === id);
    return c ? c.name : id;
  }
  function partyColour(id) {
    return id && state.partyIndex.has(id) ? PARTY_COLOURS[state.partyIndex.get(id) % PARTY_COLOURS.length]
      : UNDETERMINED_COLOUR;
  }
  function contingentColour(id) {
    return id && state.contingentIndex.has(id)
      ? CONTINGENT_COLOURS[state.contingentIndex.get(id) % CONTINGENT_COLOURS.length] : UNDETERMINED_COLOUR;
  }
  function translated(prefix, value) {
    return I18n.has(prefix + value) ? t(prefix + value) : value;
  }
  const cssId = (id) => String(id).replace(/[^A-Za-z0-9_-]/g, "_");

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }
  async function getAllPages(path) {
    const items = [];
    let next = path;
    while (next) {
      const page = await getJson(next);
      items.push(...page.items);
      next = page.next;
    }
    return items;
  }

  // ---------- map and zones ----------
  function createMap() {
    const map = L.map("map", { zoomSnap: 0.25, preferCanvas: false, attributionControl: false });
    // Own panes keep the drawing order fixed however late a layer arrives: basemap, footprints, then markers.
    for (const [i, name] of ["reference", "zones", "coverage", "flightplans", "footprints", "tracks", "assets", "incidents"].entries()) {
      state.panes[name] = map.createPane(name);
      state.panes[name].style.zIndex = String(400 + i * 10);
    }
    return map;
  }

  function zonePopup(p) {
    const body = el("table", { class: "details" });
    body.append(row(t("zone.role." + p.role), p.name));
    if (p.heldBy) body.append(row(t("zone.heldBy"), partyName(p.heldBy)));
    body.append(row(t("zone.source"), p.source));
    body.append(row(t("zone.caveat"), p.caveat));
    return el("div", { class: "popup" }, el("h3", {}, p.name, " ", apiLink("/api/zones", t("common.api"))), body);
  }

  function drawZones(collection) {
    const byRole = new Map();
    for (const f of collection.features) {
      state.zoneNames.set(f.properties.id, f.properties.name);
      const list = byRole.get(f.properties.role) || [];
      list.push(f);
      byRole.set(f.properties.role, list);
    }
    const rolesShown = [];
    for (const role of ROLE_ORDER) {
      const features = byRole.get(role);
      if (!features) continue;
      rolesShown.push(role);
      const pane = role === "REFERENCE" ? "reference" : "zones";
      const layer = L.geoJSON({ type: "FeatureCollection", features }, {
        pane,
        style: () => Object.assign({ className: `zone zone-${role.toLowerCase()}` }, ZONE_STYLES[role]),
        onEachFeature: (f, lyr) => {
          lyr.bindPopup(() => zonePopup(f.properties));
          if (role === "REFERENCE") {
            lyr.bindTooltip(f.properties.name, { permanent: true, direction: "center", className: "district-label" });
          } else {
            lyr.bindTooltip(f.properties.name, { sticky: true });
          }
        },
      }).addTo(state.map);
      if (role === "REFERENCE") layer.eachLayer((l) => l.bringToBack());
    }
    // Open on the theater (what is monitored), not on the reference outlines of whole countries.
    const theater = collection.features.find((f) => f.properties.role === "THEATER");
    const bbox = collection.bbox;
    if (theater) state.map.fitBounds(L.geoJSON(theater).getBounds(), { padding: [12, 12] });
    else if (bbox) state.map.fitBounds([[bbox[1], bbox[0]], [bbox[3], bbox[2]]], { padding: [12, 12] });
    return rolesShown;
  }

  function addLegend(rolesShown) {
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
      const box = el("div", { class: "legend", id: "legend" }, el("h3", {}, t("legend.title")));
      for (const role of rolesShown) {
        const s = ZONE_STYLES[role];
        const swatch = el("span", { class: "swatch" });
        swatch.style.borderColor = s.color;
        swatch.style.borderStyle = s.dashArray ? "dashed" : "solid";
        swatch.style.background = s.fill === false ? "transparent" : s.fillColor;
        swatch.style.opacity = s.fill === false ? "1" : String(Math.max(0.35, s.fillOpacity * 2));
        box.append(el("div", { class: "legend-row" }, swatch, t("zone.role." + role)));
      }
      const dot = (cls) => el("span", { class: "swatch dot " + cls });
      box.append(el("div", { class: "legend-row" }, dot("incident-open"), t("legend.incidentOpen")));
      box.append(el("div", { class: "legend-row" }, dot("incident-closed"), t("legend.incidentClosed")));
      box.append(el("div", { class: "legend-row" }, dot("track"), t("legend.track")));
      const arrow = el("span", { class: "swatch drone" });
      arrow.innerHTML = arrowSvg("#555555", 0);
      box.append(el("div", { class: "legend-row" }, arrow, t("legend.drone")));
      box.append(el("div", { class: "legend-row" }, el("span", { class: "swatch sensor" }), t("legend.sensor")));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(state.map);
  }

  // ---------- incidents ----------
  function incidentPopup(i) {
    const body = el("table", { class: "details" });
    body.append(row(t("incident.provision"),
      t("incident.provisionVersion", { provision: i.provision, version: i.provisionVersion })));
    body.append(row(t("incident.rule"), t("incident.ruleValue", { rule: i.rule, type: translated("rule.type.", i.ruleType) })));
    body.append(row(t("incident.zone"), t("incident.zoneValue", { name: state.zoneNames.get(i.zone) || i.zone, id: i.zone })));
    body.append(row(t("incident.interval"), t("incident.intervalValue", { start: fmtTime(i.start), end: fmtTime(i.end) })));
    body.append(row(t("incident.party"), partyText(i)));
    body.append(row(t("incident.place"), t("incident.placeValue",
      { lat: fmtCoord(i.place.lat), lon: fmtCoord(i.place.lon), radius: fmtInt(i.uncertaintyM) })));
    if (i.fire) fireRows(i.fire).forEach((r) => body.append(r));
    const evidence = el("span", { class: "evidence" }, t("incident.evidenceCount", { count: fmtInt(i.evidence.length) }));
    for (const id of i.evidence.slice(0, 10)) evidence.append(" ", apiLink(`/api/observations/${encodeURIComponent(id)}`, id));
    if (i.evidence.length > 10) evidence.append(" …");
    body.append(row(t("incident.evidence"), evidence));
    body.append(row(t("incident.summary"), i.summary));
    return el("div", { class: "popup incident-popup", dataset: { incidentId: i.id } },
      el("h3", {}, apiLink(`/api/incidents/${encodeURIComponent(i.id)}`, t("incident.title", { id: i.id })),
        " ", el("span", { class: `state state-${i.state.toLowerCase()}` }, t("incident.state." + i.state))),
      body);
  }

  // How a cease-fire incident's fire event was placed: method, 95 % ellipse, cues by kind, the launch's sides.
  function fireRows(f) {
    const rows = [];
    const kinds = Object.entries(f.cueKinds || {})
      .map(([k, n]) => t("fire.cueKind", { count: fmtInt(n), kind: translated("fire.cueKind.", k) })).join(", ");
    const method = translated("fire.method.", f.method);
    rows.push(row(t("fire.location"), f.ellipse95
      ? t("fire.ellipseValue", { method, major: fmtInt(f.ellipse95.semiMajorM), minor: fmtInt(f.ellipse95.semiMinorM),
        azimuth: fmtInt(f.ellipse95.orientationDeg), cues: kinds })
      : t("fire.notLocatedValue", { method, radius: fmtInt(f.uncertaintyM), cues: kinds })));
    if (f.launch) {
      for (const s of f.launch.sides) {
        rows.push(row(t("fire.launchSide"), t("fire.launchSideValue", {
          zone: state.zoneNames.get(s.heldArea) || s.heldArea, inside: fmtPercent(s.inside),
          holder: partyName(s.holder), beyond: fmtPercent(s.beyond),
          outside: s.outsideParty ? partyName(s.outsideParty) : "—", contested: fmtPercent(s.contested) })));
      }
    }
    return rows;
  }

  // The incident's 95 % region: its fire event's error ellipse when it has one, else the 95 % circle.
  function uncertaintyShape(i) {
    const style = { pane: "incidents", weight: 1, color: "#d62728", dashArray: "2 3", fill: false, interactive: false,
      className: "incident-uncertainty" };
    const e = i.fire && i.fire.ellipse95;
    if (!e) return L.circle([i.place.lat, i.place.lon], { ...style, radius: Math.max(i.uncertaintyM, 1) });
    // Metres to degrees on a sphere: ample at the kilometre scale of an ellipse.
    const lat = i.fire.position.lat, lon = i.fire.position.lon, r = 6378137, az = e.orientationDeg * Math.PI / 180;
    const pts = [];
    for (let k = 0; k < 64; k++) {
      const phi = 2 * Math.PI * k / 64;
      const a = Math.max(e.semiMajorM, 1) * Math.cos(phi), b = Math.max(e.semiMinorM, 1) * Math.sin(phi);
      const east = a * Math.sin(az) + b * Math.cos(az), north = a * Math.cos(az) - b * Math.sin(az);
      pts.push([lat + north / r * 180 / Math.PI, lon + east / (r * Math.cos(lat * Math.PI / 180)) * 180 / Math.PI]);
    }
    return L.polygon(pts, { ...style, className: "incident-uncertainty incident-ellipse" });
  }

  function partyText(i) {
    // A restricted-movement incident concerns a contingent's own asset, not a party's forces.
    if (i.ruleType === "restricted-movement") return t("incident.assetSubject", { asset: i.subject });
    const confidence = fmtPercent(i.attributionConfidence);
    return i.party ? t("incident.partyValue", { party: partyName(i.party), confidence })
      : t("incident.undetermined", { confidence });
  }

  // A record is older when it covers less: incidents only grow (end, evidence) and close, never reopen.
  function olderThan(a, b) {
    if (a.end !== b.end) return a.end < b.end;
    if (a.evidence.length !== b.evidence.length) return a.evidence.length < b.evidence.length;
    return a.state === "OPEN" && b.state === "CLOSED";
  }

  function upsertIncident(i) {
    const known = state.incidents.get(i.id);
    // Live events queued during the first load may be older than what the load returned.
    if (known && olderThan(i, known.incident)) return;
    const latLng = [i.place.lat, i.place.lon];
    const open = i.state === "OPEN";
    const style = {
      pane: "incidents", radius: 8, weight: 2, color: "#ffffff",
      fillColor: open ? "#d62728" : "#8c8c8c", fillOpacity: 0.95,
      className: `incident-marker inc-${cssId(i.id)} incident-${open ? "open" : "closed"}`,
    };
    if (known) {
      known.marker.setLatLng(latLng).setStyle({ fillColor: style.fillColor });
      const path = known.marker.getElement();
      if (path) path.setAttribute("class", `leaflet-interactive ${style.className}`);
      known.ring.remove();
      known.ring = uncertaintyShape(i).addTo(state.map);
      known.incident = i;
      known.marker.setPopupContent(incidentPopup(i));
    } else {
      const ring = uncertaintyShape(i);
      const marker = L.circleMarker(latLng, style).bindPopup(incidentPopup(i), { maxWidth: 360 });
      ring.addTo(state.map);
      marker.addTo(state.map);
      state.incidents.set(i.id, { incident: i, marker, ring });
    }
    renderIncidentList();
  }

  function renderIncidentList() {
    const list = $("incident-list");
    const items = [...state.incidents.values()].map((x) => x.incident)
      .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : a.id < b.id ? 1 : -1));
    list.replaceChildren(...items.map((i) => {
      const li = el("li", { class: `incident incident-${i.state.toLowerCase()}`, dataset: { incidentId: i.id } },
        el("div", { class: "incident-head" },
          apiLink(`/api/incidents/${encodeURIComponent(i.id)}`, i.id), " ",
          el("span", { class: `state state-${i.state.toLowerCase()}` }, t("incident.state." + i.state))),
        el("div", { class: "incident-what" },
          t("incidents.rowWhat", { type: translated("rule.type.", i.ruleType), zone: state.zoneNames.get(i.zone) || i.zone,
            provision: t("incident.provisionVersion", { provision: i.provision, version: i.provisionVersion }) })),
        el("div", { class: "incident-when" }, t("incident.intervalValue", { start: fmtTime(i.start), end: fmtTime(i.end) })),
        el("div", { class: "incident-who" }, t("incidents.rowWho",
          { party: partyText(i), evidence: t("incident.evidenceCount", { count: fmtInt(i.evidence.length) }) })));
      li.addEventListener("click", (ev) => {
        if (ev.target.tagName === "A") return;
        const entry = state.incidents.get(i.id);
        state.map.setView(entry.marker.getLatLng(), Math.max(state.map.getZoom(), 11));
        entry.marker.openPopup();
      });
      return li;
    }));
    $("incident-count").textContent = items.length ? t("incidents.count", { count: fmtInt(items.length) }) : t("incidents.none");
  }

  // ---------- tracks ----------
  function trackPopup(tr) {
    const body = el("table", { class: "details" });
    body.append(row(t("track.class"), t("track.classValue",
      { objectClass: translated("object.class.", tr.objectClass), confidence: fmtPercent(tr.classConfidence) })));
    body.append(row(t("track.side"), tr.side
      ? t("incident.partyValue", { party: partyName(tr.side), confidence: fmtPercent(tr.sideConfidence) })
      : t("incident.undetermined", { confidence: fmtPercent(tr.sideConfidence) })));
    body.append(row(t("track.size"), I18n.number(tr.size)));
    body.append(row(t("track.status"), translated("track.status.", tr.status)));
    body.append(row(t("track.seen"), t("incident.intervalValue", { start: fmtTime(tr.firstSeen), end: fmtTime(tr.time) })));
    const evidence = el("span", {}, t("incident.evidenceCount", { count: fmtInt(tr.evidence.length) }));
    for (const id of tr.evidence.slice(-5)) evidence.append(" ", apiLink(`/api/observations/${encodeURIComponent(id)}`, id));
    body.append(row(t("incident.evidence"), evidence));
    return el("div", { class: "popup" }, el("h3", {}, t("track.title", { id: tr.id })), body);
  }

  function upsertTrack(tr) {
    const known = state.tracks.get(tr.id);
    if (tr.status === "DELETED") {
      if (known) { known.remove(); state.tracks.delete(tr.id); }
      return;
    }
    const latLng = [tr.position.lat, tr.position.lon];
    const colour = partyColour(tr.side);
    if (known) {
      known.setLatLng(latLng).setStyle({ fillColor: colour, dashArray: tr.status === "TENTATIVE" ? "2 2" : null });
      known.setPopupContent(trackPopup(tr));
    } else {
      const marker = L.circleMarker(latLng, { pane: "tracks", radius: 5, weight: 1.5, color: "#222222",
        fillColor: colour, fillOpacity: 0.9, dashArray: tr.status === "TENTATIVE" ? "2 2" : null,
        className: `track-marker trk-${cssId(tr.id)}` }).bindPopup(trackPopup(tr));
      marker.addTo(state.map);
      state.tracks.set(tr.id, marker);
    }
  }

  // ---------- assets ----------
  function assetPopup(info, fix, fixId, health) {
    const body = el("table", { class: "details" });
    body.append(row(t("asset.owner"), contingentName(info.owner)));
    body.append(row(t("track.class"), translated("asset.kind.", info.kind)));
    if (health) {
      const since = health.since ? t("asset.healthSince", { time: fmtTime(health.since) }) : "";
      body.append(row(t("asset.health"), el("span", { class: `health health-${cssId(health.status).toLowerCase()}` },
        translated("health.status.", health.status)), " ", since, " ",
        apiLink(`/api/assets/${encodeURIComponent(info.id)}/health`, t("common.api"))));
      if (health.reason) body.append(row(t("asset.healthReason"), health.reason));
    }
    if (fix) {
      body.append(row(t("asset.lastFix"), fmtTime(fix.time), " ",
        apiLink(`/api/observations/${encodeURIComponent(fixId)}`, fixId)));
      body.append(row(t("asset.altitude"), t("asset.altitudeValue", { value: fmtInt(fix.altitudeM) })));
    }
    return el("div", { class: "popup" },
      el("h3", {}, apiLink(`/api/assets/${encodeURIComponent(info.id)}`, t("asset.title", { id: info.id }))), body);
  }

  // An arrow, not a triangle: a rotated equilateral triangle cannot show a heading.
  function arrowSvg(colour, heading) {
    return `<svg class="drone-glyph" viewBox="0 0 20 20" width="20" height="20"`
      + ` style="transform:rotate(${Number(heading) || 0}deg)"><path d="M10 1 L17 18 L10 13.5 L3 18 Z"`
      + ` fill="${colour}" stroke="#ffffff" stroke-width="1.5"/></svg>`;
  }

  function droneIcon(colour, heading, id) {
    return L.divIcon({ className: `asset-icon drone-icon ast-${cssId(id)}`, html: arrowSvg(colour, heading),
      iconSize: [20, 20], iconAnchor: [10, 10] });
  }

  // Marker styling follows the status: the class health-<status> on the marker element (see map.css).
  function applyHealth(entry) {
    const node = entry.marker && entry.marker.getElement();
    if (!node || !entry.health) return;
    for (const c of [...node.classList]) if (c.startsWith("health-")) node.classList.remove(c);
    node.classList.add(`health-${cssId(entry.health.status).toLowerCase()}`);
  }

  function setHealth(id, health) {
    const entry = state.assets.get(id);
    if (!entry) return;
    entry.health = health;
    applyHealth(entry);
    if (entry.marker) entry.marker.bindPopup(assetPopup(entry.info, entry.fix, entry.fixId, entry.health));
  }

  function placeAsset(info, fix, fixId, footprint, health) {
    let entry = state.assets.get(info.id);
    if (!entry) {
      entry = { info, marker: null, footprint: null, fix: null, fixId: null, health: null };
      state.assets.set(info.id, entry);
    }
    entry.info = Object.assign({}, entry.info, info);
    if (fix) { entry.fix = fix; entry.fixId = fixId; }
    if (health) entry.health = health;
    const colour = contingentColour(entry.info.owner);
    const position = fix ? fix.position : entry.info.site;
    if (position) {
      const latLng = [position.lat, position.lon];
      const mobile = entry.info.kind === "DRONE" || entry.info.kind === "STAFF_BEACON";
      if (!entry.marker) {
        entry.marker = mobile && entry.info.kind === "DRONE"
          ? L.marker(latLng, { pane: "assets", icon: droneIcon(colour, fix ? fix.headingDeg : 0, info.id) })
          : L.circleMarker(latLng, { pane: "assets", radius: mobile ? 4 : 5, weight: 1.5, color: "#222222",
            fillColor: colour, fillOpacity: 1, className: `asset-marker ast-${cssId(info.id)}` });
        // Drones carry a permanent label: they move, and an operator follows them by id.
        entry.marker.bindTooltip(info.id, { direction: "right", offset: [8, 0], className: "asset-label",
          permanent: entry.info.kind === "DRONE" });
        entry.marker.addTo(state.map);
        applyHealth(entry);
      } else {
        entry.marker.setLatLng(latLng);
        if (entry.info.kind === "DRONE" && fix) {
          const glyph = entry.marker.getElement() && entry.marker.getElement().querySelector(".drone-glyph");
          if (glyph) glyph.style.transform = `rotate(${Number(fix.headingDeg) || 0}deg)`;
        }
      }
      entry.marker.bindPopup(assetPopup(entry.info, entry.fix, entry.fixId, entry.health));
    }
    if (footprint) {
      const ring = footprint.ring.map((p) => [p.lat, p.lon]);
      if (!entry.footprint) {
        entry.footprint = L.polygon(ring, { pane: "footprints", color: colour, weight: 1, fillColor: colour,
          fillOpacity: 0.15, interactive: false, className: `footprint fp-${cssId(info.id)}` }).addTo(state.map);
      } else {
        entry.footprint.setLatLngs(ring);
      }
    }
  }

  // ---------- clock and live feed ----------
  function showClock(c) {
    $("clock").textContent = fmtTime(c.time);
    $("clock").setAttribute("datetime", c.time);
    $("clock-kind").textContent = t(c.simulated ? "clock.simulated" : "clock.real");
  }

  function setLive(status) {
    document.body.dataset.live = status;
    $("live-status").textContent = t("live." + status);
    $("live-status").className = `live-status live-${status}`;
  }

  function handle(name, data) {
    switch (name) {
      case "incident": upsertIncident(data.incident); break;
      case "track": upsertTrack(data); break;
      case "asset": {
        const known = state.assets.get(data.asset);
        const info = { id: data.asset, owner: data.owner || (known && known.info.owner),
          kind: data.kind || (known && known.info.kind) };
        placeAsset(info, data.fix, data.fixId, data.footprint);
        break;
      }
      case "health": setHealth(data.asset, { status: data.to, since: data.time, reason: data.reason }); break;
      case "clock": showClock(data); break;
      default: break;
    }
  }

  function connect() {
    setLive("connecting");
    const source = new EventSource("/api/events");
    let lostOnce = false;
    for (const name of ["incident", "track", "asset", "health", "clock"]) {
      source.addEventListener(name, (ev) => {
        const data = JSON.parse(ev.data);
        if (state.loaded) handle(name, data); else state.pending.push([name, data]);
      });
    }
    source.onopen = () => {
      setLive("open");
      // Events sent while we were away are lost: reload the incidents so the list is whole again.
      if (lostOnce) loadIncidents().catch((e) => console.error(e));
    };
    source.onerror = () => { lostOnce = true; setLive("lost"); };
  }

  async function loadIncidents() {
    const incidents = await getAllPages("/api/incidents?limit=1000");
    for (const i of incidents) upsertIncident(i);
  }

  async function main() {
    await I18n.load();
    I18n.apply(document);
    I18n.bindSelector($("lang-select"));
    TruceSession.show($("session")).catch((e) => console.error("who is signed in", e));
    state.map = createMap();
    connect();
    const [agreement, zones, assets, clock] = await Promise.all([
      getJson("/api/agreement"), getJson("/api/zones"), getJson("/api/assets"), getJson("/api/clock")]);
    state.agreement = agreement;
    agreement.parties.forEach((p, n) => state.partyIndex.set(p.id, n));
    agreement.contingents.forEach((c, n) => state.contingentIndex.set(c.id, n));
    $("agreement-title").textContent = agreement.title;
    addLegend(drawZones(zones));
    state.coverage = TruceCoverage.start(state.map, "coverage", $("legend"));
    state.flightPlans = TruceFlightPlans.start(state.map, "flightplans", $("legend"));
    for (const a of assets) {
      placeAsset(a, a.lastFix && a.lastFix.observation, a.lastFix && a.lastFix.observationId,
        a.lastFootprint && a.lastFootprint.observation, a.health);
    }
    showClock(clock);
    const tracks = await getJson("/api/tracks");
    tracks.forEach(upsertTrack);
    await loadIncidents();
    renderIncidentList();
    state.loaded = true;
    for (const [name, data] of state.pending.splice(0)) handle(name, data);
    document.body.dataset.ready = "true";
  }

  main().catch((e) => {
    console.error(e);
    const box = $("incident-count");
    if (box) box.textContent = t("app.loadFailed", { what: "/api", reason: e.message });
    document.body.dataset.ready = "failed";
  });

  // Exposed for tests and the console; read-only views of what is drawn.
  window.truceMap = {
    incidentIds: () => [...state.incidents.keys()],
    trackIds: () => [...state.tracks.keys()],
    assetPosition: (id) => {
      const e = state.assets.get(id);
      return e && e.marker ? e.marker.getLatLng() : null;
    },
    coverage: () => state.coverage,
    flightPlanIds: () => (state.flightPlans ? state.flightPlans.ids() : []),
    assetHealth: (id) => {
      const e = state.assets.get(id);
      return e && e.health ? e.health.status : null;
    },
  };
})();

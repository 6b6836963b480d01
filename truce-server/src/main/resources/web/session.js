/*
 * Who is signed in, for a page header: "name · role" and a sign-out link, or a sign-in link for the public.
 * Reads GET /api/session (the public needs nothing); signing out is DELETE /api/session with the session's
 * CSRF token, then a reload. Other scripts call TruceSession.csrf() for the X-CSRF-Token of their own unsafe
 * requests. Text from I18n, so call show() after I18n.load().
 */
"use strict";
const TruceSession = (() => {
  let current = { signedIn: false, role: "PUBLIC" };

  async function signOut(event) {
    event.preventDefault();
    await fetch("/api/session", { method: "DELETE", credentials: "same-origin",
      headers: { "X-CSRF-Token": current.csrf || "", Accept: "application/json" } });
    window.location.reload();
  }

  function link(id, messageId, href) {
    const a = document.createElement("a");
    a.id = id;
    a.href = href;
    a.textContent = I18n.t(messageId);
    return a;
  }

  async function show(element) {
    const response = await fetch("/api/session", { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) return current; // no session endpoint: the page works for the public as before
    current = await response.json();
    if (current.signedIn) {
      const who = document.createElement("span");
      who.id = "session-user";
      who.textContent = I18n.t("session.signedInAs", { name: current.name || current.user,
        role: I18n.t("role." + current.role) });
      who.title = [current.user, current.contingent, current.party].filter(Boolean).join(" · ");
      const out = link("sign-out", "session.signOut", "#");
      out.addEventListener("click", signOut);
      element.replaceChildren(who, out);
    } else {
      const here = window.location.pathname + window.location.search;
      element.replaceChildren(link("sign-in-link", "session.signIn", "/login.html?next=" + encodeURIComponent(here)));
    }
    return current;
  }

  return { show, csrf: () => current.csrf, get current() { return current; } };
})();

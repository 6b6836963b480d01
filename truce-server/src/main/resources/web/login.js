/*
 * The sign-in page: POST /api/session with the user and password; the server sets the session cookie. On
 * success the account's preferred language is remembered (the same localStorage key the language selector uses)
 * and the browser goes to ?next= (a path of this server only) or to the live map.
 */
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const t = (id, vars) => I18n.t(id, vars);

  /** Only a path on this server: never an absolute or protocol-relative URL (no open redirect). */
  function nextUrl() {
    const next = new URLSearchParams(window.location.search).get("next");
    return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
  }

  async function signIn(event) {
    event.preventDefault();
    const message = $("login-message");
    const button = $("sign-in");
    message.textContent = "";
    button.disabled = true;
    try {
      const response = await fetch("/api/session", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ user: $("user").value, password: $("password").value }),
      });
      if (response.ok) {
        const session = await response.json();
        try {
          if (session.lang) window.localStorage.setItem("truce.lang", session.lang);
        } catch (e) {
          // storage disabled: the page keeps its language choice rules
        }
        window.location.assign(nextUrl());
        return;
      }
      const problem = await response.json().catch(() => ({}));
      if (response.status === 401) {
        message.textContent = t("login.failed");
      } else if (response.status === 429) {
        message.textContent = t("login.throttled", { seconds: response.headers.get("Retry-After") || "?" });
      } else {
        message.textContent = t("login.refused", { reason: problem.detail || response.status });
      }
      $("password").value = "";
      $("password").focus();
    } catch (e) {
      message.textContent = t("login.refused", { reason: e.message });
    } finally {
      button.disabled = false;
    }
  }

  async function main() {
    await I18n.load();
    I18n.apply(document);
    document.title = t("login.title");
    I18n.bindSelector($("lang-select"));
    $("login-form").addEventListener("submit", signIn);
    document.body.dataset.ready = "true";
  }

  main().catch((e) => {
    console.error(e);
    document.body.dataset.ready = "failed";
  });
})();

// RepairQuote console: progressive enhancement only. Without this file every page works by
// full-page posts. Same-origin requests only.
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }

  // Copy buttons: <button data-copy="input-id">.
  function wireCopy() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var input = document.getElementById(button.getAttribute("data-copy"));
        if (!input) return;
        var done = function () { button.textContent = button.textContent.replace(/ ✓$/, "") + " ✓"; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(input.value).then(done);
        } else {
          input.select();
          document.execCommand("copy");
          done();
        }
      });
    });
  }

  function normalize(name) { return name.toLowerCase().replace(/[\s\-_\u3000]/g, ""); }

  function fillSelect(select, options) {
    if (!select) return;
    var current = select.value;
    while (select.options.length > 1) select.remove(1);
    options.forEach(function (o) {
      var option = new Option(o.label, o.value, false, o.value === current);
      select.add(option);
    });
  }

  // The form's lists follow the market and the model, from GET /v1/catalog/{market}.
  function wireCatalog(form) {
    var catalog = null;
    var market = form.elements["market"];
    var model = form.elements["device.model"];
    // A part's or labour code's name in the page's language, else the price list's English one.
    var lang = document.documentElement.lang;
    function named(row) { return (row.names && row.names[lang]) || row.description; }
    // The purchase channels are the same in every market: their options keep their labels.
    var channelLabels = {};
    var channel = form.elements["purchase.channel"];
    if (channel) Array.prototype.forEach.call(channel.options, function (o) { channelLabels[o.value] = o.text; });
    function applyModel() {
      if (!catalog) return;
      var chosen = catalog.models.filter(function (m) { return m.name === model.value; })[0];
      var labor = catalog.labor.filter(function (l) { return !chosen || l.category === chosen.category; });
      fillSelect(form.elements["repair.labor"], labor.map(function (l) {
        return { value: l.code, label: l.code + " · " + named(l) + (chosen ? "" : " (" + l.category + ")") };
      }));
      var parts = catalog.parts.filter(function (p) {
        return !chosen || p.models === null || p.models.some(function (m) { return normalize(m) === normalize(chosen.name); });
      });
      for (var row = 0; form.elements["repair.parts." + row + ".sku"]; row++) {
        fillSelect(form.elements["repair.parts." + row + ".sku"], parts.map(function (p) {
          return { value: p.sku, label: p.sku + " · " + named(p) };
        }));
      }
    }
    function load() {
      if (!market || !market.value) return Promise.resolve();
      return fetch("/v1/catalog/" + encodeURIComponent(market.value), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (json) {
          if (!json) return;
          catalog = json;
          fillSelect(model, json.models.map(function (m) { return { value: m.name, label: m.name }; }));
          fillSelect(channel, json.channels.map(function (c) { return { value: c, label: channelLabels[c] || c }; }));
          applyModel();
        });
    }
    if (market) market.addEventListener("change", load);
    if (model) model.addEventListener("change", function () { if (catalog) applyModel(); else load(); });
  }

  // A field's error shows once the field has been left, or once Issue or Preview was pressed (the
  // page then comes back with every error): the live preview never marks a field not reached yet.
  // A required field left empty is marked once it has been left (its .field's data-required).
  // Without this file the server marks them.
  function fieldErrors(form) {
    var touched = {};
    var sent = document.querySelector(".error[role=alert]") !== null;
    var last = document;
    // The server's error for the field in the last page (not one this script wrote), else the
    // required mark of an empty required field; null when the field shows none.
    function message(field, input) {
      if (!sent && !touched[input.id]) return null;
      var other = last.getElementById(input.id);
      var error = other && other.closest(".field") && other.closest(".field").querySelector(".field-error");
      if (error && !error.hasAttribute("data-required-mark")) return { text: error.textContent };
      if (input.value || !field.hasAttribute("data-required")) return null;
      return { text: field.getAttribute("data-required"), required: true };
    }
    function mark(field) {
      var input = field.querySelector("input, select");
      if (!input || !input.id) return;
      var found = message(field, input);
      var old = field.querySelector(".field-error");
      if (old) old.remove();
      field.classList.toggle("invalid", found !== null);
      if (found === null) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
        return;
      }
      var error = document.createElement("p");
      error.className = "field-error";
      error.id = input.id + "-error";
      error.textContent = found.text;
      if (found.required) error.setAttribute("data-required-mark", "");
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", error.id);
      field.appendChild(error);
    }
    function markAll() { form.querySelectorAll(".field").forEach(mark); }
    form.addEventListener("focusout", function (event) {
      var field = event.target.closest && event.target.closest(".field");
      if (!field || !event.target.id) return;
      touched[event.target.id] = true;
      mark(field);
    });
    // Issue is always sent: the server's answer leads with the error summary, focused and
    // announced (role="alert"), whose entries link to the fields (WCAG 3.3.1; a11y_test.py).
    form.addEventListener("submit", function () {
      sent = true;
      markAll();
    });
    return {
      // The marks of a freshly rendered page (the live preview's), for the fields they may show.
      follow: function (page) {
        last = page;
        markAll();
      }
    };
  }

  // The preview follows the fields: the same POST as the Preview button, its #preview swapped in.
  function wirePreview(form) {
    var errors = fieldErrors(form);
    var preview = document.getElementById("preview");
    if (!preview) return;
    var timer = null;
    var serial = 0;
    function refresh() {
      var data = new URLSearchParams(new FormData(form));
      data.set("action", "preview");
      var mine = ++serial;
      fetch(form.getAttribute("action"), {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" }
      }).then(function (r) { return r.text(); }).then(function (html) {
        if (mine !== serial) return;
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("preview");
        if (fresh) preview.innerHTML = fresh.innerHTML;
        errors.follow(page);
      }).catch(function () { /* the buttons still work */ });
    }
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    }
    form.addEventListener("change", schedule);
    form.addEventListener("input", schedule);
  }

  // Final steps ask first: <form data-confirm="question"> (an answer, a void). Without this
  // file the form posts at once.
  function wireConfirm() {
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
      });
    });
  }

  // After a failed submit the error summary takes the focus, so that it is read first (WCAG 3.3.1).
  function focusErrors() {
    var summary = document.querySelector(".error-summary");
    if (!summary) return;
    summary.focus();
    summary.querySelectorAll("a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var field = document.getElementById(link.getAttribute("href").slice(1));
        if (!field) return;
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: "center" });
      });
    });
  }

  // The session ends after data-session-idle seconds without a request. Two minutes before, a
  // warning offers to stay signed in (WCAG 2.2.1); "Stay signed in" asks GET /console/session,
  // which restarts the idle time. When the time is up, the warning says so.
  function wireSession() {
    var idle = parseInt(document.body.getAttribute("data-session-idle") || "", 10);
    var warning = document.getElementById("session-warning");
    var extend = document.getElementById("session-extend");
    if (!idle || !warning || !extend) return;
    var text = document.getElementById("session-warning-text");
    var timers = [];
    var before = null;
    function arm() {
      timers.forEach(clearTimeout);
      timers = [
        setTimeout(show, Math.max(idle - 120, 1) * 1000),
        setTimeout(ended, idle * 1000)
      ];
    }
    function show() {
      before = document.activeElement;
      warning.hidden = false;
      extend.focus();
    }
    function ended() {
      text.textContent = text.getAttribute("data-ended");
      extend.hidden = true;
      warning.hidden = false;
    }
    extend.addEventListener("click", function () {
      fetch("/console/session", { credentials: "same-origin", cache: "no-store" }).then(function (r) {
        if (!r.ok) { ended(); return; }
        warning.hidden = true;
        arm();
        if (before && before.focus) before.focus();
      }).catch(ended);
    });
    arm();
  }

  // What was typed in the quote form outlives the session: saved in this tab at each submit, and
  // sent again (as "Update the lists") when the sign-in that followed an expired session brings the
  // form back with ?resume=1. Dropped once the quote is issued.
  var draftKey = "repairquote.draft:";
  function wireDraft(form) {
    var key = draftKey + form.getAttribute("action");
    form.addEventListener("submit", function () {
      var fields = [];
      new FormData(form).forEach(function (value, name) { if (name !== "csrf") fields.push([name, value]); });
      try { sessionStorage.setItem(key, JSON.stringify(fields)); } catch (e) { /* private mode: no draft */ }
    });
    var saved = null;
    try { saved = sessionStorage.getItem(key); } catch (e) { return; }
    if (!saved || !/[?&]resume=1\b/.test(location.search)) return;
    var again = document.createElement("form");
    again.method = "post";
    again.action = form.getAttribute("action");
    again.hidden = true;
    JSON.parse(saved).concat([["csrf", form.elements["csrf"].value], ["action", "choices"]]).forEach(function (pair) {
      if (pair[0] === "action" && pair[1] !== "choices") return;
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = pair[0];
      input.value = pair[1];
      again.appendChild(input);
    });
    document.body.appendChild(again);
    again.submit();
  }

  function dropDraft() {
    if (!/[?&]done=issue\b/.test(location.search)) return;
    try {
      Object.keys(sessionStorage).forEach(function (k) { if (k.indexOf(draftKey) === 0) sessionStorage.removeItem(k); });
    } catch (e) { /* nothing kept */ }
  }

  onReady(function () {
    wireCopy();
    wireConfirm();
    focusErrors();
    wireSession();
    dropDraft();
    var form = document.getElementById("quote-form");
    if (form) {
      wireCatalog(form);
      wirePreview(form);
      wireDraft(form);
    }
  });
})();

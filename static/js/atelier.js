// Atelier's enhancements. Every page works without this script: each form still posts, redirects and
// shows the next page. With it, votes and comments change in place, Markdown is previewed while it is
// written, long fields count their characters, destructive actions ask first, and a running session counts.
(function () {
  "use strict";

  var FRAGMENT_HEADER = "X-Atelier-Fragment";

  function postForm(form) {
    return fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { [FRAGMENT_HEADER]: "1" },
      credentials: "same-origin"
    });
  }

  function replace(target, html) {
    var holder = document.createElement("template");
    holder.innerHTML = html.trim();
    var fresh = holder.content.firstElementChild;
    target.replaceWith(fresh);
    enhance(fresh);
    var invalid = fresh.querySelector("[aria-invalid=true]");
    var button = fresh.matches(".votes") ? fresh.querySelector("button") : null;
    var focus = invalid || button || fresh.querySelector("h2");
    if (focus) {
      if (!focus.matches("button, textarea, input")) focus.setAttribute("tabindex", "-1");
      focus.focus();
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    var selector = form.getAttribute("data-swap");
    var target = selector && document.querySelector(selector);
    if (!target) return;
    event.preventDefault();
    postForm(form).then(function (response) {
      if (response.ok || response.status === 422) {
        return response.text().then(function (html) { replace(target, html); });
      }
      form.submit(); // the server's own page says what went wrong
    }).catch(function () { form.submit(); });
  });

  function counter(field) {
    var max = parseInt(field.getAttribute("maxlength"), 10);
    var note = document.createElement("p");
    note.className = "counter";
    note.id = field.id + "-counter";
    field.insertAdjacentElement("afterend", note);
    function update() {
      var left = max - field.value.length;
      note.textContent = field.value.length + " / " + max;
      note.classList.toggle("near-limit", left < max / 10);
      // Only near the limit is the count worth announcing.
      if (left < max / 10) note.setAttribute("aria-live", "polite");
      else note.removeAttribute("aria-live");
    }
    field.addEventListener("input", update);
    update();
  }

  function preview(field) {
    var box = document.getElementById(field.id + "-preview");
    var form = field.form;
    if (!box || !form) return;
    var timer = null;
    function render() {
      var body = new URLSearchParams({ body: field.value, csrf: form.elements.csrf.value });
      fetch("/preview", { method: "POST", body: body, headers: { [FRAGMENT_HEADER]: "1" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null) return;
          box.innerHTML = html;
          box.hidden = false;
        })
        .catch(function () { /* the preview is a comfort, not a need */ });
    }
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(render, 400);
    });
  }

  // While a title is typed, the contributions already like it are shown, so the same idea is not written twice.
  function similar(box) {
    var field = box.closest("form").querySelector("input[name=title]");
    if (!field) return;
    var timer = null;
    function look() {
      if (field.value.trim().length < 4) return;
      fetch(box.getAttribute("data-similar") + "?title=" + encodeURIComponent(field.value),
        { headers: { [FRAGMENT_HEADER]: "1" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html !== null) box.innerHTML = html; })
        .catch(function () { /* the form still checks when it is sent */ });
    }
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(look, 500);
    });
  }

  // While a session runs, its time and cost so far go on counting on both sides' pages, from the server's clock.
  function running(facts) {
    var loaded = Date.now();
    var started = Number(facts.getAttribute("data-running"));
    var serverNow = Number(facts.getAttribute("data-now"));
    var perMinute = Number(facts.getAttribute("data-per-minute"));
    var free = Number(facts.getAttribute("data-free"));
    var planned = Number(facts.getAttribute("data-planned"));
    var money = new Intl.NumberFormat(document.documentElement.lang, { style: "currency", currency: facts.getAttribute("data-currency") });
    function tick() {
      var minutes = Math.min(planned, Math.ceil((serverNow + Date.now() - loaded - started) / 60000));
      var billed = Math.max(0, minutes - free);
      facts.querySelector("[data-minutes]").textContent = minutes + " min";
      facts.querySelector("[data-billed]").textContent = billed + " min";
      facts.querySelector("[data-cost]").textContent = money.format(billed * perMinute / 100);
    }
    setInterval(tick, 5000);
  }

  function enhance(root) {
    root.querySelectorAll("[data-running]").forEach(running);
    root.querySelectorAll("[data-similar]").forEach(similar);
    root.querySelectorAll("textarea[maxlength]").forEach(counter);
    root.querySelectorAll("textarea[data-preview]").forEach(preview);
  }

  enhance(document);
})();
